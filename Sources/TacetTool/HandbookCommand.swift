import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetReports
import TacetYAML

/// `tacet handbook PATH... --output FILE.html|FILE.md [--team NAME]`: the staff AI-use handbook of the
/// policy in force for a team, made from the policy `check` resolves through the same pipeline.
package enum HandbookCommand {
    /// Loads `paths` as `check` does and writes the handbook of the team's policy (the policy whose
    /// metadata names `team`, or is named `team`), or of the organisation's policy (the one that extends
    /// none) without a team. Exit 2 when the input or the policy is invalid, no policy fits, or the file
    /// cannot be written; 0 otherwise, whatever the workflows among the paths break.
    package static func run(paths: [String], output: String, team: String?, today: CalendarDate,
                            limits: YAMLLimits = .default, alsoRead: [String] = []) async -> ToolOutcome {
        let run = await CheckPipeline(today: today, limits: limits).run(paths: paths)
        let made: (document: PlainDocument, summary: String)
        switch document(of: run, team: team, today: today) {
        case .success(let result): made = result
        case .failure(let error): return .invalid(error.diagnostics, sources: run.sources)
        }
        do {
            try PlainOutput.write(made.document, to: output, inputs: paths + run.files + alsoRead)
        } catch {
            return .invalid(error.diagnostics, sources: run.sources)
        }
        return ToolOutcome(summary: "wrote \(output): \(made.summary)", sources: run.sources, status: .ok)
    }

    /// The handbook of `team`'s policy among what `run` loaded, and what it covers in words; the input
    /// problems, or why no policy fits, when there is none to write.
    package static func document(of run: CheckRun, team: String?, today: CalendarDate) -> Result<(document: PlainDocument, summary: String), DiagnosticError> {
        let input = run.input
        guard !input.report.inputInvalid else { return .failure(DiagnosticError(input.report.problems)) }
        let policy: ResolvedPolicy
        switch choose(team: team, among: input.policies) {
        case .success(let chosen): policy = chosen
        case .failure(let error): return .failure(error)
        }
        // The team's layer is compared with the policy it extends (every layer below it), so a middle
        // layer's changes are not shown as the team's.
        let base = policy.layers.count > 1 ? input.policies[policy.layers[policy.layers.count - 2].name] : nil
        var courses: [String: Course] = [:]
        for document in input.documents {
            if case .catalog(let catalog) = document.document {
                for course in catalog.courses { courses[course.id] = courses[course.id] ?? course }
            }
        }
        let handbook = StaffHandbook(policy: policy, base: base, courses: courses, workingDirectory: input.workingDirectory)
        return .success((handbook.document(today: today, toolVersion: input.toolVersion),
                         "the handbook of policy '\(policy.name)' (\(Wording.plural(policy.tasks.count, "task")), "
                             + "\(Wording.plural(policy.tools.count, "tool")), \(Wording.plural(policy.rules.count, "rule")))"))
    }

    /// The policy for `team`: the one whose last layer names the team, else the one named so; without a
    /// team, the only policy that extends none.
    static func choose(team: String?, among policies: [String: ResolvedPolicy]) -> Result<ResolvedPolicy, DiagnosticError> {
        let sorted = policies.values.sorted { $0.name < $1.name }
        let teams = sorted.compactMap { $0.layers.last?.metadata.team }
        let found: [ResolvedPolicy]
        if let team {
            let byTeam = sorted.filter { $0.layers.last?.metadata.team == team }
            found = byTeam.isEmpty ? sorted.filter { $0.name == team } : byTeam
        } else {
            found = sorted.filter { $0.layers.count == 1 }
        }
        guard found.count == 1, let chosen = found.first else {
            let message: String
            let hint: String?
            if sorted.isEmpty {
                (message, hint) = ("no Policy document among the documents loaded", "add the policy's folder to the paths")
            } else if let team {
                message = found.isEmpty ? "no policy for team '\(team)' among the documents loaded" : "several policies for team '\(team)': \(found.map(\.name).joined(separator: ", "))"
                hint = teams.isEmpty ? "no policy layer names a team (metadata.team)" : "teams with a policy: \(teams.joined(separator: ", "))"
            } else {
                message = "several organisation policies (\(found.map(\.name).joined(separator: ", "))): the handbook needs one"
                hint = "name the team with --team NAME, or load one organisation's policy"
            }
            return .failure(DiagnosticError(.error(PolicyErrorCode.noPolicy, message, at: nil, hint: hint)))
        }
        guard !chosen.hasErrors else {
            return .failure(DiagnosticError(.error(PolicyErrorCode.policyInvalid, "policy '\(chosen.name)' has errors: no handbook written",
                                                   at: nil, hint: "tacet lint shows them")))
        }
        return .success(chosen)
    }
}
