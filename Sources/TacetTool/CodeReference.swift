import TacetDiagnostics

/// The code reference, `docs/codes.md`, written from ``DiagnosticCodes`` so that it lists every code
/// with the summary and severity the code itself declares (a test keeps the file equal to this text).
package enum CodeReference {
    /// The whole page as Markdown.
    package static func markdown() -> String {
        var text = """
            # Diagnostic codes

            Every diagnostic Tacet reports carries a stable code in brackets, such as `[requirement.ai-level]`.
            Scripts may match on it. An `Exception` or a `PolicyTest` names the code of a finding: a requirement
            or a learning-plan audit below, or a rule a policy or a plugin defines. Rules a policy defines carry
            the rule's own id, and rules a checker plugin describes carry `PLUGIN/slug`: those are not listed
            here (`tacet plugin list` shows a plugin's rules).

            The severity is the one a code is reported with by default; `--plugin-failures` sets the severity of
            plugin failures. This page is generated from the codes' declarations: do not edit it by hand (the
            README says how to regenerate it).


            """
        // A check's summary says what must hold; read on its own it would seem to name the problem.
        let checks = Set(DiagnosticCodes.checks.map(\.id))
        for family in DiagnosticCodes.families {
            text += "## \(family.title)\n\n\(family.about)\n\n"
            for code in family.codes {
                let meaning = checks.contains(code.id) ? "reported when this does not hold: " + code.summary : code.summary
                text += "### \(code.id)\n\n**\(code.defaultSeverity.rawValue)**: \(meaning).\n\n"
            }
        }
        return String(text.dropLast())
    }
}
