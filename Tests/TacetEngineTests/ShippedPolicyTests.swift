import Foundation
import Testing
import TacetDocuments
@testable import TacetEngine

/// The shipped policies and framework, as a clinical director would adopt them.
@Suite("Shipped policy")
struct ShippedPolicyTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func shipped() -> Workspace {
        var workspace = WorkspaceLoader().load([repository + "/Policies", repository + "/Curricula"])
        workspace.documents.removeAll { $0.file.contains("/Policies/tests/") }
        return workspace
    }

    @Test("every task's citations resolve, and every seed statement a citation quotes is in the framework")
    func citations() throws {
        let workspace = Self.shipped()
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        let (policies, problems) = PolicyResolver.resolve(workspace.documents)
        #expect(problems.isEmpty, "\(problems)")
        guard case .framework(let framework)? = workspace.documents.first(where: { $0.kind == .framework })?.document else {
            Issue.record("no framework")
            return
        }
        #expect(!policies.isEmpty)
        for policy in policies.values {
            for task in policy.tasks.values {
                #expect(!task.value.cite.isEmpty, "task \(task.value.id) cites nothing")
                for id in task.value.cite { #expect(policy.citations[id] != nil, "task \(task.value.id) cites unknown \(id)") }
            }
            for rule in policy.rules {
                for id in rule.rule.cite { #expect(policy.citations[id] != nil, "rule \(rule.id) cites unknown \(id)") }
            }
            let quoting = policy.citations.values.filter {
                $0.section?.hasPrefix("AI-at-Work") == true || $0.section?.hasPrefix("Durable skills") == true
            }
            #expect(policy.name != "music-therapy-ai-use" || quoting.count >= 9, "the AI-at-Work and durable-skill citations are not found by section")
            for citation in quoting {
                let statement = try #require(citation.statement, "citation \(citation.id) quotes a seed statement without naming it")
                #expect(framework.containsStatement(statement), "citation \(citation.id) quotes unknown statement \(statement)")
            }
        }
    }

    /// Whether a citation's `source` reads as a file path (of this workspace or any machine) rather than
    /// the name of a document: a report travels, and a path means nothing to its reader.
    static func looksLikePath(_ source: String) -> Bool {
        let text = source.trimmingCharacters(in: .whitespaces)
        return ["/", "./", "../", "~"].contains { text.hasPrefix($0) }
            || ["seeds/", "shared/", "/work/", "\\"].contains { text.contains($0) }
            || text.contains(/\.(txt|json|ya?ml|md|csv|pdf)\b/)
    }

    @Test("a workspace path is recognised as a path, a document's name is not")
    func pathHeuristic() {
        for path in ["shared/seeds/000_97da4107dd5194cc.txt", "../shared/seeds/README.md", "/work/notes/x", "seeds/002.json", "docs/policy.pdf"] {
            #expect(Self.looksLikePath(path), "\(path)")
        }
        for name in ["Regulation (EU) 2024/1689 (EU AI Act), article 4", "O*NET Resource Center, O*NET v30.2 (Sept 2025), CC BY 4.0",
                     "HIPAA Privacy Rule, 45 CFR 164.502(e) and 164.504(e)"] {
            #expect(!Self.looksLikePath(name), "\(name)")
        }
    }

    @Test("every shipped citation names its document and its date, never a path (policies, their tests, curricula, examples)")
    func citationSources() throws {
        let workspace = WorkspaceLoader().load(["Policies", "Curricula", "Examples"].map { Self.repository + "/" + $0 })
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        var citations: [(file: String, citation: Citation)] = []
        for document in workspace.documents {
            let stated: [Citation] = switch document.document {
            case .policy(let policy): policy.citations
            case .framework(let framework): framework.citations
            case .requirements(let requirements): requirements.citations
            default: []
            }
            citations += stated.map { (document.file, $0) }
        }
        #expect(citations.count >= 40)
        for (file, citation) in citations {
            #expect(!Self.looksLikePath(citation.source), "\(file): citation \(citation.id)'s source is a path: \(citation.source)")
            // An assumption is the data's own; a sourced fact says when its document was published, or that it does not say.
            guard !citation.assumption else { continue }
            #expect(citation.source.contains(/\b(19|20)[0-9]{2}\b|not given/),
                    "\(file): citation \(citation.id) names no date (write the year, or that the document gives none): \(citation.source)")
        }
    }

    @Test("every clinical task that allows AI requires the AI-literacy course, in the base policy and every team layer")
    func trainingWhereAITouchesClientWork() throws {
        let (policies, _) = PolicyResolver.resolve(Self.shipped().documents)
        #expect(policies.count == 2)
        for policy in policies.values {
            for task in policy.tasks.values where task.value.clinical && task.value.maxAI > .humanOnly {
                #expect(task.value.requires.training.contains("ai-literacy-foundations"), "\(policy.name): task \(task.value.id)")
            }
        }
    }

    @Test("lint finds nothing in the shipped policies: no unclassified framework item, no uncited task")
    func lintClean() {
        let report = PolicyLinter.lint(Self.shipped())
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
    }

    @Test("the human-only tasks the sources name stay human-only")
    func humanOnly() throws {
        let (policies, _) = PolicyResolver.resolve(Self.shipped().documents)
        let policy = try #require(policies["music-therapy-ai-use"])
        for id in ["nonverbal-affect-reading", "in-session-pacing", "rapport-building", "crisis-de-escalation", "informed-consent",
                   "session-delivery", "referral-acceptance", "risk-documentation"] {
            #expect(policy.tasks[id]?.value.maxAI == .humanOnly, "\(id)")
        }
        #expect(policy.tasks["progress-note-drafting"]?.value.maxAI == .aiDrafted)
        // What the task table once let through: evaluations, assessment and referral decisions stay with AI at most assisting.
        for id in ["client-assessment", "goal-setting", "referral-intake", "in-session-music-technology"] {
            #expect(policy.tasks[id]?.value.maxAI == .aiAssisted, "\(id)")
        }
        #expect(policy.tasks["client-assessment"]?.value.requires.data == [DataClass.none, .deidentified])
        #expect(policy.tasks["scheduling-logistics"]?.value.maxAI == .aiDelegated)
    }
}
