import TacetDiagnostics

/// Problems in policies themselves, found when layers are resolved or by `tacet lint`: `policy.*` codes.
public enum PolicyErrorCode: String, Sendable, CaseIterable, DiagnosticCode {
    case loosens = "policy.loosens"
    case duplicateRule = "policy.duplicate-rule"
    case extends = "policy.extends"
    case citationConflict = "policy.citation-conflict"
    case noPolicy = "policy.none"
    case policyInvalid = "policy.invalid"
    case neverHolds = "policy.rule-never-holds"
    case alwaysHolds = "policy.rule-always-holds"
    case deadAllowance = "policy.dead-allowance"
    case unclassified = "policy.unclassified"
    case uncited = "policy.uncited"
    case unknownArea = "policy.unknown-area"
    case tooComplex = "policy.too-complex"
    case noFramework = "policy.no-framework"
    case emptyTextTest = "policy.empty-text-test"
    case noticeSignatureKept = "policy.notice-signature-kept"
    case factWithoutData = "policy.fact-without-data"
    case toolTermsMissing = "policy.tool-terms-missing"

    /// What the code means, in one line.
    public var summary: String {
        switch self {
        case .loosens: "a layer loosens what its base sets"
        case .duplicateRule: "a layer restates a rule id its base already defines"
        case .extends: "`extends` names an unknown policy or makes a cycle"
        case .citationConflict: "a citation id is defined twice with different content"
        case .noPolicy: "a workflow cannot be matched to a policy"
        case .policyInvalid: "a workflow's policy has errors, so the workflow was not checked"
        case .neverHolds: "a rule's condition can never hold"
        case .alwaysHolds: "a rule's condition always holds"
        case .deadAllowance: "a rule fires on every use the task table allows for a task at a level"
        case .unclassified: "a framework item no task classifies"
        case .uncited: "a task without a citation"
        case .unknownArea: "a task's area is not an area of the framework"
        case .tooComplex: "a condition too large to analyse"
        case .noFramework: "no Framework document among the inputs, so task areas and classification were not checked"
        case .emptyTextTest: "a `contains` or `matches` test with an empty value holds for every text, so it only tests that the fact is present"
        case .noticeSignatureKept: "a layer's `notice` sets `guardian` or `assent` to false where a layer below asks for that signature, so the false is ignored"
        case .factWithoutData: "a rule reads a trainee, credential or vendor-terms fact that no part of the policy sets (`supervision`, `credentials`, a tool's `terms`), so the fact is the same for every step"
        case .toolTermsMissing: "in a policy that records vendor terms, a tool that may receive client data records none, so rules on whether its vendor trains on client data cannot judge it"
        }
    }

    /// The severity each code is reported with.
    public var defaultSeverity: Severity {
        switch self {
        case .neverHolds, .alwaysHolds, .deadAllowance, .unclassified, .uncited, .emptyTextTest, .noticeSignatureKept, .factWithoutData,
             .toolTermsMissing: .warning
        case .tooComplex, .noFramework: .info
        default: .error
        }
    }
}
