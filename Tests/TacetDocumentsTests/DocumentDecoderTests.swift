import Testing
import TacetDiagnostics
@testable import TacetDocuments
import TacetYAML

@Suite("Document decoding")
struct DocumentDecoderTests {
    @Test("every sample kind decodes without a diagnostic", arguments: Samples.all)
    func samplesDecode(kind: String, text: String) throws {
        let (document, diagnostics) = try decode(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(document?.kind.rawValue == kind)
    }

    @Test("decoded values are the ones written")
    func values() throws {
        guard case .workflow(let workflow) = try decode(Samples.workflow).document?.document else {
            Issue.record("not a workflow")
            return
        }
        let step = try #require(workflow.steps.first)
        #expect(step.ai == .aiDrafted)
        #expect(step.data == [.phi])
        #expect(step.reviewer == "t-ben")
        #expect(step.pointer == "/steps/0")
        guard case .therapist(let therapist) = try decode(Samples.therapist).document?.document else {
            Issue.record("not a therapist")
            return
        }
        #expect(therapist.levels["assessment"] == .proficient)
        #expect(therapist.credential?.cycleEnd == CalendarDate(year: 2028, month: 12, day: 31))
        #expect(therapist.budget?.currency == "USD")
    }

    @Test("an unknown key is reported at the key with the closest known key")
    func unknownKey() throws {
        let text = Samples.workflow.replacingOccurrences(of: "    reviewer: t-ben", with: "    reviewr: t-ben")
        let (document, diagnostics) = try decode(text)
        #expect(document == nil)
        let unknown = try #require(diagnostics.with(.unknownKey).first)
        #expect(unknown.message == "unknown key 'reviewr' in a step")
        #expect(unknown.hint == "did you mean 'reviewer'?")
        #expect(unknown.location == SourceLocation(file: "test.yaml", line: 11, column: 5))
        #expect(unknown.pointer == "/steps/0/reviewr")
    }

    @Test("every problem in a file is reported, not just the first")
    func allErrors() throws {
        let text = """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: Bad Name}
            steps:
              - id: one
                task: t
                ai: ai-draft
                performer: p
                consent: yes
              - id: one
                task: t
                ai: human-only
            extra: 1

            """
        let (document, diagnostics) = try decode(text)
        #expect(document == nil)
        #expect(diagnostics.with(.invalidValue).count == 2)  // the name's id pattern and 'ai-draft'
        #expect(diagnostics.with(.wrongType).count == 1)     // consent: yes
        #expect(diagnostics.with(.missingKey).count == 1)    // the second step's performer
        #expect(diagnostics.with(.unknownKey).count == 1)    // extra
        let level = try #require(diagnostics.first { $0.message.contains("ai-draft") })
        #expect(level.hint == "did you mean 'ai-drafted'?")
        #expect(level.location?.line == 7)
        let consent = try #require(diagnostics.with(.wrongType).first)
        #expect(consent.hint == "write `consent: true`: YAML 1.2 reads only true and false as booleans")
    }

    @Test("duplicate ids name both places")
    func duplicateIDs() throws {
        let text = Samples.workflow + """
              - id: draft-note
                task: progress-note-drafting
                ai: human-only
                performer: t-ana

            """
        let (_, diagnostics) = try decode(text)
        let duplicate = try #require(diagnostics.with(.duplicateID).first)
        #expect(duplicate.location?.line == 14)
        #expect(duplicate.notes.first?.location?.line == 5)
    }

    @Test("a value listed twice in a list that is a set is an error at the repeat, naming the first", arguments: [
        (Samples.workflow, "data: [phi]", "data: [phi, none, phi]", "/steps/0/data/2"),
        (Samples.policy, "data: [none, deidentified, phi]", "data: [none, deidentified, phi, none]", "/tools/0/data/3"),
        (Samples.policy, "      disclosure: true\n", "      disclosure: true\n      data: [none, none]\n",
         "/tasks/0/requires/data/1"),
        (Samples.policy, "      disclosure: true\n", "      disclosure: true\n      training: [ethics, ethics]\n",
         "/tasks/0/requires/training/1"),
        (Samples.policy, "message: PHI goes only to tools under a business associate agreement.\n    cite: [seed-002-ai-at-work]",
         "message: PHI goes only to tools under a business associate agreement.\n    cite: [seed-002-ai-at-work, seed-002-ai-at-work]",
         "/rules/0/cite/1"),
        (Samples.therapist, "workflows: [inpatient-documentation]", "workflows: [inpatient-documentation, inpatient-documentation]",
         "/workflows/1"),
        (Samples.catalog, "prerequisites: [doc-foundations]", "prerequisites: [doc-foundations, doc-foundations]",
         "/courses/1/prerequisites/1"),
        (Samples.requirements, "categories: [ethics, clinical", "categories: [ethics, clinical, ethics", "/categories/2"),
        (Samples.plugin, "kinds: [Workflow]", "kinds: [Workflow, Workflow]", "/kinds/1"),
        (Samples.plugin, "protocols: [1]", "protocols: [1, 1]", "/protocols/1"),
        (Samples.framework, "cite: [src]", "cite: [src, src]", "/areas/0/cite/1"),
    ])
    func duplicateValues(sample: String, original: String, replacement: String, pointer: String) throws {
        #expect(sample.contains(original))
        let (document, diagnostics) = try decode(sample.replacingOccurrences(of: original, with: replacement))
        #expect(document == nil, "a repeat makes the document invalid")
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let repeated = try #require(diagnostics.with(.duplicateValue).first)
        #expect(repeated.pointer == pointer)
        #expect(repeated.severity == .error)
        let first = try #require(repeated.notes.first?.location)
        let here = try #require(repeated.location)
        #expect((first.line, first.column) < (here.line, here.column), "the note points at the first listing")
    }

    @Test("the repeat's file, line and column are where it is written")
    func duplicateValuePosition() throws {
        let text = Samples.workflow.replacingOccurrences(of: "data: [phi]", with: "data: [phi, phi]")
        let repeated = try #require(try decode(text).diagnostics.with(.duplicateValue).first)
        #expect(repeated.message == "'phi' is already in the list")
        #expect(repeated.location == SourceLocation(file: "test.yaml", line: 9, column: 17))
        #expect(repeated.notes.first?.location == SourceLocation(file: "test.yaml", line: 9, column: 12))
        #expect(repeated.hint == "the list is a set: remove the repeat")
    }

    @Test("apiVersion and kind are checked, with a suggestion for a misspelt kind")
    func envelope() throws {
        let wrongVersion = Samples.plugin.replacingOccurrences(of: "tacet/v1", with: "tacet/v2")
        #expect(try decode(wrongVersion).diagnostics.with(.apiVersion).count == 1)
        let wrongKind = Samples.plugin.replacingOccurrences(of: "kind: Plugin", with: "kind: Plugn")
        let kind = try #require(try decode(wrongKind).diagnostics.with(.invalidValue).first)
        #expect(kind.hint == "did you mean 'Plugin'?")
        let missing = try decode("kind: Plugin\nmetadata: {name: x}\n").diagnostics.with(.missingKey)
        #expect(missing.first?.message == "the document is missing required key 'apiVersion'")
        let notMapping = try decode("- a\n- b\n").diagnostics.with(.wrongType)
        #expect(notMapping.count == 1)
    }

    @Test("types are strict: numbers where text is expected must be quoted")
    func strictTypes() throws {
        let text = Samples.therapist.replacingOccurrences(of: "name: Ana Example", with: "name: 42")
        let error = try #require(try decode(text).diagnostics.with(.wrongType).first)
        #expect(error.message == "expected a string, found an integer")
        #expect(error.hint == "quote it to make it text: \"42\"")
    }

    @Test("booleans are true and false in any of YAML 1.2's three spellings; other words are refused", arguments: [
        ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false),
    ])
    func booleans(spelling: String, value: Bool) throws {
        let text = Samples.workflow.replacingOccurrences(of: "consent: true", with: "consent: \(spelling)")
        guard case .workflow(let workflow) = try decode(text).document?.document else {
            Issue.record("'\(spelling)' was refused")
            return
        }
        #expect(workflow.steps.first?.consent == value)
    }

    @Test("tRUE, yes and on are text, not booleans", arguments: ["tRUE", "yes", "on"])
    func notBooleans(spelling: String) throws {
        let text = Samples.workflow.replacingOccurrences(of: "consent: true", with: "consent: \(spelling)")
        let error = try #require(try decode(text).diagnostics.with(.wrongType).first)
        #expect(error.message == "expected true or false, found a string")
    }

    @Test("dates and quarters are validated", arguments: [
        ("cycleEnd: 2028-12-31", "cycleEnd: 2028-02-30"),
        ("cycleEnd: 2028-12-31", "cycleEnd: 2020-01-01"),
    ])
    func dates(original: String, replacement: String) throws {
        let text = Samples.therapist.replacingOccurrences(of: original, with: replacement)
        #expect(try decode(text).diagnostics.with(.invalidValue).count == 1)
    }

    @Test("a plan item's quarter must be YYYY-Qn")
    func quarters() throws {
        let text = Samples.learningPlan.replacingOccurrences(of: "2027-Q1", with: "2027-Q5")
        let error = try #require(try decode(text).diagnostics.with(.invalidValue).first)
        #expect(error.hint == "write quarters as YYYY-Qn, e.g. 2027-Q2")
        #expect(Quarter("2027-Q2")?.firstDay == CalendarDate(year: 2027, month: 4, day: 1))
    }

    @Test("references inside a document must resolve")
    func references() throws {
        let catalog = Samples.catalog.replacingOccurrences(of: "prerequisites: [doc-foundations]",
                                                           with: "prerequisites: [doc-foundation]")
        let prerequisite = try #require(try decode(catalog).diagnostics.with(.undefinedReference).first)
        #expect(prerequisite.hint == "did you mean 'doc-foundations'?")
        let policy = Samples.policy.replacingOccurrences(of: "    cite: [seed-002-ai-at-work]\n",
                                                         with: "    cite: [seed-002-ai-at-wrk]\n")
        #expect(try decode(policy).diagnostics.with(.undefinedReference).count == 2)
        let requirements = Samples.requirements.replacingOccurrences(of: "category: ethics", with: "category: ethic")
        #expect(try decode(requirements).diagnostics.with(.undefinedReference).count == 1)
    }

    @Test("a policy layer may cite its base's citations")
    func layerCitations() throws {
        let layer = Samples.policy
            .replacingOccurrences(of: "metadata: {name: music-therapy-ai-use, version: \"2026.11\"}",
                                  with: "metadata: {name: team}\nextends: [music-therapy-ai-use]")
            .replacingOccurrences(of: "    cite: [seed-002-ai-at-work]\n", with: "    cite: [base-only]\n")
        #expect(try decode(layer).diagnostics.isEmpty)
    }

    @Test("framework areas chain existing statements once each, in level order")
    func frameworkAreas() throws {
        let unknown = Samples.framework.replacingOccurrences(of: "chain: [a1, a2]", with: "chain: [a1, a3]")
        let unknownDiagnostics = try decode(unknown).diagnostics
        #expect(unknownDiagnostics.with(.undefinedReference).count == 1)
        #expect(unknownDiagnostics.contains { $0.message == "statement 'a2' is in no area" })
        let downward = Samples.framework.replacingOccurrences(of: "chain: [a1, a2]", with: "chain: [a2, a1]")
        #expect(try decode(downward).diagnostics.contains { $0.message.contains("goes down from developing to emerging") })
        let twice = Samples.framework.replacingOccurrences(
            of: "  - {id: area-a, title: Area A, chain: [a1, a2], cite: [src]}",
            with: "  - {id: area-a, title: Area A, chain: [a1, a2]}\n  - {id: area-b, title: Area B, chain: [a2]}")
        #expect(try decode(twice).diagnostics.contains { $0.message == "statement 'a2' is already in area 'area-a'" })
        let levels = Samples.framework.replacingOccurrences(of: "[emerging, developing, proficient, advanced]",
                                                            with: "[developing, emerging, proficient, advanced]")
        #expect(try decode(levels).diagnostics.with(.invalidValue).count == 1)
    }

    @Test("conditions nest all, any and not, and refuse mixtures")
    func conditions() throws {
        guard case .policy(let policy) = try decode(Samples.policy).document?.document else {
            Issue.record("not a policy")
            return
        }
        guard case .all(let parts, let pointer) = policy.rules.first?.when else {
            Issue.record("expected all")
            return
        }
        #expect(pointer == "/rules/0/when")
        #expect(parts.count == 2)
        if case .not(.test(let fact, let op, _, _), _) = parts[1] {
            #expect(fact == "tool.baa")
            #expect(op == .equals)
        } else {
            Issue.record("expected not(test)")
        }
        let mixed = Samples.policy.replacingOccurrences(of: "      all:\n", with: "      fact: x\n      all:\n")
        #expect(try decode(mixed).diagnostics.contains { $0.message.hasPrefix("a condition has exactly one of") })
        let noValue = Samples.policy.replacingOccurrences(of: "{fact: step.data, operator: contains, value: phi}",
                                                          with: "{fact: step.data, operator: contains}")
        #expect(try decode(noValue).diagnostics.contains { $0.message == "operator 'contains' needs a value" })
    }

    @Test("plugin manifests need a semantic version, a command and a sane timeout")
    func pluginManifest() throws {
        #expect(PluginManifest.isSemver("1.2.0"))
        #expect(PluginManifest.isSemver("1.0.0-beta.1+build.5"))
        #expect(!PluginManifest.isSemver("1.2"))
        #expect(!PluginManifest.isSemver("01.2.3"))
        let bad = Samples.plugin.replacingOccurrences(of: "version: 1.2.0", with: "version: \"1.2\"")
            .replacingOccurrences(of: "timeout: 5", with: "timeout: 0")
            .replacingOccurrences(of: "command: [./phi-scanner]", with: "command: []")
        #expect(try decode(bad).diagnostics.with(.invalidValue).count == 3)
    }

    @Test("a plugin timeout out of range is refused with the range it accepts, 0 excluded")
    func pluginTimeoutRange() throws {
        for timeout in ["0", "-1", "601"] {
            let text = Samples.plugin.replacingOccurrences(of: "timeout: 5", with: "timeout: \(timeout)")
            let invalid = try decode(text).diagnostics.with(.invalidValue)
            #expect(invalid.map(\.message) == ["timeout must be more than 0 and at most 600 seconds"], "timeout: \(timeout)")
        }
        #expect(try decode(Samples.plugin.replacingOccurrences(of: "timeout: 5", with: "timeout: 600")).diagnostics.isEmpty)
    }

    @Test("suggestions find near misses only")
    func suggestions() {
        #expect(Suggestion.closest(to: "performr", in: ["performer", "reviewer"]) == "performer")
        #expect(Suggestion.closest(to: "maxAi", in: ["maxAI", "area"]) == "maxAI")
        #expect(Suggestion.closest(to: "teh", in: ["the"]) == "the")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["performer"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }

    @Test("slugs are stable ids")
    func slugs() {
        #expect(Slug.make("Non-routine clinical decision-making") == "non-routine-clinical-decision-making")
        #expect(Slug.make("Peer consultation and problem solving") == "peer-consultation-and-problem-solving")
        #expect(Slug.make("Client's  needs — (2026)") == "clients-needs-2026")
    }
}

@Suite("Ids")
struct IDTests {
    @Test("ids are lower-case letters and digits in hyphen-separated words", arguments: [
        ("a", true), ("progress-note-drafting", true), ("t-2", true), ("2026", true),
        ("", false), ("-a", false), ("a-", false), ("a--b", false), ("A", false), ("a_b", false), ("é", false), ("a b", false),
    ])
    func pattern(id: String, valid: Bool) throws {
        var context = DecodingContext(file: "x.yaml")
        let node = try YAMLParser().parse("x")
        #expect((MappingFields.checkID(id, at: node, pointer: "", in: &context) != nil) == valid)
    }
}

/// The strict field reader finds each key by its text, whatever keys share its length and first bytes.
@Suite("Mapping fields")
struct MappingFieldsTests {
    @Test("keys alike in length and first seven bytes are told apart, in any order asked, and unknown ones reported")
    func alike() throws {
        let node = try YAMLParser().parse("consentA: 1\nconsentB: 2\nconsentByGuardian: 3\nconsentByGuardiaN: 4\nx: 5\n")
        var context = DecodingContext(file: "x.yaml")
        var fields = try #require(MappingFields(node, at: "", what: "a step", in: &context))
        #expect(fields.raw("consentB")?.string == "2")
        #expect(fields.raw("consentByGuardiaN")?.string == "4")
        #expect(fields.raw("consentA")?.string == "1")
        #expect(fields.raw("consentC") == nil)
        #expect(fields.raw("consentByGuardian")?.string == "3")
        #expect(fields.raw("consent") == nil)
        fields.finish(&context)
        #expect(context.diagnostics.map(\.pointer) == ["/x"])
    }
}
