import TacetDiagnostics
import TacetDocuments

/// What `tacet check` found.
public struct CheckReport: Sendable {
    /// Findings in force (the engine's and the plugins'), in file and line order.
    public var findings: [Diagnostic]
    /// Findings suppressed by exceptions, listed apart.
    public var suppressed: [SuppressedFinding]
    /// Problems with the input itself (invalid documents, broken policies): any error here means exit 2.
    public var problems: [Diagnostic]
    /// How many workflows were checked.
    public var workflowsChecked: Int
    /// How many learning plans were audited.
    public var plansChecked: Int
    /// How many documents were loaded.
    public var documents: Int
    /// The files of workflows that were loaded but not checked (no policy governs them), in file order.
    public var uncheckedWorkflows: [String] = []
    /// The files that held no valid document, so that nothing in them was checked (policy-test inputs left out).
    public var unloaded: [UnloadedFile] = []
    /// How many checker plugins described themselves and ran.
    public var pluginsRun = 0
    /// How many plugin check calls ran.
    public var pluginCalls = 0
    /// How many plugin processes the run started: live describes, check calls, and processes started
    /// ahead of the documents that no call needed (killed unused).
    public var pluginProcesses = 0

    /// Whether the input had errors.
    public var inputInvalid: Bool { problems.contains { $0.severity == .error } }

    /// How many findings have `severity`.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
