import Foundation
import TacetDiagnostics
import TacetEngine

/// The JSON form of `tacet diff`; its shape is `docs/schemas/diff-output.schema.json`, versioned by
/// `schemaVersion`, so scripts can rely on it. Findings have the shape of `tacet check --format json`'s.
struct DiffOutput: Encodable {
    struct Summary: Encodable {
        let policyChanges: Int
        let findingsAdded: Int
        let errorsAdded: Int
        let findingsRemoved: Int
        let unusedExceptions: Int
        let therapists: Int
        let workflows: Int
        let plans: Int
    }

    struct Change: Encodable {
        let item: String
        let id: String
        let aspect: String?
        let before: String?
        let after: String?
        let effect: String
        let layer: String?
        let summary: String
    }

    struct Policy: Encodable {
        let policy: String
        let team: String?
        let status: String
        let changes: [Change]
    }

    struct Level: Encodable {
        let area: String
        let before: String?
        let after: String?
    }

    struct Therapist: Encodable {
        let therapist: String
        let file: String
        let levels: [Level]
        let trainingAdded: [String]
        let trainingDropped: [String]
    }

    let schemaVersion = 1
    let tool = CheckOutput.Tool()
    let base: String
    let head: String
    let summary: Summary
    let policies: [Policy]
    let findingsAdded: [CheckOutput.Finding]
    let findingsRemoved: [CheckOutput.Finding]
    let unusedExceptions: [String]
    let therapists: [Therapist]

    init(_ diff: PolicyDiff) {
        let impact = diff.impact
        base = diff.base
        head = diff.head
        summary = Summary(policyChanges: impact.changeCount, findingsAdded: impact.findings.added.count,
                          errorsAdded: impact.findings.added.filter { $0.severity == .error }.count,
                          findingsRemoved: impact.findings.removed.count, unusedExceptions: impact.findings.unusedExceptions.count,
                          therapists: impact.therapists.count, workflows: diff.workflows, plans: diff.plans)
        policies = impact.policies.map { delta in
            Policy(policy: delta.policy, team: delta.team, status: delta.status.rawValue, changes: delta.changes.map { change in
                Change(item: change.item.rawValue, id: change.id, aspect: change.aspect, before: change.before, after: change.after,
                       effect: change.effect.rawValue, layer: change.layer, summary: change.sentence)
            })
        }
        findingsAdded = impact.findings.added.map { CheckOutput.Finding($0) }
        findingsRemoved = impact.findings.removed.map { CheckOutput.Finding($0) }
        unusedExceptions = impact.findings.unusedExceptions
        therapists = impact.therapists.map { therapist in
            Therapist(therapist: therapist.therapist, file: therapist.file,
                      levels: therapist.levels.map { Level(area: $0.area, before: $0.before?.rawValue, after: $0.after?.rawValue) },
                      trainingAdded: therapist.trainingAdded, trainingDropped: therapist.trainingDropped)
        }
    }

    func text() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // invariant: every field is a string, number, array or nested struct of those, which always encode.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
