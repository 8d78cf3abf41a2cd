import TacetDocuments
import TacetEngine

extension CheckReport {
    /// What was checked, in one phrase: "3 workflows and 1 learning plan checked in 16 documents (2 plugins ran 7 checks)".
    package var scopeSentence: String {
        let plans = plansChecked == 0 ? "" : " and \(Wording.plural(plansChecked, "learning plan"))"
        let plugins = pluginsRun == 0 ? ""
            : " (\(Wording.plural(pluginsRun, "plugin")) ran \(Wording.plural(pluginCalls, "check")))"
        return "\(Wording.plural(workflowsChecked, "workflow"))\(plans) checked in \(Wording.plural(documents, "document"))\(plugins)"
    }

    /// Workflows found but not checked: loaded with no policy to govern them, or declared by a file that did not load.
    package var workflowsNotChecked: Int { uncheckedWorkflows.count + unloaded.filter { $0.kind == .workflow }.count }

    /// Learning plans declared by a file that did not load, so not audited.
    package var plansNotAudited: Int { unloaded.filter { $0.kind == .learningPlan }.count }

    /// The one count every format's summary states: the findings in force and the input problems,
    /// and the workflows, plans and files that could not be checked.
    package var tally: Tally {
        var shortfalls: [Shortfall] = []
        if workflowsNotChecked > 0 {
            shortfalls.append(Shortfall(workflowsNotChecked, of: workflowsChecked + workflowsNotChecked, "workflow", verb: "checked"))
        }
        if plansNotAudited > 0 {
            shortfalls.append(Shortfall(plansNotAudited, of: plansChecked + plansNotAudited, "learning plan", verb: "audited"))
        }
        shortfalls += Shortfall.files(unloaded, besides: [.workflow, .learningPlan], other: !shortfalls.isEmpty)
        return Tally(findings: findings, problems: problems, shortfalls: shortfalls)
    }
}
