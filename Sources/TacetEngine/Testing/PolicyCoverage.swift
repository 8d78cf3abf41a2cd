/// Which of a policy's rules and Tacet's requirements passing tests exercise.
public struct PolicyCoverage: Sendable {
    /// The policy's name.
    public var policy: String
    /// Every rule id of the policy, then every requirement id.
    public var items: [String]
    /// Those some passing test case expects and gets.
    public var exercised: Set<String>

    /// The items no passing test exercises, in order.
    public var uncovered: [String] { items.filter { !exercised.contains($0) } }

    /// The share exercised, 0 to 100.
    public var percent: Double { items.isEmpty ? 100 : Double(exercised.count) * 100 / Double(items.count) }
}
