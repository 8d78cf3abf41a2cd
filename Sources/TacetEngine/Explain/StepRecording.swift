/// What the checker did at one step, as `tacet explain` records it to show it.
struct StepRecording: WorkflowChecker.Observer {
    /// The step's facts as the checker resolved them; nil until it starts on the step.
    private(set) var context: StepContext?
    /// The requirements the checker consulted.
    private(set) var checked: Set<Requirement> = []
    /// The requirements it did not consult, with why.
    private(set) var notChecked: [Requirement: String] = [:]
    /// The rules it decided at the step, by index in the policy: whether each fired, and whether by
    /// evaluating a condition at the step. The others were settled, for the step's task, not to hold.
    private(set) var rules: [Int: (fired: Bool, evaluated: Bool)] = [:]

    static var records: Bool { true }

    mutating func step(_ index: Int, _ context: StepContext) { self.context = context }

    mutating func checked(_ requirement: Requirement) { checked.insert(requirement) }

    mutating func notChecked(_ requirement: Requirement, because reason: String) { notChecked[requirement] = reason }

    mutating func rule(_ index: Int, fired: Bool, evaluated: Bool) { rules[index] = (fired, evaluated) }
}
