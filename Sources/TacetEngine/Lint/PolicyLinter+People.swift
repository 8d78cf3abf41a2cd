import TacetDiagnostics
import TacetDocuments

/// Lint of what a policy says about trainees, credentials and vendors.
extension PolicyLinter {
    /// Reports rules that read a trainee, credential or vendor-terms fact the policy never sets, and,
    /// in a policy that records vendor terms, tools that may receive client data without them.
    static func lintPeople(_ policy: ResolvedPolicy, _ add: (Diagnostic) -> Void) {
        let tools = policy.tools.values.map(\.value)
        let anyTerms = tools.contains { $0.terms != nil }
        var unset: [Fact: String] = [:]
        if policy.supervision == nil {
            for fact in [Fact.performerSupervised, .reviewerSupervisor, .reviewerSupervised] {
                unset[fact] = "the policy states no supervision, so \(fact.rawValue) is false for everyone in the roster"
            }
        }
        if policy.credentials == nil {
            for fact in [Fact.performerCredentialRecognised, .reviewerCredentialRecognised] {
                unset[fact] = "the policy recognises no credentials (no credentials: block), so \(fact.rawValue) is always absent"
            }
        }
        if !anyTerms {
            for fact in [Fact.toolTrainsOnClientData, .toolRetention, .toolDeletion, .toolDataLocation] {
                unset[fact] = "no tool records its vendor's terms, so \(fact.rawValue) is always absent"
            }
        }
        for rule in policy.rules {
            for (fact, pointer) in tests(in: rule.rule.when) {
                guard let why = unset[fact] else { continue }
                add(Diagnostic(PolicyErrorCode.factWithoutData, message: "rule '\(rule.id)' reads \(fact.rawValue), but \(why)",
                               location: rule.document.location(of: pointer + "/fact"), pointer: pointer + "/fact",
                               hint: hint(for: fact)))
            }
        }
        let client = DataClasses([.deidentified, .phi])
        for sourced in policy.tools.values.sorted(by: { $0.value.id < $1.value.id }) {
            let tool = sourced.value
            // Only once the policy records terms at all: an older policy without any is not told off for each tool.
            guard anyTerms, tool.terms == nil, !DataClasses(tool.data).intersection(client).isEmpty else { continue }
            add(Diagnostic(PolicyErrorCode.toolTermsMissing,
                           message: "tool '\(tool.id)' may receive client data, and the policy records no terms for its vendor",
                           location: sourced.document.location(of: tool.pointer), pointer: tool.pointer,
                           hint: "add terms: {trainsOnClientData: ...} from the vendor's contract (retention, deletion and dataLocation too)"))
        }
    }

    /// Every test in `condition`, with its fact and where it is.
    private static func tests(in condition: Condition) -> [(Fact, String)] {
        switch condition {
        case .all(let parts, _), .any(let parts, _): parts.flatMap(tests(in:))
        case .not(let inner, _): tests(in: inner)
        case .test(let name, _, _, let pointer): Fact(rawValue: name).map { [($0, pointer)] } ?? []
        }
    }

    private static func hint(for fact: Fact) -> String {
        switch fact {
        case .performerSupervised, .reviewerSupervisor, .reviewerSupervised:
            "add supervision: {roles: [intern, student], supervisors: [supervisor]} to the policy"
        case .performerCredentialRecognised, .reviewerCredentialRecognised:
            "add credentials: {recognised: [MT-BC]} to the policy"
        default:
            "record the vendor's terms on each tool: terms: {trainsOnClientData: ...}"
        }
    }
}
