import TacetEngine

extension CheckReport {
    /// What was checked, in one phrase: "3 workflows and 1 learning plan checked in 16 documents (2 plugins ran 7 checks)".
    package var scopeSentence: String {
        let plans = plansChecked == 0 ? "" : " and \(Wording.plural(plansChecked, "learning plan"))"
        let plugins = pluginsRun == 0 ? ""
            : " (\(Wording.plural(pluginsRun, "plugin")) ran \(Wording.plural(pluginCalls, "check")))"
        return "\(Wording.plural(workflowsChecked, "workflow"))\(plans) checked in \(Wording.plural(documents, "document"))\(plugins)"
    }

    /// The findings in force by severity: "14 errors, 2 warnings, 0 infos".
    package var countSentence: String {
        "\(Wording.plural(count(.error), "error")), \(Wording.plural(count(.warning), "warning")), \(Wording.plural(count(.info), "info"))"
    }
}
