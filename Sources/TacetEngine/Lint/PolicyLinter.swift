import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// `tacet lint` as a library call: checks the policies themselves.
///
/// Reports tasks in areas the framework lacks, uncited tasks, framework items (AI-at-Work
/// statements, O*NET tasks) no task classifies, rules that can never hold or always hold, `contains`
/// and `matches` tests with an empty value, and rules that flag every use the task table allows for
/// a task at a level (a dead allowance).
public enum PolicyLinter {
    /// What lint found: `problems` are invalid input (exit 2), `findings` the lint results.
    public struct Report: Sendable {
        /// Invalid documents and policies that do not resolve.
        public var problems: [Diagnostic]
        /// Lint findings, in file order.
        public var findings: [Diagnostic]
        /// How many policies were linted.
        public var policies: Int
    }

    /// Lints every policy in `workspace` against its framework (when one is loaded).
    public static func lint(_ workspace: Workspace) -> Report {
        let (policies, resolution) = PolicyResolver.resolve(workspace.documents)
        let framework = workspace.documents.lazy.compactMap { document -> (LoadedDocument, Framework)? in
            if case .framework(let framework) = document.document { return (document, framework) }
            return nil
        }.first
        var findings: [Diagnostic] = []
        var seen = Set<String>()
        func add(_ diagnostic: Diagnostic) {
            let key = "\(diagnostic.code)|\(diagnostic.location?.description ?? "")|\(diagnostic.pointer ?? "")"
            guard seen.insert(key).inserted else { return }
            // Lint results are the linter's judgement of valid policies, not invalid input.
            var finding = diagnostic
            finding.origin = .engine
            findings.append(finding)
        }
        let extended = Set(policies.values.flatMap { $0.layers.dropLast().map(\.name) })
        for name in policies.keys.sorted() {
            guard let policy = policies[name] else { continue }
            for task in policy.orderedTasks { lintTask(task, framework: framework?.1, add) }
            for rule in policy.rules { lintRule(rule, in: policy, add) }
            if let framework, !extended.contains(name) { lintClassification(policy, framework: framework, add) }
            if let framework { lintCitedStatements(policy, framework: framework.1, add) }
            lintNotice(policy, add)
            lintPeople(policy, add)
        }
        if framework == nil && !policies.isEmpty {
            add(Diagnostic(PolicyErrorCode.noFramework,
                           message: "no Framework document among the inputs: task areas and classification were not checked",
                           location: policies.values.first?.layers.last?.location(of: "")))
        }
        return Report(problems: (workspace.diagnostics + resolution).sorted(), findings: findings.sorted(), policies: policies.count)
    }

    private static func lintTask(_ task: Sourced<PolicyTask>, framework: Framework?, _ add: (Diagnostic) -> Void) {
        let document = task.document
        let value = task.value
        if value.cite.isEmpty {
            add(Diagnostic(PolicyErrorCode.uncited, message: "task '\(value.id)' cites no source",
                           location: document.location(of: value.pointer), pointer: value.pointer,
                           hint: "add cite: with the citation ids that ground its classification"))
        }
        // Areas and classification are judged where they are written: what a layer inherits, its base's lint reports.
        guard let framework, case .policy(let policy) = document.document,
              let stated = policy.tasks.first(where: { $0.id == value.id }) else { return }
        let areas = framework.areas.map(\.id)
        for (area, pointer) in [(stated.area, "/area"), (stated.review?.area, "/requires/review/area")] {
            guard let area, !areas.contains(area) else { continue }
            add(Diagnostic(PolicyErrorCode.unknownArea, message: "task '\(value.id)' names area '\(area)', which the framework does not define",
                           location: document.location(of: value.pointer + pointer), pointer: value.pointer + pointer,
                           hint: Suggestion.closest(to: area, in: areas).map { "did you mean '\($0)'?" }
                            ?? "areas: \(areas.joined(separator: ", "))"))
        }
        let classifiable = framework.classifiableIDs
        for (index, id) in (stated.classifies ?? []).enumerated() where !classifiable.contains(id) {
            let pointer = "\(value.pointer)/classifies/\(index)"
            add(Diagnostic(DocumentErrorCode.undefinedReference, message: "task '\(value.id)' classifies '\(id)', which is not an AI-at-Work statement or O*NET task of the framework",
                           location: document.location(of: pointer), pointer: pointer,
                           hint: Suggestion.closest(to: id, in: classifiable).map { "did you mean '\($0)'?" }))
        }
    }

    private static func lintRule(_ rule: ResolvedRule, in policy: ResolvedPolicy, _ add: (Diagnostic) -> Void) {
        let document = rule.document
        let pointer = rule.rule.pointer + "/when"
        let location = document.location(of: pointer)
        let analysis = ConditionAnalysis()
        guard let canHold = analysis.canHold(rule.condition), let always = analysis.alwaysHolds(rule.condition) else {
            add(Diagnostic(PolicyErrorCode.tooComplex, message: "rule '\(rule.id)' is too large to analyse (over \(ConditionAnalysis.maxConjunctions) cases)",
                           location: location, pointer: pointer))
            return
        }
        if !canHold {
            add(Diagnostic(PolicyErrorCode.neverHolds, message: "rule '\(rule.id)' can never hold: no step satisfies its condition",
                           location: location, pointer: pointer, hint: "look for tests that contradict each other"))
            return
        }
        if always {
            add(Diagnostic(PolicyErrorCode.alwaysHolds, message: "rule '\(rule.id)' always holds: it fires on every step",
                           location: location, pointer: pointer, hint: "look for a test that cannot fail, or a missing 'not'"))
            return
        }
        lintEmptyTextTests(rule.rule.when, rule: rule, add)
        guard rule.rule.severity == .error else { return }
        for task in policy.orderedTasks {
            let value = task.value
            let allowed = AIUseLevel.allCases.filter { $0 > .humanOnly && $0 <= value.maxAI }
            for level in allowed {
                let fixed = StepContext.taskFacts(value).merging([.stepTask: .string(value.id), .stepAI: .ai(level)]) { $1 }
                guard ConditionAnalysis(fixed: fixed).alwaysHolds(rule.condition) == true else { continue }
                add(Diagnostic(PolicyErrorCode.deadAllowance, message: "rule '\(rule.id)' flags every \(level.rawValue) use of task '\(value.id)', which the task table allows: the allowance is dead",
                               location: location, pointer: pointer,
                               hint: "lower the task's maxAI below \(level.rawValue), or narrow the rule",
                               notes: [DiagnosticNote("task '\(value.id)' allows up to \(value.maxAI.rawValue) here",
                                                      at: task.document.location(of: value.pointer + "/maxAI"))]))
            }
        }
    }

    /// Reports each layer's `guardian: false` or `assent: false` that a layer below overrides: a layer
    /// cannot drop a signature its base asks for, so the value would be ignored without a word.
    private static func lintNotice(_ policy: ResolvedPolicy, _ add: (Diagnostic) -> Void) {
        var below: NoticeSettings?
        for layer in policy.layers {
            guard case .policy(let document) = layer.document, let notice = document.notice else { continue }
            let signatures: [(key: String, stated: Bool?, asked: Bool?, what: String)] = [
                ("guardian", notice.guardian, below?.guardian, "a parent or guardian's signature"),
                ("assent", notice.assent, below?.assent, "the client's assent"),
            ]
            for signature in signatures where signature.stated == false && signature.asked == true {
                let pointer = notice.pointer + "/" + signature.key
                add(Diagnostic(PolicyErrorCode.noticeSignatureKept,
                               message: "\(signature.key): false is ignored: a policy this layer extends asks for \(signature.what), "
                                   + "and a layer cannot drop a signature its base asks for",
                               location: layer.location(of: pointer), pointer: pointer,
                               hint: "remove \(signature.key): false from this layer's notice"))
            }
            below = notice.over(below)
        }
    }

    /// Reports each `contains` or `matches` test whose value is empty: it holds for every text, so
    /// it only tests that the fact is present, which `exists` says plainly. (A rule that thereby
    /// always or never holds is reported as such instead.)
    private static func lintEmptyTextTests(_ condition: Condition, rule: ResolvedRule, _ add: (Diagnostic) -> Void) {
        switch condition {
        case .all(let parts, _), .any(let parts, _):
            for part in parts { lintEmptyTextTests(part, rule: rule, add) }
        case .not(let inner, _):
            lintEmptyTextTests(inner, rule: rule, add)
        case .test(let fact, let op, let value, let pointer):
            guard op == .contains || op == .matches, let scalar = value?.scalar, scalar.kind == .string,
                  scalar.value.isEmpty else { return }
            let what = op == .contains ? "every text contains the empty text" : "the empty pattern matches every text"
            add(Diagnostic(PolicyErrorCode.emptyTextTest, message: "rule '\(rule.id)' tests \(fact) \(op.rawValue) '': \(what), so the test only asks whether \(fact) is present",
                           location: rule.document.location(of: pointer + "/value"), pointer: pointer + "/value",
                           hint: "write {fact: \(fact), operator: exists} if that is meant, or give the text to look for"))
        }
    }

    private static func lintCitedStatements(_ policy: ResolvedPolicy, framework: Framework, _ add: (Diagnostic) -> Void) {
        for layer in policy.layers {
            guard case .policy(let value) = layer.document else { continue }
            for (index, citation) in value.citations.enumerated() {
                guard let statement = citation.statement, !framework.containsStatement(statement) else { continue }
                let pointer = "/citations/\(index)/statement"
                add(Diagnostic(DocumentErrorCode.undefinedReference, message: "citation '\(citation.id)' quotes statement '\(statement)', which the framework does not have",
                               location: layer.location(of: pointer), pointer: pointer))
            }
        }
    }

    private static func lintClassification(_ policy: ResolvedPolicy, framework: (LoadedDocument, Framework),
                                           _ add: (Diagnostic) -> Void) {
        let (document, value) = framework
        let classified = Set(policy.tasks.values.flatMap(\.value.classifies))
        let items = value.aiAtWork.enumerated().map { ($0.element.id, "AI-at-Work statement", "/aiAtWork/\($0.offset)") }
            + value.onetTasks.enumerated().map { ($0.element.id, "O*NET task", "/onetTasks/\($0.offset)") }
        for (id, what, pointer) in items where !classified.contains(id) {
            add(Diagnostic(PolicyErrorCode.unclassified, message: "\(what) '\(id)' is classified by no task of policy '\(policy.name)'",
                           location: document.location(of: pointer), pointer: pointer,
                           hint: "add a task with classifies: [\(id)] and the AI level it allows"))
        }
    }
}
