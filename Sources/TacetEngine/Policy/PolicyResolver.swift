import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// Stacks policy layers (`extends`), refusing any layer that loosens its base, and compiles rules.
///
/// A layer states only what it changes of a task; the rest is inherited, and its citations add to the
/// base's. It may lower a task's AI level, add or raise requirements, narrow a tool's data classes, and
/// add rules, tasks (stated whole) and citations. Raising an AI level, dropping or lowering a
/// requirement, widening a tool, approving a new tool, or restating a base rule is an error in the layer.
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
        for var tool in policy.tools {
            if let existing = result.tools[tool.id] {
                // A layer's terms are laid over the base's field by field: what it leaves out is the base's.
                tool.terms = tool.terms.map { $0.over(existing.value.terms) } ?? existing.value.terms
                checkTool(tool, against: existing, in: document)
                // A layer narrows what a tool may take; the names it does not restate are its base's.
                tool.title = tool.title ?? existing.value.title
                tool.clientName = tool.clientName ?? existing.value.clientName
            } else if base != nil {
                error(PolicyErrorCode.loosens, "approves tool '\(tool.id)', which the base policy does not approve", document, tool.pointer,
                      hint: "a layer may only tighten; approve new tools in the base policy")
            }
            result.tools[tool.id] = Sourced(value: tool, document: document)
        }
        for statement in policy.tasks {
            let existing = result.tasks[statement.id]
            guard let task = statement.task(over: existing?.value) else {
                if let existing {
                    incompleteReview(statement, over: existing, in: document)
                } else if base != nil || policy.extends.isEmpty {
                    unknownTask(statement, base: base, in: document)
                }  // else the unknown base was reported, and what the layer left out cannot be known
                continue
            }
            if let existing {
                checkTask(statement, task, against: existing, in: document)
            } else {
                // A layer's new task is clinical unless it says otherwise, which the decoder cannot know of a
                // task that might have been inherited: the rule that clinical work is never delegated is kept here.
                if task.clinical, task.maxAI == .aiDelegated {
                    error(DocumentErrorCode.invalidValue, "a clinical task cannot be ai-delegated", document, statement.pointer + "/maxAI",
                          hint: "ai-delegated is for logistics only; mark the task clinical: false if it involves no clinical judgement")
                }
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
        if let notice = policy.notice { result.notice = notice.over(result.notice) }
        layPeople(policy, over: &result, hasBase: base != nil, in: document)
        if !policy.extends.isEmpty { checkCitations(policy, in: document, known: result.citations) }
        if diagnostics[errorsBefore...].contains(where: { $0.severity == .error }) { result.hasErrors = true }
        return result
    }

    private mutating func checkTool(_ tool: ApprovedTool, against base: Sourced<ApprovedTool>, in document: LoadedDocument) {
        var reasons: [Loosening] = []
        let wider = DataClasses(tool.data).subtracting(DataClasses(base.value.data)).classes.map(\.rawValue).joined(separator: ", ")
        if !wider.isEmpty {
            reasons.append(("widens tool '\(tool.id)' to data \(wider)", "widens it to data \(wider)", tool.pointer + "/data",
                            "list only data classes the base allows: data: [\(base.value.data.map(\.rawValue).joined(separator: ", "))]"))
        }
        if let terms = tool.terms, terms.trainsOnClientData == false, base.value.terms?.trainsOnClientData == true {
            reasons.append(("says the vendor of '\(tool.id)' does not train on client data, where the base policy says it does",
                            "says its vendor does not train on client data", tool.pointer + "/terms/trainsOnClientData",
                            "set trainsOnClientData: true here (a change of the vendor's terms is recorded in the base policy)"))
        }
        if tool.baa && !base.value.baa {
            reasons.append(("claims a business associate agreement for '\(tool.id)' that the base policy does not",
                            "claims a business associate agreement the base policy does not", tool.pointer + "/baa",
                            "set baa: false here (a signed agreement is recorded in the base policy)"))
        }
        report(reasons, of: "tool '\(tool.id)'", at: tool.pointer, in: document,
               base: note("the base approves it here", base.document, base.value.pointer))
    }

    /// One way a layer loosens an item: the message when it is the only one, the reason among several,
    /// where it is, and what to write instead.
    private typealias Loosening = (alone: String, reason: String, pointer: String, hint: String)

    /// Reports the ways one item of a layer loosens its base as one finding: a change is judged whole,
    /// so three loosened fields are three reasons of one error, each reason noted where it is written.
    private mutating func report(_ reasons: [Loosening], of item: String, at pointer: String, in document: LoadedDocument,
                                 base: DiagnosticNote) {
        guard let first = reasons.first else { return }
        if reasons.count == 1 {
            error(PolicyErrorCode.loosens, first.alone, document, first.pointer, hint: first.hint, notes: [base])
        } else {
            error(PolicyErrorCode.loosens, "loosens \(item) in \(reasons.count) ways: \(reasons.map(\.reason).joined(separator: "; "))",
                  document, pointer, hint: reasons.map(\.hint).joined(separator: "; "),
                  notes: reasons.map { note($0.reason, document, $0.pointer) } + [base])
        }
    }

    /// Refuses every way `statement` loosens the task its base states, as one finding.
    private mutating func checkTask(_ statement: TaskStatement, _ task: PolicyTask, against base: Sourced<PolicyTask>,
                                    in document: LoadedDocument) {
        let old = base.value
        let id = task.id
        var reasons: [Loosening] = []
        if task.maxAI > old.maxAI {
            reasons.append(("raises task '\(id)' from \(old.maxAI.rawValue) to \(task.maxAI.rawValue)",
                            "raises its AI level from \(old.maxAI.rawValue) to \(task.maxAI.rawValue)", task.pointer + "/maxAI",
                            "set maxAI: \(old.maxAI.rawValue) or lower (a layer may lower a task's AI level, never raise it)"))
        }
        if task.area != old.area {
            reasons.append(("moves task '\(id)' from area '\(old.area)' to '\(task.area)'", "moves it from area '\(old.area)' to '\(task.area)'",
                            task.pointer + "/area", "keep area: \(old.area) (a task's area is the base's to set)"))
        }
        if old.clinical && !task.clinical {
            reasons.append(("marks clinical task '\(id)' as not clinical", "marks it not clinical", task.pointer + "/clinical",
                            "keep clinical: true"))
        }
        let (new, was) = (task.requires, old.requires)
        if let oldReview = was.review {
            let at = task.pointer + "/requires/review"
            if let review = new.review {
                if review.minLevel < oldReview.minLevel {
                    reasons.append(("lowers the review level of '\(id)' from \(oldReview.minLevel.rawValue) to \(review.minLevel.rawValue)",
                                    "lowers its review level from \(oldReview.minLevel.rawValue) to \(review.minLevel.rawValue)",
                                    at + "/minLevel", "set minLevel: \(oldReview.minLevel.rawValue) or higher"))
                }
                if (review.area ?? task.area) != (oldReview.area ?? old.area) {
                    reasons.append(("changes the area the review of '\(id)' is measured in", "changes the area its review is measured in",
                                    at + "/area", "keep the review measured in \(oldReview.area ?? old.area)"))
                }
                if review.role != oldReview.role && oldReview.role != Roster.anyTherapistRole {
                    reasons.append(("changes the reviewer role of '\(id)' from '\(oldReview.role)' to '\(review.role)'",
                                    "changes its reviewer role from '\(oldReview.role)' to '\(review.role)'", at + "/role",
                                    "keep role: \(oldReview.role)"))
                }
            } else {
                reasons.append(("drops the review requirement of '\(id)'", "drops its review requirement", at,
                                "leave review out to inherit the base's (a layer may raise its minLevel)"))
            }
        }
        if was.consent && !new.consent {
            reasons.append(("drops the consent requirement of '\(id)'", "drops its consent requirement", task.pointer + "/requires/consent",
                            "keep requires.consent: true"))
        }
        if was.disclosure && !new.disclosure {
            reasons.append(("drops the disclosure requirement of '\(id)'", "drops its disclosure requirement",
                            task.pointer + "/requires/disclosure", "keep requires.disclosure: true"))
        }
        for course in was.training where !new.training.contains(course) {
            reasons.append(("drops the training requirement '\(course)' of '\(id)'", "drops its training requirement '\(course)'",
                            task.pointer + "/requires/training", "keep '\(course)' in requires.training (a layer may add training to a task, never remove it)"))
        }
        if let oldData = was.data {
            let wider = DataClasses(new.data ?? DataClass.allCases).subtracting(DataClasses(oldData)).classes.map(\.rawValue).joined(separator: ", ")
            if !wider.isEmpty {
                reasons.append(("lets task '\(id)' send \(wider) data to AI, which the base does not",
                                "lets it send \(wider) data to AI, which the base does not", task.pointer + "/requires/data",
                                "list only data classes the base allows: data: [\(oldData.map(\.rawValue).joined(separator: ", "))]"))
            }
        }
        if task.clinical && task.maxAI == .aiDelegated && statement.maxAI == nil && old.maxAI == .aiDelegated {
            error(DocumentErrorCode.invalidValue, "marks task '\(id)' clinical, and a clinical task cannot be ai-delegated", document,
                  task.pointer + "/clinical", hint: "lower maxAI to ai-drafted in this layer too")
        }
        report(reasons, of: "task '\(id)'", at: statement.pointer, in: document,
               base: note("the base states it here", base.document, old.pointer))
    }

    /// A layer's review of a task whose base has none must be whole.
    private mutating func incompleteReview(_ statement: TaskStatement, over base: Sourced<PolicyTask>, in document: LoadedDocument) {
        for (what, key, pointer) in statement.missingKeys(over: base.value) {
            error(DocumentErrorCode.missingKey, "\(what) is missing required key '\(key)'", document, pointer,
                  hint: "\(base.document.name) requires no review of '\(statement.id)', so there is none to inherit \(key) from",
                  notes: [note("the base states the task here", base.document, base.value.pointer)])
        }
    }

    /// A task the base does not classify is a new task only when the layer states it whole; a partial
    /// one is most likely a misspelt id.
    private mutating func unknownTask(_ statement: TaskStatement, base: ResolvedPolicy?, in document: LoadedDocument) {
        let missing = statement.missingKeys(over: nil).map { $0.what == "a task" ? $0.key : "requires.review.\($0.key)" }
        let list = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + (missing.last ?? "")
        let named = base.map { "\($0.name) does not classify it" } ?? "no policy classifies it"
        error(DocumentErrorCode.undefinedReference, "unknown task '\(statement.id)': \(named), and as a new task it lacks \(list)", document,
              statement.pointer + "/id",
              hint: Suggestion.closest(to: statement.id, in: base?.taskOrder ?? []).map { "did you mean '\($0)'?" }
                ?? "to add a new task, give it \(list) as well")
    }

    /// A layer's citations are checked here, once the base's citations are known.
    private mutating func checkCitations(_ policy: Policy, in document: LoadedDocument, known: [String: Citation]) {
        var citing: [([String], String)] = policy.tasks.map { ($0.cite ?? [], $0.pointer) } + policy.rules.map { ($0.cite, $0.pointer) }
        if let notice = policy.notice { citing.append((notice.cite, notice.pointer)) }
        citing += policy.peopleCitations
        for (cite, owner) in citing {
            for (index, id) in cite.enumerated() where known[id] == nil {
                error(DocumentErrorCode.undefinedReference, "unknown citation '\(id)'", document, "\(owner)/cite/\(index)",
                      hint: Suggestion.closest(to: id, in: Array(known.keys)).map { "did you mean '\($0)'?" })
            }
        }
    }

    /// Lays a layer's supervision and credential settings over its base's: a layer adds supervised roles
    /// and may narrow supervisors and recognised credentials, and each widening is an error at its line.
    /// A base without `supervision` has no supervisors, so a layer over it may supervise roles but name
    /// no supervisor: one it named would make `reviewer.supervisor` true where it was false for everyone,
    /// which can silence a base rule.
    private mutating func layPeople(_ policy: Policy, over result: inout ResolvedPolicy, hasBase: Bool, in document: LoadedDocument) {
        if let layer = policy.supervision {
            if hasBase || result.supervision != nil {
                let base = result.supervision ?? SupervisionSettings(roles: [], supervisors: [], pointer: layer.pointer)
                for (index, role) in layer.supervisors.enumerated() where !base.supervisors.contains(role) {
                    let hint = base.supervisors.isEmpty
                        ? "the base policy names no supervisors; state them in the base policy, or write supervisors: [] here"
                        : "a layer may only narrow the supervisors: \(base.supervisors.joined(separator: ", "))"
                    error(PolicyErrorCode.loosens, "lets role '\(role)' supervise, which the base policy does not", document,
                          layer.pointer + "/supervisors/\(index)", hint: hint)
                }
                let roles = base.roles + layer.roles.filter { !base.roles.contains($0) }
                let supervisors = layer.supervisors.filter(base.supervisors.contains)
                result.supervision = SupervisionSettings(roles: roles, supervisors: supervisors,
                                                         cite: base.cite + layer.cite.filter { !base.cite.contains($0) },
                                                         pointer: layer.pointer)
                checkSupervisionRoles(merged: roles, supervisors, layer: layer, in: document)
            } else {
                result.supervision = layer
            }
        }
        if let layer = policy.credentials {
            if let base = result.credentials {
                for (index, name) in layer.recognised.enumerated() where !base.recognised.contains(name) {
                    error(PolicyErrorCode.loosens, "recognises credential '\(name)', which the base policy does not", document,
                          layer.pointer + "/recognised/\(index)",
                          hint: "a layer may only narrow the recognised credentials: \(base.recognised.joined(separator: ", "))")
                }
                result.credentials = CredentialSettings(recognised: layer.recognised.filter(base.recognised.contains),
                                                        cite: base.cite + layer.cite.filter { !base.cite.contains($0) },
                                                        pointer: layer.pointer)
            } else {
                result.credentials = layer
            }
        }
    }

    /// Reports a role that the merged supervision both supervises and lets supervise, as the decoder does
    /// for one block. Merged supervisors are the layer's, so such a role is one the layer keeps as a
    /// supervisor while its base supervises it; one the layer's own lists both name was reported when the
    /// layer was decoded. Today only a base with the conflict in its own block could cause it, and such a
    /// base is not loaded: the check holds the invariant should the merge rules change.
    private mutating func checkSupervisionRoles(merged roles: [String], _ supervisors: [String], layer: SupervisionSettings,
                                                in document: LoadedDocument) {
        for (index, role) in layer.supervisors.enumerated()
        where roles.contains(role) && supervisors.contains(role) && !layer.roles.contains(role) {
            error(DocumentErrorCode.invalidValue, "role '\(role)' is both supervised and a supervisor", document,
                  layer.pointer + "/supervisors/\(index)", hint: "a supervised role's AI use is reviewed by another role")
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
