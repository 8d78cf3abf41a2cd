import TacetDiagnostics
import TacetDocuments

/// Which policy a workflow is checked against: the one it names, or the only one no other extends.
public struct PolicyChoice: Sendable {
    /// Every resolved policy, by name.
    public let policies: [String: ResolvedPolicy]
    /// The policies no other extends, sorted: the candidates for a workflow that names none.
    public let leaves: [String]
    /// The policy every workflow is checked against whatever it names, when one is imposed (policy tests).
    public let governing: String?

    /// Prepares the choice among `policies`, or imposes `governing` on every workflow.
    public init(_ policies: [String: ResolvedPolicy], governing: String? = nil) {
        self.policies = policies
        self.governing = governing
        let extended = Set(policies.values.flatMap { $0.layers.dropLast().map(\.name) })
        leaves = policies.keys.filter { !extended.contains($0) }.sorted()
    }

    /// The policy named `name`, else the only one no other extends, or why there is none.
    public func pick(_ name: String?) -> Result<ResolvedPolicy, Miss> {
        if let name { return policies[name].map(Result.success) ?? .failure(.unknown(name)) }
        guard leaves.count == 1, let only = leaves.first, let policy = policies[only] else {
            return .failure(leaves.isEmpty ? .none : .several(leaves))
        }
        return .success(policy)
    }

    /// The policy `workflow` is checked against, or the error that says why there is none.
    public func choose(for document: LoadedDocument, _ workflow: Workflow) -> Result<ResolvedPolicy, DiagnosticError> {
        let chosen: ResolvedPolicy
        switch pick(governing ?? workflow.policy) {
        case .success(let policy):
            chosen = policy
        case .failure(.unknown(let name)):
            return .failure(DiagnosticError(.error(PolicyErrorCode.noPolicy, "workflow names policy '\(name)', which is not among the documents checked",
                                   at: document.location(of: "/policy"), pointer: "/policy",
                                   hint: Suggestion.closest(to: name, in: Array(policies.keys)).map { "did you mean '\($0)'?" }
                                    ?? "add the policy's file or folder to the paths checked")))
        case .failure(.none):
            return .failure(DiagnosticError(.error(PolicyErrorCode.noPolicy, "no Policy document among the documents checked",
                                   at: document.location(of: "/metadata"), pointer: "",
                                   hint: "add the policy's file or folder to the paths checked")))
        case .failure(.several(let names)):
            return .failure(DiagnosticError(.error(PolicyErrorCode.noPolicy,
                                   "several policies could apply (\(names.joined(separator: ", "))): the workflow must name one",
                                   at: document.location(of: "/metadata"), pointer: "", hint: "add policy: NAME to the workflow")))
        }
        guard !chosen.hasErrors else {
            return .failure(DiagnosticError(.error(PolicyErrorCode.policyInvalid,
                                   "not checked: policy '\(chosen.name)' has errors (reported above)",
                                   at: document.location(of: "/policy"), pointer: workflow.policy == nil ? "" : "/policy")))
        }
        return .success(chosen)
    }

    /// The policy that governs `document`: a workflow's chosen policy, else the only leaf policy; nil
    /// when none or several could apply.
    public func policy(for document: LoadedDocument) -> ResolvedPolicy? {
        if case .workflow(let workflow) = document.document {
            return try? choose(for: document, workflow).get()
        }
        return try? pick(nil).get()
    }

    /// The policy that governs a checked `document`, as ``policy(for:)-(LoadedDocument)`` chooses it.
    public func policy(for document: CheckedDocument) -> ResolvedPolicy? {
        guard document.kind == .workflow else { return try? pick(nil).get() }
        guard let chosen = try? pick(governing ?? document.policy).get(), !chosen.hasErrors else { return nil }
        return chosen
    }
}
