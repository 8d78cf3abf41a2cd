import TacetDiagnostics

/// The code reference, `docs/codes.md`, written from ``DiagnosticCodes`` so that it lists every code
/// with the summary and severity the code itself declares (a test keeps the file equal to this text).
public enum CodeReference {
    /// The whole page as Markdown.
    public static func markdown() -> String {
        var text = """
            # Diagnostic codes

            Every diagnostic Tacet reports carries a stable code in brackets, such as `[requirement.ai-level]`.
            Scripts may match on it; an `Exception` or a `PolicyTest` names it. Rules a policy defines carry the
            rule's own id, and rules a checker plugin describes carry `PLUGIN/slug`: those are not listed here
            (`tacet plugin list` shows a plugin's rules).

            The severity is the one a code is reported with by default; `--plugin-failures` sets the severity of
            plugin failures. This page is generated from the codes' declarations: do not edit it by hand (the
            README says how to regenerate it).


            """
        for family in DiagnosticCodes.families {
            text += "## \(family.title)\n\n\(family.about)\n\n"
            for code in family.codes {
                text += "### \(code.id)\n\n**\(code.defaultSeverity.rawValue)**: \(code.summary).\n\n"
            }
        }
        return String(text.dropLast())
    }
}
