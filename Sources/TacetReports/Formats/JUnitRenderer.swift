import TacetDiagnostics

/// Renders a check as JUnit XML: one test suite per checked workflow or learning plan (and per file
/// with input problems), one test case per step or plan item plus one for the document as a whole.
///
/// A case fails when it has a finding at or above `--fail-on`; an input error is a JUnit `error`;
/// lower findings, suppressed findings and input warnings go to the case's `system-out`, so nothing
/// is dropped. The shape is the one Jenkins, GitLab and most test dashboards read.
package enum JUnitRenderer {
    /// The JUnit XML of `input`.
    package static func render(_ input: ReportInput) -> String {
        let files = FileGroups(input)
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0)
        for group in files.groups {
            let file = input.path(group.file)
            let title = group.outline == nil ? file : group.title
            // A workflow no valid policy governs was not checked: its clean parts are skipped, not passed.
            let unchecked = group.outline != nil && input.report.uncheckedWorkflows.contains(group.file)
            let cases = group.parts.indices.map { index in
                testCase(title, name: group.partName(index), location: group.outline?.parts[index].location,
                         file: file, entries: group.parts[index], input: input, unchecked: unchecked)
            }
            suites.append(suite(title, file: file, cases: cases, totals: &totals))
        }
        if !files.unplaced.isEmpty {
            let run = testCase("tacet", name: "run", location: nil, file: nil, entries: files.unplaced, input: input)
            suites.append(suite("tacet", file: nil, cases: [run], totals: &totals))
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="tacet check" tests="\(totals.tests)" failures="\(totals.failures)" errors="\(totals.errors)" time="0">

            """ + suites.joined() + "</testsuites>\n"
    }

    private struct Case {
        var xml: String
        var failed: Bool
        var errored: Bool
        var skipped = false
    }

    private static func suite(_ name: String, file: String?, cases: [Case], totals: inout (tests: Int, failures: Int, errors: Int)) -> String {
        let failures = cases.filter(\.failed).count
        let errors = cases.filter(\.errored).count
        let skipped = cases.filter(\.skipped).count
        totals.tests += cases.count
        totals.failures += failures
        totals.errors += errors
        let fileAttribute = file.map { " file=\"\(MarkupText.escape($0))\"" } ?? ""
        return "  <testsuite name=\"\(MarkupText.escape(name))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" "
            + "skipped=\"\(skipped)\" time=\"0\"\(fileAttribute)>\n" + cases.map(\.xml).joined() + "  </testsuite>\n"
    }

    private static func testCase(_ suite: String, name: String, location: SourceLocation?, file: String?,
                                 entries: [ReportEntry], input: ReportInput, unchecked: Bool = false) -> Case {
        var attributes = "classname=\"\(MarkupText.escape(suite))\" name=\"\(MarkupText.escape(name))\""
        if let file { attributes += " file=\"\(MarkupText.escape(file))\"" }
        if let location { attributes += " line=\"\(location.line)\"" }
        let failing = entries.filter { $0.fails(at: input.failOn) }
        let erroring = entries.filter(\.isInputError)
        let other = entries.filter { !$0.fails(at: input.failOn) && !$0.isInputError }
        var body = ""
        if !erroring.isEmpty { body += element("error", erroring, input: input) }
        if !failing.isEmpty { body += element("failure", failing, input: input) }
        if !other.isEmpty {
            body += "      <system-out>" + MarkupText.escape(other.map { describe($0, input: input) }.joined(separator: "\n")) + "</system-out>\n"
        }
        let skipped = unchecked && body.isEmpty
        if skipped { body = "      <skipped message=\"not checked: no valid policy governs this workflow; see the input problems\"/>\n" }
        let xml = body.isEmpty ? "    <testcase \(attributes) time=\"0\"/>\n"
            : "    <testcase \(attributes) time=\"0\">\n\(body)    </testcase>\n"
        return Case(xml: xml, failed: !failing.isEmpty, errored: !erroring.isEmpty, skipped: skipped)
    }

    /// One `failure` or `error` element for all of a case's entries of that kind: consumers read one per case.
    private static func element(_ tag: String, _ entries: [ReportEntry], input: ReportInput) -> String {
        guard let first = entries.first?.diagnostic else { return "" }
        let more = entries.count > 1 ? " (and \(entries.count - 1) more)" : ""
        let place = first.location.map { "\(input.place($0)): " } ?? ""
        return "      <\(tag) message=\"\(MarkupText.escape(place + first.message + more))\" type=\"\(MarkupText.escape(first.code))\">"
            + MarkupText.escape(entries.map { describe($0, input: input) }.joined(separator: "\n")) + "</\(tag)>\n"
    }

    private static func describe(_ entry: ReportEntry, input: ReportInput) -> String {
        let diagnostic = entry.diagnostic
        let place = diagnostic.location.map { "\(input.place($0)): " } ?? ""
        var line = "\(place)\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"
        if case .suppressed(let suppression) = entry.role {
            line = "suppressed by exception '\(suppression.exception)' (owner \(suppression.owner), expires \(suppression.expires)): " + line
        }
        if case .problem = entry.role { line = "input problem: " + line }
        if let hint = diagnostic.hint { line += "\n  fix: \(hint)" }
        return line
    }
}
