/// What one requirement or rule decided for a step.
public enum Verdict: String, Sendable {
    /// Checked and satisfied (a rule: did not fire).
    case passed = "pass"
    /// Checked and not satisfied (a rule: fired).
    case failed = "FAIL"
    /// Not checked by the checker for this step; why is given alongside. Never shown as a pass:
    /// the requirement may well be unmet (a restricted data class sent to an unapproved tool).
    case notChecked = "n/a"
}
