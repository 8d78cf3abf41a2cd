import TacetDiagnostics
import TacetDocuments

/// The outcome of one policy test case.
public struct PolicyTestResult: Sendable {
    /// The PolicyTest document.
    public var document: LoadedDocument
    /// The case.
    public var testCase: PolicyTestCase
    /// Expected findings that did not occur.
    public var missing: [ExpectedFinding]
    /// Findings that occurred but were not expected.
    public var unexpected: [Diagnostic]
    /// Problems that kept the case from running (unreadable inputs, unknown policy).
    public var problems: [Diagnostic]
    /// The rule and requirement ids the case's expectations exercised (matched).
    public var exercised: Set<String>

    /// Whether the case passed.
    public var passed: Bool { missing.isEmpty && unexpected.isEmpty && problems.isEmpty }
}
