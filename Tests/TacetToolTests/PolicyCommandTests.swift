import Foundation
import Testing
import TacetTestSupport

/// End-to-end: check, lint, explain and test on the shipped policy, curricula and sample team, and on
/// small inputs built for each exit status. Runs the built binary from the repository root.
@Suite("Policy commands", .serialized)
struct PolicyCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func tacet(_ arguments: String...) throws -> TacetBinary.Result {
        try TacetBinary.run(arguments, in: repository)
    }

    @Test("check on the sample team: exit 1, each deliberate violation at its line, the exception listed apart")
    func checkSample() throws {
        let result = try Self.tacet("check", "Policies", "Curricula", "Examples", "--today", "2026-11-21")
        #expect(result.status == 1)
        let findings = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Examples/") && ($0.contains(": error: ") || $0.contains(": warning: ")) }
            .map { String($0.prefix { $0 != " " }) }.sorted()
        #expect(findings == [
            "Examples/pediatrics/workflows/inpatient-documentation.yaml:38:15:",
            "Examples/pediatrics/workflows/inpatient-documentation.yaml:43:5:",
            "Examples/pediatrics/workflows/inpatient-documentation.yaml:49:15:",
            "Examples/pediatrics/workflows/inpatient-documentation.yaml:57:11:",
            "Examples/pediatrics/workflows/session-planning.yaml:19:12:",
            "Examples/pediatrics/workflows/session-planning.yaml:24:5:",
            "Examples/pediatrics/workflows/session-planning.yaml:33:9:",
            // The shipped plugins in ./Plugins: a record number (phi-scan), AI before consent (consent-coverage).
            "Examples/pediatrics/workflows/inpatient-documentation.yaml:62:18:",
            "Examples/pediatrics/workflows/session-planning.yaml:17:9:",
            // The hand-written learning plan's mistakes, found by the plan audit.
            "Examples/pediatrics/plans/t-ben.yaml:12:3:", "Examples/pediatrics/plans/t-ben.yaml:12:3:",
            "Examples/pediatrics/plans/t-ben.yaml:13:14:", "Examples/pediatrics/plans/t-ben.yaml:15:5:",
            "Examples/pediatrics/plans/t-ben.yaml:15:5:", "Examples/pediatrics/plans/t-ben.yaml:16:14:",
            "Examples/pediatrics/plans/t-ben.yaml:17:48:",
            // Ben has not taken the AI-literacy training his AI-drafted notes require, and his plan takes it late.
            "Examples/pediatrics/workflows/inpatient-documentation.yaml:37:16:",
            "Examples/pediatrics/plans/t-ben.yaml:14:48:",
            // The adult inpatient team's group program and memory care: who consents, recordings and groups.
            "Examples/adult-inpatient/workflows/group-program.yaml:35:5:",
            "Examples/adult-inpatient/workflows/group-program.yaml:44:17:",
            "Examples/adult-inpatient/workflows/group-program.yaml:59:7:",
            "Examples/adult-inpatient/workflows/group-program.yaml:61:17:",
            "Examples/adult-inpatient/workflows/memory-care.yaml:27:16:",
        ].sorted())
        // Every finding sits on a line the sample marks as a deliberate violation.
        for finding in findings {
            let parts = finding.split(separator: ":")
            let lines = try String(contentsOfFile: Self.repository + "/" + parts[0], encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[Int(parts[1])! - 1].contains("deliberate"), "\(finding) is not marked deliberate")
        }
        #expect(result.stdout.contains("Suppressed by exceptions (1):"))
        #expect(result.stdout.contains("by exception 'weekend-review-cover' (owner clinical-director, expires 2027-01-31)"))
        let summary = try #require(result.stdout.split(separator: "\n").last)
        #expect(summary.hasPrefix("5 workflows and 3 learning plans checked in "))
        #expect(summary.hasSuffix(" documents (2 plugins ran 2 checks): 21 errors, 2 warnings, 0 infos; 1 suppressed by exceptions"))
        #expect(result.stdout.contains("[phi-scan/record-number]"))
        #expect(result.stdout.contains("[consent-coverage/consent-before-ai]"))
    }

    @Test("once the exception expires, its finding is back and the expiry is reported")
    func expiredException() throws {
        let result = try Self.tacet("check", "Policies", "Curricula", "Examples", "--today", "2027-02-01")
        #expect(result.status == 1)
        #expect(result.stdout.contains("[requirement.review-level]"))
        #expect(result.stderr.contains("exception 'weekend-review-cover' expired on 2027-01-31 and no longer applies [exception.expired]"))
    }

    @Test("check exits 0 on a clean workflow and with --fail-on above the findings")
    func checkClean() throws {
        let directory = try TemporaryDirectory()
        let workflow = try directory.write("clean.yaml", """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: clean}
            policy: music-therapy-ai-use
            steps:
              - {id: plan, task: session-planning, ai: ai-assisted, tool: research-assistant, data: [none], performer: t-ana, consent: true}

            """)
        let roster = Self.repository + "/Examples/pediatrics/therapists"
        // The catalog says how long the AI-literacy course session planning requires stays current.
        let clean = try Self.tacet("check", "Policies/music-therapy-ai-use.yaml", roster, "Curricula/catalog", workflow, "--today", "2026-11-21")
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("1 workflow checked"))
        let warnings = try Self.tacet("check", "Policies", "Curricula", "Examples", "--fail-on", "error", "--format", "json")
        #expect(warnings.status == 1)
    }

    @Test("check exits 2 on invalid input, and on a policy layer that loosens")
    func checkInvalid() throws {
        let directory = try TemporaryDirectory()
        let broken = try directory.write("broken.yaml", "apiVersion: tacet/v1\nkind: Workflow\nmetadata: {name: b}\nsteps: [\n")
        let invalid = try Self.tacet("check", "Policies", broken)
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("\(broken):5:1: error:"))
        let loose = try directory.write("loose.yaml", """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: loose}
            extends: [music-therapy-ai-use]
            tasks:
              - {id: repertoire-research, title: R, area: clinical-reasoning, maxAI: ai-drafted, requires: {data: [none]}, cite: [clinical-ai-guidance]}

            """)
        let loosened = try Self.tacet("check", "Policies/music-therapy-ai-use.yaml", loose)
        #expect(loosened.status == 2)
        #expect(loosened.stderr.contains("\(loose):6:74: error: raises task 'repertoire-research' from ai-assisted to ai-drafted [policy.loosens]"))
    }

    @Test("check --format json follows the documented shape")
    func checkJSON() throws {
        let result = try Self.tacet("check", "Policies", "Curricula", "Examples", "--format", "json", "--today", "2026-11-21",
                                    "--no-plugins")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary["errors"] == 20)
        #expect(summary["plans"] == 3)
        #expect(summary["warnings"] == 1)
        #expect(summary["plugins"] == 0)
        #expect(summary["suppressed"] == 1)
        let findings = try #require(json["findings"] as? [[String: Any]])
        let first = try #require(findings.first)
        for key in ["rule", "severity", "message", "file", "line", "column", "pointer", "citations", "notes"] {
            #expect(first[key] != nil, "finding lacks \(key)")
        }
        let suppressed = try #require(json["suppressed"] as? [[String: Any]])
        #expect(suppressed.first?["exception"] as? String == "weekend-review-cover")
    }

    @Test("lint passes on the shipped policies, and exits 1 on a rule that can never hold")
    func lint() throws {
        let shipped = try Self.tacet("lint", "Policies", "Curricula", "--fail-on", "warning")
        #expect(shipped.status == 0, "\(shipped.stdout)\(shipped.stderr)")
        let directory = try TemporaryDirectory()
        let layer = try directory.write("layer.yaml", """
            apiVersion: tacet/v1
            kind: Policy
            metadata: {name: layer}
            extends: [music-therapy-ai-use]
            rules:
              - id: impossible
                severity: warning
                message: never
                when:
                  all:
                    - {fact: step.ai, operator: equals, value: human-only}
                    - {fact: step.ai, operator: equals, value: ai-drafted}

            """)
        let result = try Self.tacet("lint", "Policies/music-therapy-ai-use.yaml", "Curricula", layer, "--fail-on", "warning")
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(layer):10:7: warning: rule 'impossible' can never hold"))
    }

    @Test("explain shows every requirement's verdict and each rule's evaluation: in words, and as a trace with --trace")
    func explain() throws {
        let words = try Self.tacet("explain", "inpatient-documentation", "Policies", "Curricula", "Examples",
                                   "--step", "draft-note-weekend", "--today", "2026-11-21")
        #expect(words.status == 0, "\(words.stderr)")
        #expect(words.stdout.contains("\n  Rule 'emerging-needs-supervisor-review' applies (error), because the task is clinical, the step's AI "
                                      + "level is ai-drafted, at least ai-assisted, the performer's level in the task's area is emerging and "
                                      + "the reviewer is not a supervisor. It says: "))
        #expect(words.stdout.contains("\n  Rule 'pediatric-no-delegation-with-phi' does not apply, because the step's AI level is ai-drafted, "
                                      + "not ai-delegated.\n"))
        #expect(!words.stdout.contains("FIRES"))
        let result = try Self.tacet("explain", "inpatient-documentation", "Policies", "Curricula", "Examples",
                                    "--step", "draft-note-weekend", "--today", "2026-11-21", "--trace")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("FAIL requirement.review-level: reviewer t-ana is developing in documentation"))
        #expect(result.stdout.contains("(suppressed by exception 'weekend-review-cover')"))
        #expect(result.stdout.contains("  FIRES emerging-needs-supervisor-review (error)"))
        #expect(result.stdout.contains("performer.level equals emerging: performer.level is emerging -> true"))
        #expect(result.stdout.contains("  n/a  requirement.task-data: not checked: the task does not restrict data classes"))
        let task = try Self.tacet("explain", "Examples/pediatrics/workflows/inpatient-documentation.yaml", "Policies", "Curricula",
                                  "Examples", "--task", "progress-note-drafting")
        #expect(task.status == 0, "\(task.stderr)")
        #expect(task.stdout.contains("As stated by music-therapy-ai-use"))
        #expect(task.stdout.contains("As stated by pediatrics"))
        #expect(task.stdout.contains("review by therapist at proficient or above in documentation"))
        #expect(task.stdout.contains("  training the performer holds current: ai-literacy-foundations\n"))
        // A task needs no workflow: the only policy no other extends (test layers are fixtures), or --policy's.
        let bare = try Self.tacet("explain", "Policies", "--task", "progress-note-drafting")
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(bare.stdout.contains("Policy 'pediatrics', layers: music-therapy-ai-use -> pediatrics"))
        #expect(!bare.stdout.contains("Steps of"))
        let base = try Self.tacet("explain", "Policies", "--task", "progress-note-drafting", "--policy", "music-therapy-ai-use")
        #expect(base.stdout.contains("Policy 'music-therapy-ai-use', layers: music-therapy-ai-use\n"))
        let noWorkflow = try Self.tacet("explain", "--step", "draft-note")
        #expect(noWorkflow.status == 2)
        #expect(noWorkflow.stderr.contains("--step needs the workflow the step belongs to"))
        let unknown = try Self.tacet("explain", "inpatient-documentation", "Policies", "Examples", "--step", "draft-nte")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'draft-note'?"))
        let traceTask = try Self.tacet("explain", "Policies", "--task", "progress-note-drafting", "--trace")
        #expect(traceTask.status == 2)
        #expect(traceTask.stderr.contains("--trace goes with --step"))
        let both = try Self.tacet("explain", "x", "--step", "a", "--task", "b")
        #expect(both.status != 0)
        #expect(both.stderr.contains("exactly one of --step ID and --task ID"))
    }

    @Test("test runs the shipped policy tests with full coverage, and fails when no test ran")
    func policyTests() throws {
        let result = try Self.tacet("test", "Policies", "--coverage", "--threshold", "100")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("0 failed"))
        #expect(result.stdout.contains("Coverage of music-therapy-ai-use: 36 of 36 rules and requirements (100.0%)"))
        let none = try Self.tacet("test", "Curricula")
        #expect(none.status == 1)
        #expect(none.stderr.contains("no policy test ran"))
    }
}

@Suite("tacet plan", .serialized)
struct PlanCommandTests {
    @Test("plan writes a LearningPlan that check accepts; an unknown therapist exits 2 with a suggestion")
    func plan() throws {
        let directory = try TemporaryDirectory()
        let root = PolicyCommandTests.repository
        let result = try TacetBinary.run(["plan", "t-cho", "--in", "Policies", "--in", "Curricula", "--in", "Examples",
                                          "--today", "2026-11-21", "--format", "yaml", "--output", directory.path], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("kind: LearningPlan\n"))
        #expect(result.stdout.contains("therapist: t-cho\n"))
        let written = directory.path + "/t-cho-plan.yaml"
        #expect(FileManager.default.fileExists(atPath: written))
        let check = try TacetBinary.run(["check", "Policies", "Curricula", "Examples/pediatrics/therapists", written,
                                         "--today", "2026-11-21"], in: root)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("1 learning plan checked"))
        let unknown = try TacetBinary.run(["plan", "t-chp", "--in", "Examples"], in: root)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 't-cho'?"))
    }

    @Test("plan --team without --in loads each file once, as a new user runs it from a copy of the samples with a tacet.yaml")
    func planTeamFromCurrentFolder() throws {
        let directory = try TemporaryDirectory()
        for folder in ["Policies", "Curricula", "Examples"] {
            try FileManager.default.copyItem(atPath: Repository.path(folder), toPath: directory.path + "/" + folder)
        }
        // The team folder is under the project's teams folder too: reached twice, loaded once.
        try directory.write("tacet.yaml", "apiVersion: tacet/v1\nkind: Project\nmetadata: {name: copy}\n"
                                + "policies: [Policies]\ncurricula: [Curricula]\nteams: [Examples]\ndefaults: none\n")
        let result = try TacetBinary.run(["plan", "--team", "Examples/pediatrics", "--today", "2026-11-21"], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("document.duplicate-id"))
        for id in ["t-ana", "t-ben", "t-cho"] { #expect(result.stdout.contains("\(id) ("), "plans \(id)") }
    }
}
