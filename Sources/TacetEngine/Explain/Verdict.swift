/// What one requirement or rule decided for a step.
public enum Verdict: String, Sendable {
    /// Checked and satisfied (a rule: did not fire).
    case passed = "pass"
    /// Checked and not satisfied (a rule: fired).
    case failed = "FAIL"
    /// Not consulted, and why is given alongside.
    case notApplicable = "n/a"
}
