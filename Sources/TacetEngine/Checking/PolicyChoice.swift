import TacetDiagnostics
import TacetDocuments

/// Which policy a workflow is checked against: the one it names, or the only one no other extends.
public struct PolicyChoice: Sendable {
    /// Every resolved policy, by name.
    public let policies: [String: ResolvedPolicy]
    /// The policies no other extends, sorted: the candidates for a workflow that names none.
    public let leaves: [String]

    /// Prepares the choice among `policies`.
    public init(_ policies: [String: ResolvedPolicy]) {
        self.policies = policies
        let extended = Set(policies.values.flatMap { $0.layers.dropLast().map(\.name) })
        leaves = policies.keys.filter { !extended.contains($0) }.sorted()
    }

    /// The policy `workflow` is checked against, or the error that says why there is none.
    public func choose(for document: LoadedDocument, _ workflow: Workflow) -> Result<ResolvedPolicy, DiagnosticError> {
        let chosen: ResolvedPolicy
        if let name = workflow.policy {
            guard let policy = policies[name] else {
                return .failure(DiagnosticError(.error(PolicyErrorCode.noPolicy, "workflow names policy '\(name)', which is not among the documents checked",
                                       at: document.location(of: "/policy"), pointer: "/policy",
                                       hint: Suggestion.closest(to: name, in: Array(policies.keys)).map { "did you mean '\($0)'?" }
                                        ?? "add the policy's file or folder to the paths checked")))
            }
            chosen = policy
        } else {
            guard leaves.count == 1, let only = leaves.first, let policy = policies[only] else {
                let message = leaves.isEmpty ? "no Policy document among the documents checked"
                    : "several policies could apply (\(leaves.joined(separator: ", "))): the workflow must name one"
                return .failure(DiagnosticError(.error(PolicyErrorCode.noPolicy, message, at: document.location(of: "/metadata"),
                                       pointer: "", hint: leaves.isEmpty ? "add the policy's file or folder to the paths checked"
                                        : "add policy: NAME to the workflow")))
            }
            chosen = policy
        }
        guard !chosen.hasErrors else {
            return .failure(DiagnosticError(.error(PolicyErrorCode.policyInvalid,
                                   "not checked: policy '\(chosen.name)' has errors (reported above)",
                                   at: document.location(of: ""), pointer: "")))
        }
        return .success(chosen)
    }

    /// The policy that governs `document`: a workflow's chosen policy, else the only leaf policy; nil
    /// when none or several could apply.
    public func policy(for document: LoadedDocument) -> ResolvedPolicy? {
        if case .workflow(let workflow) = document.document {
            return try? choose(for: document, workflow).get()
        }
        guard leaves.count == 1, let only = leaves.first else { return nil }
        return policies[only]
    }
}
