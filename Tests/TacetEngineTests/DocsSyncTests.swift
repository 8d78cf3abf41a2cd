import Foundation
import Testing
@testable import TacetEngine

/// The reference pages must name every fact, operator and requirement the engine knows.
@Suite("Docs in sync")
struct DocsSyncTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/policy-rules.md")

    @Test("docs/policy-rules.md lists every fact with its summary, every operator and every requirement")
    func rulesPage() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        for fact in Fact.allCases {
            #expect(text.contains("| `\(fact.rawValue)` |"), "\(fact.rawValue) is not documented")
            #expect(text.contains("| \(fact.summary) |"), "\(fact.rawValue)'s summary differs from the docs")
        }
        for op in FactType.string.operators + FactType.aiLevel.operators + FactType.dataClasses.operators {
            #expect(text.contains("| `\(op.rawValue)` |"), "operator \(op.rawValue) is not documented")
        }
        for requirement in Requirement.allCases {
            #expect(text.contains("| `\(requirement.rawValue)` | \(requirement.summary) |"), "\(requirement.rawValue) differs")
        }
    }
}
