import TacetDocuments
import TacetPlanning

extension HTMLReportRenderer.Page {
    /// Each therapist's learning plan across their cycle: quarter by quarter, the courses and the
    /// credits accumulated (earned before the plan plus planned) against the cycle's requirement.
    func plans() -> String {
        var html = "<section id=\"plans\" aria-labelledby=\"plans-title\">\n<h2 id=\"plans-title\">Learning plans</h2>\n"
        var plans: [String: LearningPlan] = [:]
        var courses: [String: Course] = [:]
        var requirements: [String: RecertificationRequirements] = [:]
        for plan in input.checked.compactMap(\.plan) { plans[plan.therapist] = plans[plan.therapist] ?? plan }
        for document in input.documents {
            switch document.document {
            case .catalog(let catalog): for course in catalog.courses { courses[course.id] = courses[course.id] ?? course }
            case .requirements(let rules): requirements[rules.credential] = requirements[rules.credential] ?? rules
            default: continue
            }
        }
        if therapists.isEmpty { html += "<p>No therapist profiles among the documents checked.</p>\n" }
        for therapist in therapists {
            html += timeline(therapist, plan: plans[therapist.id], courses: courses, rules: therapist.credential.flatMap { requirements[$0.name] })
        }
        return html + "</section>\n"
    }

    private func timeline(_ therapist: Therapist, plan: LearningPlan?, courses catalog: [String: Course],
                          rules: RecertificationRequirements?) -> String {
        // Professional activities are planned as items too, keyed apart from courses by ``PlanItem/isActivity``.
        let activities = Dictionary((rules?.activities ?? []).map { ($0.id, $0.asCourse) }, uniquingKeysWith: { first, _ in first })
        let lookUp = { (item: PlanItem) in item.isActivity ? activities[item.course] : catalog[item.course] }
        let escape = HTMLReportRenderer.escape
        var html = "<article class=\"plan\">\n<h3>\(escape(therapist.name)) <span class=\"file\">\(escape(therapist.id))</span></h3>\n"
        guard let credential = therapist.credential else {
            return html + "<p>No credential with a cycle yet (\(escape(therapist.role))): no continuing education to plan.</p>\n</article>\n"
        }
        html += "<p>\(escape(credential.name)) cycle \(credential.cycleStart) to \(credential.cycleEnd).</p>\n"
        let note = input.planNotes[therapist.id].map { "<p class=\"plan-note\">\(escape($0))</p>\n" } ?? ""
        guard let plan else {
            return html + "<p class=\"missing\">No learning plan among the documents checked.</p>\n\(note)</article>\n"
        }
        html += note
        let inCycle = { (date: CalendarDate) in credential.cycleStart <= date && date <= credential.cycleEnd }
        let earned = therapist.completed.filter { inCycle($0.date) }
        let earnedCredits = earned.reduce(0) { $0 + $1.credits }
        let total = rules?.totalCredits
        let first = Quarter(containing: credential.cycleStart)
        let last = Quarter(containing: credential.cycleEnd)
        var byQuarter: [Quarter: [PlanItem]] = [:]
        var outside: [PlanItem] = []
        for item in plan.items {
            if item.quarter < first || last < item.quarter { outside.append(item) } else { byQuarter[item.quarter, default: []].append(item) }
        }
        // A course taken again (renewing training) earns credits only where the Requirements say repeats do, as in the audit.
        // An activity done in this cycle already is a repeat too, as the audit counts it.
        var taken = Set(therapist.completed.compactMap(\.course))
            .union(therapist.completed.filter { inCycle($0.date) }.compactMap(\.activity))
        var creditless = Set<PlanItem>()
        for index in plan.items.indices.sorted(by: { (plan.items[$0].quarter, $0) < (plan.items[$1].quarter, $1) })
        where !taken.insert(plan.items[index].course).inserted && rules?.repeatsEarnCredits != true {
            creditless.insert(plan.items[index])
        }
        func counted(_ item: PlanItem) -> Double { creditless.contains(item) ? 0 : lookUp(item)?.credits ?? 0 }
        let requirement = total.map { " against the \(Amounts.format($0)) the cycle requires" } ?? ""
        html += "<p>\(Amounts.format(earnedCredits)) credits earned before the plan, counted from the start\(escape(requirement)).</p>\n"
        html += "<table class=\"timeline\">\n<caption>\(escape(therapist.name))'s plan by quarter</caption>\n"
            + "<thead><tr><th scope=\"col\">Quarter</th><th scope=\"col\">Courses</th><th scope=\"col\">Credits</th>"
            + "<th scope=\"col\">Accumulated</th></tr></thead>\n<tbody>\n"
        var accumulated = earnedCredits
        var quarter = first
        let now = Quarter(containing: today)
        while quarter <= last {
            let items = byQuarter[quarter] ?? []
            // A run of quarters without courses is one row, so a five-year cycle stays readable.
            var end = quarter
            while items.isEmpty, end < last, byQuarter[end.next] == nil { end = end.next }
            let credits = items.reduce(0) { $0 + counted($1) }
            accumulated += credits
            let span = end == quarter ? "\(quarter)" : "\(quarter) to \(end)"
            let when = end < now ? " <span class=\"past\">(past)</span>" : quarter <= now && now <= end ? " <span class=\"past\">(now)</span>" : ""
            let list = items.isEmpty ? "no courses" : "<ul>" + items.map { item in
                "<li>\(courseText(item, lookUp(item)))\(creditless.contains(item) ? " <em>(a repeat: no credits counted)</em>" : "")</li>"
            }.joined() + "</ul>"
            html += "<tr\(items.isEmpty ? " class=\"quiet\"" : "")><th scope=\"row\">\(span)\(when)</th><td>\(list)</td>"
                + "<td>\(items.isEmpty ? "-" : Amounts.format(credits))</td><td>\(progress(accumulated, of: total))</td></tr>\n"
            quarter = end.next
        }
        html += "</tbody>\n</table>\n"
        if !outside.isEmpty {
            html += "<p class=\"warning-text\">Outside the cycle, not counted: "
                + outside.map { "\(courseText($0, lookUp($0))) in \($0.quarter)" }.joined(separator: "; ") + ".</p>\n"
        }
        for minimum in rules?.minimums ?? [] {
            let have = earned.filter { minimum.counts(category: $0.category, topics: $0.countedTopics { catalog[$0]?.topics }) }
                .reduce(0) { $0 + $1.credits }
                + plan.items.filter { item in
                    item.quarter >= first && item.quarter <= last
                        && lookUp(item).map { minimum.counts(category: $0.category, topics: $0.topics) } ?? false
                }.reduce(0) { $0 + counted($1) }
            let verdict = Amounts.reaches(have, minimum.credits) ? "met" : "short by \(Amounts.format(minimum.credits - have))"
            html += "<p>\(escape(minimum.label.prefix(1).uppercased() + minimum.label.dropFirst())): \(Amounts.format(have)) of at least "
                + "\(Amounts.format(minimum.credits)) (\(verdict)).</p>\n"
        }
        if let rules, let audit = rules.audit {
            html += "<p>\(escape(audit.keepProof(cycleEnd: credential.cycleEnd, assumed: rules.isAssumption(audit.cite))))</p>\n"
        }
        return html + "</article>\n"
    }

    private func courseText(_ item: PlanItem, _ course: Course?) -> String {
        guard let course else {
            let why = item.isActivity ? "not an activity the Requirements credit" : "in no catalog"
            return "<code>\(HTMLReportRenderer.escape(item.course))</code> <em>(\(why): 0 credits counted)</em>"
        }
        let kind = item.isActivity ? "professional activity, " : ""
        return "\(HTMLReportRenderer.escape(course.title)) <span class=\"file\">\(HTMLReportRenderer.escape(course.id)), \(kind)"
            + "\(Amounts.format(course.credits)) credits, \(HTMLReportRenderer.escape(course.category))</span>"
    }

    /// The accumulated credits as a meter with its numbers written out (the bar alone would be colour-only meaning).
    private func progress(_ credits: Double, of total: Double?) -> String {
        guard let total, total > 0 else { return "\(Amounts.format(credits)) credits" }
        let percent = Int((min(credits, total) / total * 100).rounded())
        return "<meter min=\"0\" max=\"\(Amounts.format(total))\" value=\"\(Amounts.format(min(credits, total)))\">\(percent)%</meter> "
            + "\(Amounts.format(credits)) of \(Amounts.format(total)) (\(percent)%)"
    }
}
