import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPlanning
import TacetYAML

/// `tacet plan [THERAPIST...] [--team DIR]`: an optimal continuing-education plan per therapist.
package enum PlanCommand {
    /// How plans are printed.
    package enum Format: String, Sendable, CaseIterable {
        /// A readable summary per therapist.
        case text
        /// The LearningPlan documents themselves.
        case yaml
        /// One JSON object per therapist, in an array.
        case json
    }

    /// Seconds per therapist before the best plan found is reported unproven (``Planner/defaultTimeLimit``).
    package static let defaultTimeLimit = Planner.defaultTimeLimit

    /// Plans for the therapists named by id and every therapist under `team` (every therapist loaded when
    /// neither is given), from the documents under `paths` (and `team`). Writes each plan to `output` as `ID-plan.yaml` when given. Exit 2 when the
    /// input is invalid, 1 when some therapist has no feasible plan, else 0. With `allowBelowLevel`, plans may use
    /// courses below the therapist's level, which they otherwise leave out (``PlanningProblem/belowLevel``).
    package static func run(therapists ids: [String], team: String?, paths: [String], output: String?, format: Format,
                           today: CalendarDate, timeLimit: Double = Planner.defaultTimeLimit, allowBelowLevel: Bool = false,
                           limits: YAMLLimits = .default) -> ToolOutcome {
        var workspace = WorkspaceLoader(limits: limits).load(paths + (team.map { [$0] } ?? []))
        if workspace.hasErrors { return .invalid(workspace.diagnostics, sources: workspace.sources) }
        let fixtures = PolicyTestInputs.files(in: workspace)
        workspace.documents.removeAll { fixtures.contains($0.file) }
        let documents = workspace.documents
        let roster = documents.compactMap { document -> (LoadedDocument, Therapist)? in
            if case .therapist(let therapist) = document.document { return (document, therapist) }
            return nil
        }
        var problems: [Diagnostic] = []
        var chosen: [(LoadedDocument, Therapist)] = []
        for id in ids {
            if let entry = roster.first(where: { $0.1.id == id }) {
                chosen.append(entry)
            } else {
                problems.append(.error(PlanFinding.unknownTherapist, "no therapist '\(id)' among the documents loaded", at: nil,
                                       hint: Suggestion.closest(to: id, in: roster.map(\.1.id)).map { "did you mean '\($0)'?" }))
            }
        }
        if let team {
            // Compared by real path: the loader names a file by the path that reached it first, which
            // may be another one than the team's ("--in ." before "--team Examples/pediatrics").
            let folder = FileIO.realPath(team) ?? (team as NSString).standardizingPath
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            chosen += roster.filter { entry in
                let file = FileIO.realPath(entry.0.file) ?? entry.0.file
                return file == folder || file.hasPrefix(prefix)
            }.filter { entry in !chosen.contains { $0.1.id == entry.1.id } }
        }
        // Neither ids nor a team: everyone loaded (a project's whole roster, with no paths).
        if ids.isEmpty && team == nil { chosen = roster }
        if chosen.isEmpty && problems.isEmpty {
            let message = ids.isEmpty && team == nil ? "no therapist to plan for: no Therapist document among those loaded"
                : "no therapist to plan for: name one, or give --team DIR"
            problems.append(.error(PlannerCode.noTherapist, message, at: nil))
        }
        // A completed course in a category the Requirements do not list would be counted toward nothing they require.
        let requirements = documents.compactMap { if case .requirements(let rules) = $0.document { rules } else { nil } }
        for (document, therapist) in chosen { problems += ProfileReferences.unknown(document, therapist, requirements: requirements) }
        if !problems.isEmpty { return .invalid(problems, sources: workspace.sources) }
        let planner = TeamPlanner(documents: documents, today: today, timeLimit: timeLimit, allowingBelowLevel: allowBelowLevel)
        var texts: [String] = []
        var yamls: [String] = []
        var json: [[String: Any]] = []
        var infeasible = false
        var ended: [Diagnostic] = []
        // Plans are written to `output` until the folder itself cannot be made: every later plan would
        // fail the same way, so that error is reported once and names the plans left unwritten. A plan
        // that cannot be written on its own (it would replace an input) is reported and the rest go on.
        var writingTo = output
        var unwritten: [String] = []
        var writeError: Int?
        for result in planner.plan(chosen) {
            let (document, therapist) = (result.document, result.therapist)
            switch result.outcome {
            case .noRequirements(let problem):
                problems.append(problem)
            case .cycleEnded(let finding):
                // No invalid input: like a plan no catalog can meet, it is a finding (exit 1).
                infeasible = true
                ended.append(finding)
                texts.append("\(therapist.id) (\(therapist.name)): not planned: \(finding.message)\n")
                json.append(["therapist": therapist.id, "feasible": false, "reasons": [finding.message]])
            case .noCredential:
                texts.append("\(therapist.id) (\(therapist.name)): not planned: no credential with a cycle (role \(therapist.role)); "
                             + "continuing education is planned once the profile states one\n")
                json.append(["therapist": therapist.id, "feasible": NSNull(), "planned": false,
                             "reasons": ["no credential with a cycle (role \(therapist.role))"]])
            case .plan(let plan, let gaps, let cycle):
                if !plan.optimal {
                    problems.append(Diagnostic(PlannerCode.notProvenOptimal, message: unproven(plan, for: therapist, timeLimit: timeLimit,
                                                                                           currency: planner.currency),
                                               origin: .engine, location: document.location(of: "")))
                }
                let rules = planner.rules(for: therapist)
                let text = PlanWriter.yaml(plan, for: therapist, cycle: cycle, gaps: gaps, rules: rules, today: today)
                yamls.append(text)
                texts.append(summary(therapist, cycle: cycle, gaps: gaps, plan: plan, rules: rules, currency: planner.currency))
                json.append(["therapist": therapist.id, "feasible": true, "optimal": plan.optimal, "cost": Amounts.rounded(plan.cost),
                             "hours": Amounts.rounded(plan.hours), "credits": Amounts.rounded(plan.credits),
                             "gaps": gaps.map { ["area": $0.area, "required": $0.required.rawValue, "reasons": $0.reasons] },
                             "items": plan.items.map { [PlanWriter.key(for: $0.course): $0.course.id, "quarter": $0.quarter.description,
                                                       "reasons": $0.reasons] }])
                let name = PlanWriter.name(for: therapist) + ".yaml"
                if let output, writingTo == nil {
                    unwritten.append((output as NSString).appendingPathComponent(name))
                } else if let output = writingTo {
                    do {
                        try FileIO.createFolder(output)
                    } catch {
                        writeError = problems.count
                        problems += error.diagnostics
                        writingTo = nil
                        continue
                    }
                    do {
                        try FileIO.writeAtomically(text, to: (output as NSString).appendingPathComponent(name), inputs: workspace.files)
                    } catch {
                        problems += error.diagnostics
                    }
                }
            case .undecided(let limit):
                infeasible = true
                texts.append("\(therapist.id) (\(therapist.name)): no plan found within the time limit of \(Planner.format(limit)) s, "
                             + "and none proven impossible; try a longer --time-limit\n")
                json.append(["therapist": therapist.id, "feasible": NSNull(), "reason": "time limit reached"])
            case .infeasible(let reasons):
                infeasible = true
                texts.append("\(therapist.id) (\(therapist.name)): no plan meets every constraint\n"
                             + reasons.map { "  - \($0)\n" }.joined())
                json.append(["therapist": therapist.id, "feasible": false, "reasons": reasons])
            }
        }
        if let writeError, !unwritten.isEmpty {
            problems[writeError].notes.append(DiagnosticNote("so these were not written either: \(unwritten.joined(separator: ", "))"))
        }
        let out: String = switch format {
        case .text: DisplayText.escapedLines(texts.joined(separator: "\n"))
        case .yaml: yamls.joined(separator: "---\n")
        case .json: (try? JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "[]\n"
        }
        let status: ExitStatus = problems.contains { $0.severity == .error } ? .invalid : infeasible ? .findings : .ok
        return ToolOutcome(output: out, diagnostics: ended + problems, sources: workspace.sources, status: status)
    }

    /// What `plan.not-proven-optimal` says: the solver's bound against what the plan found costs or takes.
    static func unproven(_ plan: PlannedCourses, for therapist: Therapist, timeLimit: Double, currency: String) -> String {
        let f = Planner.format
        let stopped = "the solver stopped at its time limit of \(f(timeLimit)) s"
        if let hours = plan.hoursBound {
            return "the plan for \(therapist.id) meets every constraint and costs the least possible, but is not proven the shortest: "
                + "\(stopped); no plan of that cost takes fewer than \(f(hours)) hours (this one takes \(f(plan.hours)))"
        }
        let bound = plan.costBound.map { "; no plan costs less than \(f($0)) \(currency) (this one costs \(f(plan.cost)))" } ?? ""
        return "the plan for \(therapist.id) meets every constraint but is not proven the cheapest: \(stopped)\(bound)"
    }

    static func summary(_ therapist: Therapist, cycle: Credential, gaps: [Gap], plan: PlannedCourses,
                        rules: RecertificationRequirements? = nil, currency: String) -> String {
        let f = Amounts.format
        var text = "\(therapist.id) (\(therapist.name)), \(cycle.name) cycle \(cycle.cycleStart) to \(cycle.cycleEnd)\n"
        text += gaps.isEmpty ? "  no competency gaps\n" : "  gaps:\n" + gaps.map {
            "    \($0.area): \($0.current?.rawValue ?? "none") -> \($0.required.rawValue) (\($0.reasons.joined(separator: "; ")))\n"
        }.joined()
        text += "  plan: \(PlanWriter.count(plan)), \(f(plan.cost)) \(currency), \(f(plan.hours)) hours; "
            + "\(f(plan.credits)) credits counted toward the cycle\n"
        for item in plan.items {
            let activity = item.course.format == .activity ? " (professional activity)" : ""
            text += "    \(item.quarter)  \(item.course.id)\(activity)  \(f(item.course.credits)) credits, \(f(item.course.cost)) \(currency), "
                + "\(f(item.course.hours)) h\n"
            text += item.reasons.map { "      why: \($0)\n" }.joined()
        }
        if let records = PlanWriter.records(rules, cycleEnd: cycle.cycleEnd) { text += "  records: \(records)\n" }
        return text
    }
}
