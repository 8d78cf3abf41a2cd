/// What a check keeps of each workflow and learning plan beyond its findings, for outputs that read
/// more: each costs memory in proportion to the documents checked, so only runs that show it ask.
public struct Retention: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    /// Creates a retention from its bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Each document's steps or items (``CheckedDocument/parts``): JUnit's test cases and the HTML report's sections.
    public static let outlines = Retention(rawValue: 1 << 0)
    /// Every workflow step that uses AI on a classified task (``EngineCheck/stepsWithAI``): the HTML
    /// report's competency gaps and the planner of `report --plan`.
    public static let stepsWithAI = Retention(rawValue: 1 << 1)
    /// Each workflow's and plan's summary (``EngineCheck/checked``), which ``outlines`` implies. A check
    /// keeps them anyway when the workspace holds exceptions, which find their workflows by name.
    public static let documents = Retention(rawValue: 1 << 2)
}
