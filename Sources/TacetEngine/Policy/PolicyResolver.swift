import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// Stacks policy layers (`extends`), refusing any layer that loosens its base, and compiles rules.
///
/// A layer may lower a task's AI level, add or raise requirements, narrow a tool's data classes, and
/// add rules, tasks and citations. Raising an AI level, dropping or lowering a requirement, widening
/// a tool, approving a new tool, or restating a base rule is an error in the layer.
public struct PolicyResolver {
    private let byName: [String: LoadedDocument]
    private var memo: [String: ResolvedPolicy] = [:]
    private var visiting: [String] = []
    /// Everything found while resolving.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Resolves every policy among `documents`.
    public static func resolve(_ documents: [LoadedDocument]) -> (policies: [String: ResolvedPolicy], diagnostics: [Diagnostic]) {
        var resolver = PolicyResolver(documents.filter { $0.kind == .policy })
        for document in documents where document.kind == .policy { _ = resolver.resolve(document.name, from: nil) }
        return (resolver.memo, resolver.diagnostics)
    }

    private init(_ policies: [LoadedDocument]) {
        byName = Dictionary(policies.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private mutating func resolve(_ name: String, from reference: (LoadedDocument, Int)?) -> ResolvedPolicy? {
        if let done = memo[name] { return done }
        guard let document = byName[name], case .policy(let policy) = document.document else {
            if let (child, index) = reference {
                error(PolicyErrorCode.extends, "unknown policy '\(name)' in extends", child, "/extends/\(index)",
                      hint: Suggestion.closest(to: name, in: Array(byName.keys)).map { "did you mean '\($0)'?" })
            }
            return nil
        }
        if visiting.contains(name) {
            if let (child, index) = reference {
                error(PolicyErrorCode.extends, "extends makes a cycle: \((visiting + [name]).joined(separator: " -> "))", child, "/extends/\(index)")
            }
            return nil
        }
        visiting.append(name)
        defer { visiting.removeLast() }
        var base: ResolvedPolicy?
        var baseFailed = false
        for (index, parent) in policy.extends.enumerated() {
            guard let resolved = resolve(parent, from: (document, index)) else {
                baseFailed = true
                continue
            }
            base = base.map { apply(resolved, asLayerOver: $0) } ?? resolved
        }
        var result = apply(layer: document, policy, over: base)
        result.hasErrors = result.hasErrors || baseFailed
        memo[name] = result
        return result
    }

    /// Stacks a whole resolved policy over another (for a policy that extends several bases).
    private mutating func apply(_ top: ResolvedPolicy, asLayerOver base: ResolvedPolicy) -> ResolvedPolicy {
        var result = base
        for layer in top.layers where !result.layers.contains(where: { $0.file == layer.file }) {
            guard case .policy(let policy) = layer.document else { continue }
            result = apply(layer: layer, policy, over: result)
        }
        return result
    }

    private mutating func apply(layer document: LoadedDocument, _ policy: Policy, over base: ResolvedPolicy?) -> ResolvedPolicy {
        let errorsBefore = diagnostics.count
        var result = base ?? ResolvedPolicy(name: policy.metadata.name, layers: [], tasks: [:], taskOrder: [], tools: [:],
                                            rules: [], citations: [:], hasErrors: false)
        result.name = policy.metadata.name
        result.layers.append(document)
        for (index, citation) in policy.citations.enumerated() {
            if let existing = result.citations[citation.id], existing != citation {
                error(PolicyErrorCode.citationConflict, "citation '\(citation.id)' differs from the one its base defines", document,
                      "/citations/\(index)")
            }
            result.citations[citation.id] = citation
        }
        for tool in policy.tools {
            if let existing = result.tools[tool.id] {
                checkTool(tool, against: existing, in: document)
            } else if base != nil {
                error(PolicyErrorCode.loosens, "approves tool '\(tool.id)', which the base policy does not approve", document, tool.pointer,
                      hint: "a layer may only tighten; approve new tools in the base policy")
            }
            result.tools[tool.id] = Sourced(value: tool, document: document)
        }
        for task in policy.tasks {
            if let existing = result.tasks[task.id] {
                checkTask(task, against: existing, in: document)
            } else {
                result.taskOrder.append(task.id)
            }
            result.tasks[task.id] = Sourced(value: task, document: document)
        }
        for rule in policy.rules {
            if let existing = result.rules.first(where: { $0.id == rule.id }) {
                error(PolicyErrorCode.duplicateRule, "rule '\(rule.id)' is already defined by \(existing.document.name)", document,
                      rule.pointer + "/id", hint: "a layer adds rules under new ids; it cannot replace its base's",
                      notes: [note("defined here", existing.document, existing.rule.pointer)])
                continue
            }
            guard let condition = ConditionCompiler.compile(rule.when, file: document.file, root: document.root,
                                                            into: &diagnostics) else { continue }
            var at: Fact?
            if let name = rule.at {
                at = Fact(rawValue: name)
                if at?.stepField == nil {
                    error(DocumentErrorCode.invalidValue, "'at' must name a step fact such as step.tool, not '\(name)'", document, rule.pointer + "/at",
                          hint: Suggestion.closest(to: name, in: Fact.allCases.compactMap { $0.stepField == nil ? nil : $0.rawValue })
                            .map { "did you mean '\($0)'?" })
                    at = nil
                }
            }
            result.rules.append(ResolvedRule(rule: rule, condition: condition, at: at, document: document,
                                             location: document.location(of: rule.pointer)))
        }
        if !policy.extends.isEmpty { checkCitations(policy, in: document, known: result.citations) }
        if diagnostics[errorsBefore...].contains(where: { $0.severity == .error }) { result.hasErrors = true }
        return result
    }

    private mutating func checkTool(_ tool: ApprovedTool, against base: Sourced<ApprovedTool>, in document: LoadedDocument) {
        let wider = DataClasses(tool.data).subtracting(DataClasses(base.value.data))
        if !wider.isEmpty {
            error(PolicyErrorCode.loosens, "widens tool '\(tool.id)' to data \(wider.classes.map(\.rawValue).joined(separator: ", "))",
                  document, tool.pointer + "/data",
                  hint: "list only data classes the base allows: data: [\(base.value.data.map(\.rawValue).joined(separator: ", "))]",
                  notes: [note("the base allows \(base.value.data.map(\.rawValue))", base.document, base.value.pointer)])
        }
        if tool.baa && !base.value.baa {
            error(PolicyErrorCode.loosens, "claims a business associate agreement for '\(tool.id)' that the base policy does not",
                  document, tool.pointer + "/baa",
                  hint: "set baa: false here; a signed agreement is recorded in the base policy",
                  notes: [note("the base says baa: false", base.document, base.value.pointer)])
        }
    }

    private mutating func checkTask(_ task: PolicyTask, against base: Sourced<PolicyTask>, in document: LoadedDocument) {
        let old = base.value
        let seeBase = [note("the base states it here", base.document, old.pointer)]
        if task.maxAI > old.maxAI {
            error(PolicyErrorCode.loosens, "raises task '\(task.id)' from \(old.maxAI.rawValue) to \(task.maxAI.rawValue)", document,
                  task.pointer + "/maxAI", hint: "a layer may lower a task's AI level, never raise it", notes: seeBase)
        }
        if task.area != old.area {
            error(PolicyErrorCode.loosens, "moves task '\(task.id)' from area '\(old.area)' to '\(task.area)'", document, task.pointer + "/area",
                  hint: "keep area: \(old.area); a task's area is the base's to set", notes: seeBase)
        }
        if old.clinical && !task.clinical {
            error(PolicyErrorCode.loosens, "marks clinical task '\(task.id)' as not clinical", document, task.pointer + "/clinical",
                  hint: "keep clinical: true", notes: seeBase)
        }
        let (new, was) = (task.requires, old.requires)
        if let oldReview = was.review {
            if let review = new.review {
                if review.minLevel < oldReview.minLevel {
                    error(PolicyErrorCode.loosens, "lowers the review level of '\(task.id)' from \(oldReview.minLevel.rawValue) to \(review.minLevel.rawValue)",
                          document, task.pointer + "/requires/review/minLevel",
                          hint: "set minLevel: \(oldReview.minLevel.rawValue) or higher", notes: seeBase)
                }
                if (review.area ?? task.area) != (oldReview.area ?? old.area) {
                    error(PolicyErrorCode.loosens, "changes the area the review of '\(task.id)' is measured in", document,
                          task.pointer + "/requires/review/area", hint: "keep the review measured in \(oldReview.area ?? old.area)",
                          notes: seeBase)
                }
                if review.role != oldReview.role && oldReview.role != Roster.anyTherapistRole {
                    error(PolicyErrorCode.loosens, "changes the reviewer role of '\(task.id)' from '\(oldReview.role)' to '\(review.role)'",
                          document, task.pointer + "/requires/review/role", hint: "keep role: \(oldReview.role)", notes: seeBase)
                }
            } else {
                error(PolicyErrorCode.loosens, "drops the review requirement of '\(task.id)'", document, task.pointer,
                      hint: "restate requires.review as the base states it (a layer may raise its level)", notes: seeBase)
            }
        }
        if was.consent && !new.consent {
            error(PolicyErrorCode.loosens, "drops the consent requirement of '\(task.id)'", document, task.pointer,
                  hint: "keep requires.consent: true", notes: seeBase)
        }
        if was.disclosure && !new.disclosure {
            error(PolicyErrorCode.loosens, "drops the disclosure requirement of '\(task.id)'", document, task.pointer,
                  hint: "keep requires.disclosure: true", notes: seeBase)
        }
        for course in was.training where !new.training.contains(course) {
            error(PolicyErrorCode.loosens, "drops the training requirement '\(course)' of '\(task.id)'", document, task.pointer + "/requires",
                  hint: "a layer may add training to a task, never remove it", notes: seeBase)
        }
        if let oldData = was.data {
            let wider = DataClasses(new.data ?? DataClass.allCases).subtracting(DataClasses(oldData))
            if !wider.isEmpty {
                error(PolicyErrorCode.loosens, "lets task '\(task.id)' send \(wider.classes.map(\.rawValue).joined(separator: ", ")) data to AI, which the base does not",
                      document, task.pointer + "/requires",
                      hint: "list only data classes the base allows: data: [\(oldData.map(\.rawValue).joined(separator: ", "))]",
                      notes: seeBase)
            }
        }
    }

    /// A layer's citations are checked here, once the base's citations are known.
    private mutating func checkCitations(_ policy: Policy, in document: LoadedDocument, known: [String: Citation]) {
        let citing = policy.tasks.map { ($0.cite, $0.pointer) } + policy.rules.map { ($0.cite, $0.pointer) }
        for (cite, owner) in citing {
            for (index, id) in cite.enumerated() where known[id] == nil {
                error(DocumentErrorCode.undefinedReference, "unknown citation '\(id)'", document, "\(owner)/cite/\(index)",
                      hint: Suggestion.closest(to: id, in: Array(known.keys)).map { "did you mean '\($0)'?" })
            }
        }
    }

    private func note(_ message: String, _ document: LoadedDocument, _ pointer: String) -> DiagnosticNote {
        DiagnosticNote(message, at: document.location(of: pointer))
    }

    private mutating func error(_ code: some DiagnosticCode, _ message: String, _ document: LoadedDocument, _ pointer: String,
                                hint: String? = nil, notes: [DiagnosticNote] = []) {
        diagnostics.append(.error(code, message, at: document.location(of: pointer), pointer: pointer,
                                  hint: hint, notes: notes))
    }
}
