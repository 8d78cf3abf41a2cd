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
        /// The document, when the workspace holds it.
        var document: LoadedDocument?
        /// Whether it is a policy-test input: loaded (for its problems and name) but not judged.
        var excluded: Bool
        /// Its place among the run's files.
        var order: Int
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
        /// A deferred file's bytes with every line but those its diagnostics quote left empty.
        var excerpt: (file: String, bytes: [UInt8])?
        var workflowChecked = false
        var planChecked = false
        /// Whether a deferred file held a valid document of the team's own.
        var streamed = false
        /// A workflow's steps that use AI, when they are collected.
        var steps: [AIStep] = []
    }

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

    /// The workflows and plans of `workspace` in file order: those among `documents` and every deferred file.
    static func items(of workspace: Workspace, documents: [LoadedDocument], excluding: Set<String>) -> [Item] {
        let order = Dictionary(workspace.files.enumerated().map { ($1, $0) }) { first, _ in first }
        var items = documents.enumerated().compactMap { index, document -> Item? in
            guard document.kind == .workflow || document.kind == .learningPlan else { return nil }
            return Item(file: document.file, kind: document.kind, document: document, excluded: false, order: order[document.file] ?? index)
        }
        items += workspace.deferred.enumerated().map { index, deferred in
            Item(file: deferred.file, kind: deferred.kind, document: nil, excluded: excluding.contains(deferred.file),
                 order: order[deferred.file] ?? documents.count + index)
        }
        return items.enumerated().sorted { ($0.1.order, $0.0) < ($1.1.order, $1.0) }.map(\.1)
    }

    /// Judges `item`: a workflow against its policy, a plan by `auditor` (nil in the workflows' pass).
    func judge(_ item: Item, auditor: PlanAuditor? = nil) -> Result {
        var result = Result()
        guard let document = item.document else {
            let loaded = loader.load(file: item.file)
            result.problems = loaded.diagnostics
            if let document = loaded.document {
                result.name = DocumentName(document)
                if !item.excluded {
                    result.streamed = true
                    judge(document, auditor: auditor, into: &result)
                }
            } else if !item.excluded {
                result.unloaded = loaded.unloaded
            }
            if let bytes = loaded.bytes {
                var lines = Set((result.findings + result.problems).compactMap { $0.location?.file == item.file ? $0.location?.line : nil })
                if let name = result.name { lines.insert(name.location.line) }
                result.excerpt = (item.file, Self.excerpt(of: bytes, keeping: lines))
            }
            return result
        }
        judge(document, auditor: auditor, into: &result)
        return result
    }

    private func judge(_ document: LoadedDocument, auditor: PlanAuditor?, into result: inout Result) {
        switch document.document {
        case .workflow(let workflow):
            result.checked = CheckedDocument(document, outline: retaining.contains(.outlines), steps: excepted.contains(document.name))
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
            result.checked = CheckedDocument(document, outline: retaining.contains(.outlines), steps: false)
            if let auditor {
                result.findings = auditor.audit(document, plan)
                result.planChecked = true
            }
        default:
            break
        }
    }

    /// `bytes` with every line not in `lines` (1-based) emptied: the lines diagnostics quote stay where
    /// they were, so a renderer finds them by number, and the rest of the file is not kept.
    static func excerpt(of bytes: [UInt8], keeping lines: Set<Int>) -> [UInt8] {
        var kept: [UInt8] = []
        var line = 1
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if lines.contains(line) { kept += bytes[start..<end] }
            if end < bytes.count { kept.append(UInt8(ascii: "\n")) }
            start = end + 1
            line += 1
        }
        return kept
    }
}
