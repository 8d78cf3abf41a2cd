import TacetDiagnostics
import TacetDocuments

/// How ``CheckEngine`` judges one workflow or learning plan, held in memory or loaded for the purpose:
/// what it keeps of each is only what the outputs read later.
struct Judgement: Sendable {
    /// A workflow or plan to judge: a document the workspace holds, or a deferred file to load.
    struct Item: Sendable {
        var file: String
        /// Its kind (as declared, for a deferred file).
        var kind: DocumentKind
        /// The document's index among the documents judged, when the workspace holds it (an index, not
        /// the document: ten thousand items are held at once).
        var document: Int?
        /// Whether it is a policy-test input: loaded (for its problems and name) but not judged.
        var excluded: Bool
        /// Its place among the run's files.
        var order: Int
        /// Its file's size in bytes (0 when unknown).
        var size = 0
    }

    /// What judging one item left.
    struct Result: Sendable {
        var findings: [Diagnostic] = []
        /// Problems with the file itself (a deferred file's load problems included).
        var problems: [Diagnostic] = []
        /// A deferred document's name, for the duplicate-name check.
        var name: DocumentName?
        /// A deferred file that held no valid document.
        var unloaded: UnloadedFile?
        var checked: CheckedDocument?
        /// The file of a workflow no policy governs.
        var unchecked: String?
        /// The lines of a deferred file that its diagnostics quote.
        var quoted: (file: String, lines: QuotedLines)?
        var workflowChecked = false
        var planChecked = false
        /// Whether a deferred file held a valid document of the team's own.
        var streamed = false
        /// A workflow's steps that use AI, when they are collected.
        var steps: [AIStep] = []
        /// The loaded document with its file's bytes, when the run hands documents of its kind on (``DocumentHandoff``).
        var handed: DocumentHandoff.Document?
    }

    /// The documents the workspace holds, which ``Item/document`` indexes.
    let documents: [LoadedDocument]
    let choice: PolicyChoice
    /// The choice without a governing policy: the one AI steps are read under, as `plan` and the report read them.
    let stepChoice: PolicyChoice
    let checkers: CheckerCache
    let loader: WorkspaceLoader
    /// The workflows some exception names, whose step ids are kept.
    let excepted: Set<String>
    let retaining: Retention
    /// Whether workflows' AI steps are collected (learning plans are audited, or an output reads them).
    let collectSteps: Bool
    /// Whether each workflow's and plan's ``CheckedDocument`` is kept (an output or an exception reads them).
    let keepsSummaries: Bool
    /// The kinds whose loaded documents are handed on (``Result/handed``); empty for none.
    var handing: Set<DocumentKind> = []
    /// The bytes of the documents the workspace holds, handed on with them.
    var sources: [String: [UInt8]] = [:]

    /// The workflows and plans of `workspace` in file order: those among `documents` and every deferred file.
    /// A deferred file knows its place among the files; only the few documents held are looked up by path.
    static func items(of workspace: Workspace, documents: [LoadedDocument], excluding: Set<String>) -> [Item] {
        let held = Set(documents.lazy.filter { $0.kind == .workflow || $0.kind == .learningPlan }.map(\.file))
        var order: [String: Int] = [:]
        if !held.isEmpty {
            for (index, file) in workspace.files.enumerated() where held.contains(file) && order[file] == nil { order[file] = index }
        }
        var items = documents.enumerated().compactMap { index, document -> Item? in
            guard document.kind == .workflow || document.kind == .learningPlan else { return nil }
            return Item(file: document.file, kind: document.kind, document: index, excluded: false, order: order[document.file] ?? index,
                        size: workspace.sources[document.file]?.count ?? 0)
        }
        let deferred = workspace.deferred.map { deferred in
            Item(file: deferred.file, kind: deferred.kind, document: nil, excluded: excluding.contains(deferred.file), order: deferred.order,
                 size: deferred.size)
        }
        // Both lists are in file order already (the loader's deferred list always; the held documents in
        // load order): merged, not sorted, so no second list of every item is made.
        guard !items.isEmpty else { return deferred }
        items += deferred
        return items.enumerated().sorted { ($0.1.order, $0.0) < ($1.1.order, $1.0) }.map(\.1)
    }

    /// Judges `item`: a workflow against its policy, a plan by `auditor` (nil in the workflows' pass). `position` is
    /// its place among the documents handed on, should it be one.
    func judge(_ item: Item, position: Int, auditor: PlanAuditor? = nil) -> Result {
        var result = Result()
        guard let index = item.document else {
            let loaded = loader.load(file: item.file)
            result.problems = loaded.diagnostics
            if let document = loaded.document {
                result.name = DocumentName(document)
                if !item.excluded {
                    result.streamed = true
                    judge(document, auditor: auditor, into: &result)
                    if handing.contains(document.kind) {
                        result.handed = DocumentHandoff.Document(position: position, document: document, bytes: loaded.bytes ?? [])
                    }
                }
            } else if !item.excluded {
                result.unloaded = loaded.unloaded
            }
            if let bytes = loaded.bytes {
                var lines = Set((result.findings + result.problems).compactMap { $0.location?.file == item.file ? $0.location?.line : nil })
                if let name = result.name { lines.insert(name.location.line) }
                result.quoted = (item.file, QuotedLines(of: bytes, keeping: lines))
            }
            return result
        }
        judge(documents[index], auditor: auditor, into: &result)
        if handing.contains(documents[index].kind) {
            result.handed = DocumentHandoff.Document(position: position, document: documents[index], bytes: sources[item.file] ?? [])
        }
        return result
    }

    private func judge(_ document: LoadedDocument, auditor: PlanAuditor?, into result: inout Result) {
        switch document.document {
        case .workflow(let workflow):
            if keepsSummaries {
                result.checked = CheckedDocument(document, outline: retaining.contains(.outlines), steps: excepted.contains(document.name))
            }
            switch choice.choose(for: document, workflow) {
            case .failure(let problem):
                result.problems += problem.diagnostics
                result.unchecked = document.file
            case .success(let policy):
                result.findings = checkers.checker(for: policy, workflow).check(document, workflow).sorted()
                result.workflowChecked = true
            }
            if collectSteps, case .success(let policy) = stepChoice.choose(for: document, workflow) {
                result.steps = AIStep.steps(of: workflow, under: policy)
            }
        case .learningPlan(let plan):
            if keepsSummaries { result.checked = CheckedDocument(document, outline: retaining.contains(.outlines), steps: false) }
            if let auditor {
                result.findings = auditor.audit(document, plan)
                result.planChecked = true
            }
        default:
            break
        }
    }
}
