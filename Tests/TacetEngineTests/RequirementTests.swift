import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine

/// Each built-in requirement with a step that triggers it (and only it) and one that does not.
@Suite("Requirements")
struct RequirementTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let requirement: Requirement
        let triggering: String
        let nonTriggering: String
        /// The field the finding points at, or nil for the step itself.
        let field: String?
        var testDescription: String { requirement.rawValue }
    }

    /// The compliant step with `line` replacing the line that starts with the same key (or added).
    static func step(_ changes: String...) -> String {
        var lines = Fixture.goodStep.split(separator: "\n").map(String.init)
        for change in changes {
            let key = change.split(separator: ":").first.map(String.init) ?? change
            if let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
                if change.hasSuffix(":-") { lines.remove(at: index) } else { lines[index] = change }
            } else {
                lines.append(change)
            }
        }
        return lines.joined(separator: "\n")
    }

    static let examples: [Example] = [
        Example(requirement: .knownTask, triggering: step("task: notez"), nonTriggering: step(), field: "task"),
        Example(requirement: .aiLevel, triggering: step("task: affect", "ai: ai-assisted", "tool:-", "data:-", "reviewer:-",
                                                        "consent:-", "disclosure:-", "tool: chatbot"),
                nonTriggering: step("task: affect", "ai: human-only", "tool:-", "data:-", "reviewer:-"), field: "ai"),
        Example(requirement: .toolNamed, triggering: step("tool:-"), nonTriggering: step(), field: nil),
        Example(requirement: .toolApproved, triggering: step("tool: scribbler"), nonTriggering: step(), field: "tool"),
        Example(requirement: .toolData, triggering: step("task: research", "ai: ai-assisted", "reviewer:-", "tool: chatbot",
                                                         "data: [phi]"),
                nonTriggering: step("task: research", "ai: ai-assisted", "reviewer:-", "tool: chatbot", "data: [deidentified]"),
                field: "data/0"),
        Example(requirement: .taskData, triggering: step("task: research", "ai: ai-assisted", "reviewer:-", "data: [phi]"),
                nonTriggering: step("task: research", "ai: ai-assisted", "reviewer:-", "data: [none]"), field: "data/0"),
        Example(requirement: .knownPerson, triggering: step("reviewer: bem"), nonTriggering: step(), field: "reviewer"),
        Example(requirement: .review, triggering: step("reviewer:-"), nonTriggering: step(), field: nil),
        Example(requirement: .reviewIndependent, triggering: step("reviewer: ana"), nonTriggering: step(), field: "reviewer"),
        Example(requirement: .reviewRole, triggering: step("task: plans", "reviewer: ben", "consent:-", "disclosure:-", "data: [none]"),
                nonTriggering: step("task: plans", "reviewer: cho", "data: [none]"), field: "reviewer"),
        Example(requirement: .reviewLevel, triggering: step("reviewer: dee"), nonTriggering: step(), field: "reviewer"),
        Example(requirement: .consent, triggering: step("consent: false"), nonTriggering: step(), field: "consent"),
        Example(requirement: .disclosure, triggering: step("disclosure:-"), nonTriggering: step(), field: nil),
    ]

    @Test("a triggering step gets the requirement's finding at the right field", arguments: examples)
    func triggers(example: Example) throws {
        let report = try Fixture.check(step: example.triggering)
        #expect(report.problems.filter { $0.severity == .error }.isEmpty, "\(report.problems)")
        let finding = try #require(report.findings.first { $0.code == example.requirement.rawValue }, "\(report.rules)")
        #expect(finding.severity == .error)
        #expect(finding.pointer == "/steps/0" + (example.field.map { "/" + $0 } ?? ""))
        #expect(finding.location?.file == "wf.yaml")
        #expect(finding.citations == ["src"] || example.requirement == .knownTask || example.requirement == .knownPerson)
    }

    @Test("a non-triggering step gets no finding at all", arguments: examples)
    func doesNotTrigger(example: Example) throws {
        let report = try Fixture.check(step: example.nonTriggering)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
    }

    @Test("PHI to a tool without a business associate agreement is refused")
    func phiWithoutBAA() throws {
        let policy = Fixture.policy.replacingOccurrences(of: "{id: chatbot, baa: false, data: [none, deidentified]}",
                                                         with: "{id: chatbot, baa: false, data: [none, deidentified, phi]}")
        var files = [("policy.yaml", policy), ("wf.yaml", Fixture.workflow(Self.step("tool: chatbot")))]
        files += Fixture.roster.enumerated().map { ("t\($0.offset).yaml", $0.element) }
        let report = CheckEngine.check(try Fixture.workspace(files), today: .epoch)
        #expect(report.rules == [Requirement.phiBAA.rawValue])
        #expect(report.findings.first?.pointer == "/steps/0/tool")
    }

    @Test("a finding is reported once for a step, even when the step gives cause for it twice")
    func oncePerStep() throws {
        let policy = Fixture.policy.replacingOccurrences(of: "{id: chatbot, baa: false, data: [none, deidentified]}",
                                                         with: "{id: chatbot, baa: false, data: [none, deidentified, phi]}")
        var files = [("policy.yaml", policy), ("wf.yaml", Fixture.workflow(Self.step("tool: chatbot")))]
        files += Fixture.roster.enumerated().map { ("t\($0.offset).yaml", $0.element) }
        var workspace = try Fixture.workspace(files)
        // A file cannot list a data class twice (document.duplicate-value); a workflow built in code can.
        let index = try #require(workspace.documents.firstIndex { $0.kind == .workflow })
        guard case .workflow(var workflow) = workspace.documents[index].document else { return }
        workflow.steps[0].data = [.phi, .phi]
        workspace.documents[index].document = .workflow(workflow)
        let report = CheckEngine.check(workspace, today: .epoch)
        #expect(report.rules == [Requirement.phiBAA.rawValue])
    }

    @Test("a task's data classes limit what a step sends to AI whichever tool it names, none or one not approved",
          arguments: [("tool:-", Requirement.toolNamed), ("tool: scribbler", .toolApproved)])
    func taskDataWithoutApprovedTool(tool: String, toolFinding: Requirement) throws {
        let report = try Fixture.check(step: Self.step("task: research", "ai: ai-assisted", "reviewer:-", "data: [none, phi]", tool))
        #expect(report.rules.sorted() == [toolFinding.rawValue, Requirement.taskData.rawValue].sorted())
        #expect(report.findings.first { $0.code == Requirement.taskData.rawValue }?.pointer == "/steps/0/data/1")
        // Without AI nothing is sent to it: the same data is no finding.
        let human = try Fixture.check(step: "task: research\nai: human-only\ndata: [phi]\nperformer: ana")
        #expect(human.findings.isEmpty)
    }

    @Test("human-only steps need no tool, review, consent or disclosure")
    func humanOnly() throws {
        let report = try Fixture.check(step: "task: notes\nai: human-only\nperformer: ana")
        #expect(report.findings.isEmpty)
    }

    @Test("reviewer levels come from the roster, and the finding cites the reviewer's profile")
    func rosterLevels() throws {
        let report = try Fixture.check(step: Self.step("reviewer: dee"))
        let finding = try #require(report.findings.first)
        #expect(finding.message == "reviewer dee is emerging in documentation; task 'notes' requires review by a therapist at developing or above in documentation")
        #expect(finding.notes.first?.location?.file == "t3.yaml")
    }

    @Test("a rule fires on its condition and points at its 'at' field")
    func rules() throws {
        let policy = Fixture.policy + """
            rules:
              - id: no-chatbot
                severity: warning
                when: {fact: step.tool, operator: equals, value: chatbot}
                at: step.tool
                message: Avoid the chatbot.
                cite: [src]

            """
        var files = [("policy.yaml", policy),
                     ("wf.yaml", Fixture.workflow(Self.step("task: research", "ai: ai-assisted", "reviewer:-", "tool: chatbot", "data: [none]")))]
        files += Fixture.roster.enumerated().map { ("t\($0.offset).yaml", $0.element) }
        let report = CheckEngine.check(try Fixture.workspace(files), today: .epoch)
        #expect(report.rules == ["no-chatbot"])
        #expect(report.findings.first?.severity == .warning)
        #expect(report.findings.first?.pointer == "/steps/0/tool")
        #expect(report.findings.first?.location?.line == 8)
        #expect(report.findings.first?.citations == ["src"])
    }
}
