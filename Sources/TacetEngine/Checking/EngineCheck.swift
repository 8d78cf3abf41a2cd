import TacetDiagnostics
import TacetDocuments

/// The engine's judgement of a set of documents before exceptions: the findings that checker plugins
/// add to and exceptions then filter, with what the exceptions need to know.
///
/// Exceptions are applied last, by ``report(adding:pluginRules:)``, so that a plugin's finding can be
/// excepted like the engine's and an exception is judged unused only once every finding is known.
public struct EngineCheck: Sendable {
    /// Findings of the engine's own checks: requirements, policy rules and plan audits.
    public var findings: [Diagnostic]
    /// Problems with the input itself: invalid documents, broken policies, workflows no policy governs.
    public var problems: [Diagnostic]
    /// The policies resolved from the documents, by name.
    public var policies: [String: ResolvedPolicy]
    /// The documents judged as the team's own (policy-test inputs left out), in load order; a workflow or
    /// plan loaded only to be judged (``Workspace/deferred``) is not among them, only in ``checked``.
    public var documents: [LoadedDocument]
    /// How many workflows were checked.
    public var workflowsChecked: Int
    /// How many learning plans were audited.
    public var plansChecked: Int
    /// The day exceptions and training are judged on.
    public var today: CalendarDate
    /// The files of workflows that were loaded but not checked (no policy governs them).
    public var uncheckedWorkflows: [String] = []
    /// The files that held no valid document (policy-test inputs left out).
    public var unloaded: [UnloadedFile] = []
    /// Every workflow and learning plan judged (policy-test inputs left out), in file order, as the
    /// reports read them: ``documents`` may no longer hold them. Kept when asked for (``Retention/documents``,
    /// ``Retention/outlines``) or when the workspace holds exceptions; empty otherwise.
    public var checked: [CheckedDocument] = []
    /// How many documents were loaded for judging and released (so are not among ``documents``).
    public var streamed = 0
    /// The lines each released file's diagnostics quote, by file.
    public var quoted: [String: QuotedLines] = [:]
    /// The workflow steps that use AI, when asked for (``Retention/stepsWithAI``).
    public var stepsWithAI: [AIStep] = []

    /// Applies the exceptions among ``documents`` to the engine's findings and `added` (plugin findings and
    /// failures), then sorts every list once.
    ///
    /// - Parameters:
    ///   - pluginRules: the rule ids the plugins that ran described, or nil when plugins were not run.
    ///   - silentPlugins: plugins that were found but could not describe themselves.
    ///   See ``ExceptionApplier/init(workflows:policies:pluginRules:silentPlugins:today:)``.
    public func report(adding added: [Diagnostic] = [], pluginRules: Set<String>? = nil,
                       silentPlugins: Set<String> = []) -> CheckReport {
        let exceptions = documents.filter { $0.kind == .exception }
        // Only exceptions look workflows up by name: without any, ten thousand are not indexed for nothing.
        var workflows: [String: CheckedDocument] = [:]
        if !exceptions.isEmpty {
            for document in checked where document.kind == .workflow { workflows[document.name] = document }
        }
        let applier = ExceptionApplier(workflows: workflows, policies: policies.values, pluginRules: pluginRules,
                                       silentPlugins: silentPlugins, today: today)
        let (kept, suppressed, exceptionProblems) = applier.apply(exceptions, to: added.isEmpty ? findings : findings + added)
        return CheckReport(findings: Self.inOrder(kept), suppressed: suppressed.sorted { $0.finding < $1.finding },
                           problems: (problems + exceptionProblems).sorted(), workflowsChecked: workflowsChecked,
                           plansChecked: plansChecked, documents: documents.count + streamed, uncheckedWorkflows: uncheckedWorkflows,
                           unloaded: unloaded)
    }

    /// `findings` sorted, the one sort of a run. When they already are in order (the engine's alone:
    /// each workflow's come sorted, in file order), checking that costs one comparison per finding,
    /// where sorting a run with a hundred thousand findings costs a noticeable share of the check.
    static func inOrder(_ findings: [Diagnostic]) -> [Diagnostic] {
        zip(findings, findings.dropFirst()).contains { $1 < $0 } ? findings.sorted() : findings
    }
}
