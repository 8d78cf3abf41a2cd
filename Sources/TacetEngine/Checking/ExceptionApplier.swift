import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// Applies `Exception` documents to findings: an exception in force moves the findings of its rule
/// in its scope to the suppressed list; an expired, unknown-rule or unknown-scope exception is
/// itself reported and suppresses nothing.
public struct ExceptionApplier: Sendable {
    /// Workflows by name, each with its step ids (``CheckedDocument/stepIDs``; none when nil).
    let workflows: [String: CheckedDocument]
    /// Every id a finding can carry: built-in requirements, policy rules and the rules of the plugins that ran.
    let knownRules: Set<String>
    /// Whether plugins ran; when they did not, an exception naming a plugin's rule is left unjudged.
    let pluginsRan: Bool
    /// Plugins that were found but could not describe themselves: their rules are unknown, not absent.
    let silentPlugins: Set<String>
    /// The day exceptions are judged on.
    let today: CalendarDate

    /// Creates an applier for `workflows` under `policies`.
    ///
    /// - Parameters:
    ///   - pluginRules: the rule ids the plugins that ran described, or nil when plugins were not run: an
    ///     exception naming a plugin's rule (`phi-scan/record-number`) is then neither applied nor
    ///     reported, since nothing can tell whether the rule exists or would have fired.
    ///   - silentPlugins: plugins that were found but failed to describe themselves (their failure is
    ///     reported): an exception naming one of their rules is left alone in the same way.
    public init(workflows: [String: CheckedDocument], policies: some Sequence<ResolvedPolicy>,
                pluginRules: Set<String>?, silentPlugins: Set<String> = [], today: CalendarDate) {
        self.workflows = workflows
        knownRules = Set(Requirement.allCases.map(\.id)).union(policies.flatMap { $0.rules.map(\.id) }).union(pluginRules ?? [])
        pluginsRan = pluginRules != nil
        self.silentPlugins = silentPlugins
        self.today = today
    }

    /// Splits `findings` into those kept and those suppressed, plus diagnostics about the exceptions.
    public func apply(_ exceptions: [LoadedDocument], to findings: [Diagnostic])
        -> (kept: [Diagnostic], suppressed: [SuppressedFinding], diagnostics: [Diagnostic]) {
        var active: [(document: LoadedDocument, exception: PolicyException, used: Bool)] = []
        var diagnostics: [Diagnostic] = []
        for document in exceptions {
            guard case .exception(let exception) = document.document else { continue }
            // Plugin rule ids are `PLUGIN/slug`, a shape no policy rule or requirement id can take.
            if let slash = exception.rule.firstIndex(of: "/"),
               !pluginsRan || silentPlugins.contains(String(exception.rule[..<slash])) { continue }
            if !knownRules.contains(exception.rule) {
                diagnostics.append(.error(ExceptionErrorCode.unknownRule,
                                          "exception '\(document.name)' names rule '\(exception.rule)', which no policy, requirement "
                                            + "or plugin that ran defines",
                                          at: document.location(of: "/rule"), pointer: "/rule",
                                          hint: Suggestion.closest(to: exception.rule, in: Array(knownRules)).map { "did you mean '\($0)'?" }))
                continue
            }
            guard let target = workflows[exception.workflow] else {
                diagnostics.append(.error(ExceptionErrorCode.unknownScope,
                                          "exception '\(document.name)' names workflow '\(exception.workflow)', which is not among the documents checked",
                                          at: document.location(of: "/scope/workflow"), pointer: "/scope/workflow",
                                          hint: Suggestion.closest(to: exception.workflow, in: Array(workflows.keys)).map { "did you mean '\($0)'?" }))
                continue
            }
            let steps = target.stepIDs ?? []
            if let step = exception.step, !steps.contains(step) {
                diagnostics.append(.error(ExceptionErrorCode.unknownScope,
                                          "exception '\(document.name)' names step '\(step)', which workflow '\(exception.workflow)' does not have",
                                          at: document.location(of: "/scope/step"), pointer: "/scope/step",
                                          hint: Suggestion.closest(to: step, in: steps).map { "did you mean '\($0)'?" }))
                continue
            }
            if exception.expires < today {
                diagnostics.append(Diagnostic(ExceptionErrorCode.expired, message: "exception '\(document.name)' expired on \(exception.expires) and no longer applies",
                                              location: document.location(of: "/expires"), pointer: "/expires",
                                              hint: "renew it with a new expiry date and justification, or fix the findings it covered"))
                continue
            }
            active.append((document, exception, false))
        }
        // No exception in force keeps every finding: the same array, not a copy of a check's thousands.
        guard !active.isEmpty else { return (findings, [], diagnostics) }
        var kept: [Diagnostic] = []
        var suppressed: [SuppressedFinding] = []
        for finding in findings {
            guard let index = active.firstIndex(where: { covers($0.exception, finding) }) else {
                kept.append(finding)
                continue
            }
            active[index].used = true
            let exception = active[index].exception
            suppressed.append(SuppressedFinding(finding: finding, exception: active[index].document.name, owner: exception.owner,
                                                expires: exception.expires))
        }
        for entry in active where !entry.used {
            diagnostics.append(Diagnostic(ExceptionErrorCode.unused, message: "exception '\(entry.document.name)' suppressed no finding",
                                          location: entry.document.location(of: "/rule"), pointer: "/rule",
                                          hint: "remove it if the findings it covered are fixed"))
        }
        return (kept, suppressed, diagnostics)
    }

    private func covers(_ exception: PolicyException, _ finding: Diagnostic) -> Bool {
        guard finding.code == exception.rule, let target = workflows[exception.workflow],
              finding.location?.file == target.file else { return false }
        guard let step = exception.step else { return true }
        guard let pointer = finding.pointer, let tokens = JSONPointer.tokens(pointer), tokens.count >= 2, tokens[0] == "steps",
              let index = Int(tokens[1]), let steps = target.stepIDs, steps.indices.contains(index) else { return false }
        return steps[index] == step
    }
}
