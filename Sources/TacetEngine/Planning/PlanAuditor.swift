import TacetDiagnostics
import TacetDocuments
import TacetPlanning
import TacetYAML

/// Audits a `LearningPlan` against the catalog, the recertification rules and the therapist's
/// profile: `tacet check` runs it on every plan, hand-written or generated.
public struct PlanAuditor: Sendable {
    let requirements: [String: RecertificationRequirements]
    let roster: Roster
    /// The workflow steps that use AI: the training and review levels the plan must provide for.
    let steps: [AIStep]
    let today: CalendarDate
    var courses: [String: Course] { roster.courses }

    /// An auditor for the Requirements documents among `documents`, the catalogs' courses in
    /// `roster`, and the training `policies` require of the workflows' performers, judged from `today`.
    /// Pass `steps` when the workflows are no longer among `documents` (a streaming check collected them).
    public init(documents: [LoadedDocument], roster: Roster, policies: [String: ResolvedPolicy], steps: [AIStep]? = nil,
                today: CalendarDate) {
        var requirements: [String: RecertificationRequirements] = [:]
        for document in documents {
            if case .requirements(let value) = document.document { requirements[value.credential] = requirements[value.credential] ?? value }
        }
        self.requirements = requirements
        self.roster = roster
        self.steps = steps ?? AIStep.steps(in: documents, policies: policies)
        self.today = today
    }

    /// Every finding for `plan`, stored in `document`, in item order.
    public func audit(_ document: LoadedDocument, _ plan: LearningPlan) -> [Diagnostic] {
        var sink = Sink(document: document)
        guard let therapist = roster.therapists[plan.therapist] else {
            sink.emit(.unknownTherapist, "therapist '\(plan.therapist)' is not in the roster", at: "/therapist",
                 hint: Suggestion.closest(to: plan.therapist, in: Array(roster.therapists.keys)).map { "did you mean '\($0)'?" }
                    ?? "add the therapist's profile to the paths checked")
            return sink.findings
        }
        guard let credential = therapist.credential else {
            sink.emit(.noCredential, "\(therapist.name) holds no credential with a cycle (role \(therapist.role)): there is no "
                      + "continuing education to plan", at: "/therapist",
                      hint: "add the credential and its cycle to the profile once it is held, or remove this plan")
            return sink.findings
        }
        if credential.cycleStart != plan.cycleStart || credential.cycleEnd != plan.cycleEnd {
            sink.emit(.cycleMismatch, "the plan's cycle \(plan.cycleStart) to \(plan.cycleEnd) differs from \(therapist.name)'s "
                 + "\(credential.name) cycle \(credential.cycleStart) to \(credential.cycleEnd)", at: "/cycleStart")
        }
        let first = Quarter(containing: plan.cycleStart)
        // As the planner schedules: a quarter counts only when it ends within the cycle.
        let last = Quarter.lastEnding(by: plan.cycleEnd)
        let completed = Set(therapist.completed.compactMap(\.course))
            .union(therapist.completed.filter { $0.date >= plan.cycleStart && $0.date <= plan.cycleEnd }.compactMap(\.activity))
        var levels = therapist.levels
        var resolved: [Int: Course] = [:]  // each item's course or activity, where known
        var seen: [String: Int] = [:]
        var taken: [Int] = []    // items that cost time and money: known, in the cycle, not duplicated
        var counted: [Int] = []  // items whose credits count too: not a repeat, unless repeats earn credits
        let rules = requirements[credential.name]
        // Quarter by quarter: a course may rely only on what earlier quarters bring.
        let order = plan.items.indices.sorted { (plan.items[$0].quarter, $0) < (plan.items[$1].quarter, $1) }
        var index = order.startIndex
        while index < order.endIndex {
            let quarter = plan.items[order[index]].quarter
            var gained: [(String, CompetencyLevel)] = []
            while index < order.endIndex, plan.items[order[index]].quarter == quarter {
                let i = order[index]
                index += 1
                let item = plan.items[i]
                let at = "/items/\(i)"
                guard let course = resolve(item, at: at, rules: rules, therapist: therapist, &sink) else { continue }
                resolved[i] = course
                // Training that lapses is taken again to renew it: a repeat, not a mistake.
                let repeated = seen[course.id] != nil || completed.contains(course.id)
                if repeated && course.renewalMonths == nil {
                    if let earlier = seen[course.id] {
                        sink.emit(.duplicateCourse, "\(item.isActivity ? "activity" : "course") '\(course.id)' is already in the plan",
                                  at: at + (item.isActivity ? "/activity" : "/course"),
                             notes: [DiagnosticNote("first scheduled here", at: document.location(of: "/items/\(earlier)"))])
                        continue
                    }
                    sink.emit(.alreadyCompleted, "\(therapist.name) has already completed '\(course.id)'"
                              + (item.isActivity ? " in this cycle" : ""), at: at + (item.isActivity ? "/activity" : "/course"))
                }
                seen[course.id] = seen[course.id] ?? i
                if quarter < first || quarter > last {
                    let straddles = quarter > last && quarter.firstDay <= plan.cycleEnd
                    sink.emit(.outsideCycle, straddles
                              ? "\(quarter) runs to \(quarter.lastDay), past the cycle's end on \(plan.cycleEnd)"
                              : "\(quarter) is outside the cycle \(plan.cycleStart) to \(plan.cycleEnd)", at: at + "/quarter",
                         hint: straddles ? "schedule it in \(last) or earlier: a course counts only in a quarter that ends within the cycle"
                                         : "credits earned outside the cycle do not count toward it")
                } else {
                    taken.append(i)
                    if !repeated || rules?.repeatsEarnCredits == true { counted.append(i) }
                }
                // A prerequisite the therapist is past (it brings nothing beyond their levels) is met, as the planner judges.
                for prerequisite in course.prerequisites
                where !completed.contains(prerequisite) && !(courses[prerequisite]?.bringsNothingBeyond(therapist.levels) ?? false) {
                    let scheduled = plan.items.indices.first { plan.items[$0].course == prerequisite }
                    if let scheduled, plan.items[scheduled].quarter < quarter { continue }
                    let when = scheduled.map { "it is scheduled in \(plan.items[$0].quarter), not before" } ?? "it is not in the plan"
                    sink.emit(.prerequisiteOrder, "'\(course.id)' needs '\(prerequisite)' first; \(when)", at: at + "/course",
                         hint: "schedule '\(prerequisite)' in an earlier quarter",
                         notes: scheduled.map { [DiagnosticNote("'\(prerequisite)' is here", at: document.location(of: "/items/\($0)"))] } ?? [])
                }
                for outcome in course.outcomes {
                    guard let entry = outcome.entry else { continue }
                    let level = levels[outcome.area]
                    if level.map({ $0 < entry }) ?? true {
                        sink.emit(.entryLevel, "'\(course.id)' starts at \(entry.rawValue) in \(outcome.area); by \(quarter) "
                             + "\(therapist.name) is \(level?.rawValue ?? "at no recorded level") there",
                             at: at, hint: "schedule a course that brings \(outcome.area) to \(entry.rawValue) in an earlier quarter")
                    }
                }
                gained += course.outcomes.map { ($0.area, $0.level) }
            }
            for (area, level) in gained where levels[area].map({ $0 < level }) ?? true { levels[area] = level }
        }
        auditTraining(document, plan, therapist, &sink)
        if !CredentialCycle.hasEnded(for: therapist, on: today) { auditTargets(therapist, levels, &sink) }
        if let rules {
            // Credits short of a cycle that is over are no news: the profile's own finding (plan.cycle-ended) says what to do.
            if !CredentialCycle.hasEnded(for: therapist, on: today) {
                auditCredits(therapist, credential, rules, counted.compactMap { resolved[$0] }, &sink)
            }
        } else {
            sink.emit(.noRequirements, "no Requirements document covers \(therapist.name)'s credential \(credential.name)", at: "/therapist",
                 hint: "add the recertification rules (Curricula/requirements/) to the paths checked")
        }
        if let budget = therapist.budget { auditBudget(plan, therapist, budget, taken, resolved, &sink) }
        return sink.findings
    }

    /// The course or professional activity `item` names, or nil (with a finding) when none is known. An
    /// activity the therapist's profile does not open is reported and still returned, so its credits and
    /// hours are judged like any other item's.
    private func resolve(_ item: PlanItem, at: String, rules: RecertificationRequirements?, therapist: Therapist,
                         _ sink: inout Sink) -> Course? {
        guard item.isActivity else {
            if let course = courses[item.course] { return course }
            sink.emit(.unknownCourse, "course '\(item.course)' is in no catalog among the documents checked", at: at + "/course",
                      hint: Suggestion.closest(to: item.course, in: Array(courses.keys)).map { "did you mean '\($0)'?" })
            return nil
        }
        let activities = rules?.activities ?? []
        guard let activity = activities.first(where: { $0.id == item.course }) else {
            sink.emit(.unknownActivity, "activity '\(item.course)' is not among the professional activities "
                      + (rules.map { "'\($0.metadata.name)' credits" } ?? "of a Requirements document for \(therapist.name)'s credential"),
                      at: at + "/activity",
                      hint: Suggestion.closest(to: item.course, in: activities.map(\.id)).map { "did you mean '\($0)'?" })
            return nil
        }
        if !therapist.activities.contains(activity.id) {
            sink.emit(.activityUnavailable, "'\(activity.id)' is not open to \(therapist.name): the profile's `activities` do not list it",
                      at: at + "/activity", hint: "add '\(activity.id)' to the profile's activities if \(therapist.name) can take it on")
        }
        return activity.asCourse
    }

    /// Earned and planned credits (`counted`: the plan's courses and activities whose credits count) against
    /// the cycle's total, its caps and its minimums.
    private func auditCredits(_ therapist: Therapist, _ credential: Credential, _ rules: RecertificationRequirements, _ counted: [Course],
                              _ sink: inout Sink) {
        var byCategory: [String: Double] = [:]
        var byMinimum = Array(repeating: 0.0, count: rules.minimums.count)
        var earned = 0.0
        for entry in therapist.completed where entry.date >= credential.cycleStart && entry.date <= credential.cycleEnd {
            byCategory[entry.category, default: 0] += entry.credits
            earned += entry.credits
            let topics = entry.countedTopics { courses[$0]?.topics }
            for (k, minimum) in rules.minimums.enumerated() where minimum.counts(category: entry.category, topics: topics) {
                byMinimum[k] += entry.credits
            }
        }
        var planned = 0.0
        for course in counted {
            byCategory[course.category, default: 0] += course.credits
            planned += course.credits
            for (k, minimum) in rules.minimums.enumerated() where minimum.counts(category: course.category, topics: course.topics) {
                byMinimum[k] += course.credits
            }
        }
        let capped = byCategory.reduce(0.0) { total, entry in
            total + min(entry.value, rules.caps.first { $0.category == entry.key }?.credits ?? .infinity)
        }
        if !Amounts.reaches(capped, rules.totalCredits) {
            sink.emit(.creditsShort, "\(Amounts.format(capped)) of the \(Amounts.format(rules.totalCredits)) credits the cycle needs: "
                 + "\(Amounts.format(earned)) earned, \(Amounts.format(planned)) planned; \(Amounts.format(rules.totalCredits - capped)) short", at: "/items",
                 hint: "add courses worth \(Amounts.format(rules.totalCredits - capped)) credits within the cycle")
        }
        for (k, minimum) in rules.minimums.enumerated() where !Amounts.reaches(byMinimum[k], minimum.credits) {
            sink.emit(.categoryMinimum, "\(Amounts.format(byMinimum[k])) \(minimum.label) earned and planned; the cycle needs at least "
                 + "\(Amounts.format(minimum.credits))", at: "/items",
                 hint: "add a course in \(minimum.category)" + (minimum.topic.map { " with topics [\($0)]" } ?? ""))
        }
    }

    /// Every area ends at least at the level the planner would bring it to: the therapist's target, and
    /// the level the policy requires of the steps they review (``GapAnalysis``), given `levels`, what the
    /// therapist's levels become once every course of the plan is done.
    private func auditTargets(_ therapist: Therapist, _ levels: [String: CompetencyLevel], _ sink: inout Sink) {
        for gap in GapAnalysis.gaps(of: therapist, steps: steps)
        where levels[gap.area].map({ $0 < gap.required }) ?? true {
            let now = levels[gap.area].map { "at \($0.rawValue)" } ?? "at no recorded level"
            sink.emit(.targetUnreached, "the plan leaves \(therapist.name)'s \(gap.area) \(now); it must reach \(gap.required.rawValue) ("
                          + gap.reasons.joined(separator: "; ") + ")", at: "/items",
                      hint: "add a course that brings \(gap.area) to \(gap.required.rawValue), after the courses it starts from")
        }
    }

    /// Every training the policy requires of the therapist stays current from today (or the cycle's
    /// start) to the cycle's end, counting completions and the plan's renewals.
    private func auditTraining(_ document: LoadedDocument, _ plan: LearningPlan, _ therapist: Therapist, _ sink: inout Sink) {
        let from = max(today, plan.cycleStart)
        guard from <= plan.cycleEnd else { return }
        for need in GapAnalysis.trainings(of: therapist, steps: steps) {
            // A course in no catalog is reported on the workflow step (requirement.training).
            guard let course = courses[need.course] else { continue }
            let items = plan.items.indices.filter { plan.items[$0].course == need.course }
            let timeline = TrainingTimeline(completions: therapist.completed.filter { $0.course == need.course }.map(\.date),
                                            planned: items.map { plan.items[$0].quarter }, renewalMonths: course.renewalMonths)
            guard let lapse = timeline.firstLapse(from: from, through: plan.cycleEnd) else { continue }
            let why = need.reasons.joined(separator: "; ")
            // A course in the quarter the training lapses in may be taken after the lapse: late too.
            let late = items.first { plan.items[$0].quarter.lastDay > lapse }
            let held = lapse > from || timeline.completions.contains { $0 <= from }
            let what = held ? "\(therapist.name)'s '\(need.course)' lapses on \(lapse)"
                : "\(therapist.name) does not hold '\(need.course)'"
            let plans = late.map { "the plan takes it only in \(plan.items[$0].quarter)" } ?? "the plan does not take it in time"
            sink.emit(.trainingLapse, "\(what), needed \(why); \(plans)", at: late.map { "/items/\($0)/quarter" } ?? "/items",
                      hint: "schedule '\(need.course)' in \(max(Quarter.lastEnding(by: lapse), Quarter(containing: from))) or earlier"
                        + (course.renewalMonths.map { ", and again within every \($0) months after" } ?? ""))
        }
    }

    private func auditBudget(_ plan: LearningPlan, _ therapist: Therapist, _ budget: Budget, _ taken: [Int],
                             _ resolved: [Int: Course], _ sink: inout Sink) {
        var years: [Int: (hours: Double, money: Double, firstOver: (hours: Int?, money: Int?))] = [:]
        for i in taken.sorted(by: { (plan.items[$0].quarter, $0) < (plan.items[$1].quarter, $1) }) {
            guard let course = resolved[i] else { continue }
            let year = plan.items[i].quarter.year
            var entry = years[year] ?? (0, 0, (nil, nil))
            entry.hours += course.hours
            entry.money += course.cost
            if Amounts.exceeds(entry.hours, budget.hoursPerYear) && entry.firstOver.hours == nil { entry.firstOver.hours = i }
            if Amounts.exceeds(entry.money, budget.moneyPerYear) && entry.firstOver.money == nil { entry.firstOver.money = i }
            years[year] = entry
        }
        for year in years.keys.sorted() {
            guard let entry = years[year] else { continue }
            if let i = entry.firstOver.hours {
                sink.emit(.hoursBudget, "\(year)'s courses take \(Amounts.format(entry.hours)) hours; \(therapist.name)'s budget is "
                     + "\(Amounts.format(budget.hoursPerYear)) hours a year", at: "/items/\(i)", hint: "move a course to another year")
            }
            if let i = entry.firstOver.money {
                sink.emit(.moneyBudget, "\(year)'s courses cost \(Amounts.format(entry.money)) \(budget.currency); \(therapist.name)'s budget is "
                     + "\(Amounts.format(budget.moneyPerYear)) \(budget.currency) a year", at: "/items/\(i)", hint: "move a course to another year")
            }
        }
    }


    /// Collects one plan's findings, each placed at its node.
    struct Sink {
        let document: LoadedDocument
        var findings: [Diagnostic] = []

        mutating func emit(_ finding: PlanFinding, _ message: String, at pointer: String,
                           hint: String? = nil, notes: [DiagnosticNote] = []) {
            findings.append(Diagnostic(finding, message: message, origin: .engine, location: document.location(of: pointer),
                                       pointer: pointer, hint: hint, notes: notes))
        }
    }
}
