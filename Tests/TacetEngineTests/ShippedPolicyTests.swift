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
            for citation in policy.citations.values where citation.source.contains("002_cea132a67b9c553a")
                && (citation.section?.hasPrefix("AI-at-Work") == true || citation.section?.hasPrefix("Pathsmith") == true) {
                let statement = try #require(citation.statement, "citation \(citation.id) quotes a seed statement without naming it")
                #expect(framework.containsStatement(statement), "citation \(citation.id) quotes unknown statement \(statement)")
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
        for id in ["nonverbal-affect-reading", "in-session-pacing", "rapport-building", "crisis-de-escalation", "informed-consent"] {
            #expect(policy.tasks[id]?.value.maxAI == .humanOnly, "\(id)")
        }
        #expect(policy.tasks["progress-note-drafting"]?.value.maxAI == .aiDrafted)
        #expect(policy.tasks["scheduling-logistics"]?.value.maxAI == .aiDelegated)
    }
}
