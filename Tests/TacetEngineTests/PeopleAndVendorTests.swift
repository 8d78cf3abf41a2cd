import Testing
import TacetDiagnostics
import TacetDocuments
@testable import TacetEngine
import TacetYAML

/// Trainees, credentials and vendors' terms: the policy's `supervision`, `credentials` and tools'
/// `terms`, a profile's `credentials`, the facts read from them, their layering and their lint.
@Suite("Trainees, credentials and vendors")
struct PeopleAndVendorTests {
    /// The fixture policy with `supervision`, `credentials` and scribe's terms, plus `rules`.
    static func policy(rules: String = "", people: Bool = true, terms: String = "{trainsOnClientData: true, retention: 90 days, deletion: on request, dataLocation: EU}") -> String {
        var text = Fixture.policy.replacingOccurrences(of: "  - {id: scribe, baa: true, data: [none, deidentified, phi]}",
                                                       with: "  - {id: scribe, baa: true, data: [none, deidentified, phi], terms: \(terms)}")
        if people {
            text += "supervision: {roles: [intern, student], supervisors: [supervisor], cite: [src]}\n"
            text += "credentials: {recognised: [MT-BC, LCAT], cite: [src]}\n"
        }
        return text + (rules.isEmpty ? "" : "rules:\n" + rules)
    }

    /// Decodes one document from `text`.
    static func decode(_ text: String) throws -> (document: LoadedDocument?, diagnostics: [Diagnostic]) {
        DocumentDecoder.decode(try YAMLParser().parse(text), file: "test.yaml")
    }

    static func person(_ id: String, role: String, credential: String = "MT-BC", credentials: String? = nil) -> String {
        Fixture.therapist(id, role: role).replacingOccurrences(of: "credential: {name: MT-BC,", with: "credential: {name: \(credential),")
            + (credentials.map { "credentials: \($0)\n" } ?? "")
    }

    /// The facts of the one step `step` of a workflow, with the fixture roster plus an intern, a
    /// licensed therapist and one registered abroad.
    static func facts(_ step: String, policy: String = policy()) throws -> StepContext {
        let roster = Fixture.roster + [person("ivy", role: "intern", credential: "Internship"),
                                       person("lou", role: "music-therapist", credential: "NMT", credentials: "[LCAT, NMT]"),
                                       person("abe", role: "music-therapist", credential: "HCPC", credentials: "[NMT]")]
        let workspace = try Fixture.workspace([("policy.yaml", policy), ("wf.yaml", Fixture.workflow(step))]
                                              + roster.enumerated().map { ("t\($0.offset).yaml", $0.element) })
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        let (policies, diagnostics) = PolicyResolver.resolve(workspace.documents)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let resolved = try #require(policies["base"])
        let workflow = try #require(workspace.documents.lazy.compactMap { document -> Workflow? in
            if case .workflow(let workflow) = document.document { return workflow }
            return nil
        }.first)
        return StepContext(workflow: workflow, step: 0, policy: resolved, roster: Roster(workspace.documents))
    }

    @Test("a policy's supervision, credentials and tool terms decode, and a profile's credentials list")
    func decoding() throws {
        let workspace = try Fixture.workspace([("policy.yaml", Self.policy()),
                                               ("t.yaml", Self.person("lou", role: "music-therapist", credentials: "[LCAT, NMT]"))])
        #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
        guard case .policy(let policy) = workspace.documents[0].document, case .therapist(let lou) = workspace.documents[1].document else {
            Issue.record("expected a policy and a therapist")
            return
        }
        #expect(policy.supervision?.roles == ["intern", "student"])
        #expect(policy.supervision?.supervisors == ["supervisor"])
        #expect(policy.credentials?.recognised == ["MT-BC", "LCAT"])
        let terms = try #require(policy.tools.first { $0.id == "scribe" }?.terms)
        #expect(terms == VendorTerms(trainsOnClientData: true, retention: "90 days", deletion: "on request", dataLocation: "EU"))
        #expect(policy.tools.first { $0.id == "chatbot" }?.terms == nil)
        #expect(lou.heldCredentials == ["MT-BC", "LCAT", "NMT"])
    }

    @Test("an old policy and profile, without the new blocks, decode with the documented defaults")
    func defaults() throws {
        let workspace = try Fixture.workspace([("policy.yaml", Fixture.policy), ("t.yaml", Fixture.therapist("ana"))])
        #expect(workspace.diagnostics.isEmpty)
        guard case .policy(let policy) = workspace.documents[0].document, case .therapist(let ana) = workspace.documents[1].document else {
            Issue.record("expected a policy and a therapist")
            return
        }
        #expect(policy.supervision == nil && policy.credentials == nil && policy.tools.allSatisfy { $0.terms == nil })
        #expect(ana.heldCredentials == ["MT-BC"])
    }

    @Test("ill-typed or unknown keys in the new blocks are errors at their line", arguments: [
        ("terms: {trainsOnClientData: sometimes}", "/tools/0/terms/trainsOnClientData"),
        ("terms: {retention: 30 days}", "/tools/0/terms"),
        ("terms: {trainsOnClientData: false, trains: true}", "/tools/0/terms/trains"),
    ])
    func badTerms(terms: String, pointer: String) throws {
        let text = Fixture.policy.replacingOccurrences(of: "  - {id: scribe, baa: true, data: [none, deidentified, phi]}",
                                                       with: "  - {id: scribe, baa: true, data: [none, deidentified, phi], \(terms)}")
        let (_, diagnostics) = try Self.decode(text)
        #expect(diagnostics.contains { $0.severity == .error && $0.pointer == pointer }, "\(diagnostics.map { "\($0.pointer ?? ""): \($0.message)" })")
        #expect(diagnostics.allSatisfy { ($0.location?.line ?? 0) > 0 })
    }

    @Test("bad supervision, credentials and profile credentials are errors", arguments: [
        ("supervision: {roles: [intern], supervisors: [supervisor, intern]}\n", "/supervision/supervisors/1"),
        ("supervision: {roles: [intern]}\n", "/supervision"),
        ("credentials: {recognised: MT-BC}\n", "/credentials/recognised"),
        ("credentials: {recognised: [MT-BC, MT-BC]}\n", "/credentials/recognised/1"),
    ])
    func badPeople(block: String, pointer: String) throws {
        let (_, diagnostics) = try Self.decode(Fixture.policy + block)
        #expect(diagnostics.contains { $0.severity == .error && $0.pointer == pointer }, "\(diagnostics.map { "\($0.pointer ?? ""): \($0.message)" })")
    }

    @Test("a profile's credentials must be a list without repeats")
    func badProfileCredentials() throws {
        let (_, notList) = try Self.decode(Self.person("lou", role: "music-therapist", credentials: "LCAT"))
        #expect(notList.contains { $0.pointer == "/credentials" })
        let (_, repeated) = try Self.decode(Self.person("lou", role: "music-therapist", credentials: "[LCAT, LCAT]"))
        #expect(repeated.contains { $0.pointer == "/credentials/1" })
    }

    @Test("supervision facts: the performer's and reviewer's roles against the policy's lists")
    func supervisionFacts() throws {
        let intern = try Self.facts("task: notes\nai: ai-drafted\ntool: scribe\nperformer: ivy\nreviewer: cho")
        #expect(intern.value(.performerSupervised) == .bool(true))
        #expect(intern.value(.reviewerSupervisor) == .bool(true))
        let therapist = try Self.facts("task: notes\nai: ai-drafted\ntool: scribe\nperformer: ana\nreviewer: ivy")
        #expect(therapist.value(.performerSupervised) == .bool(false))
        #expect(therapist.value(.reviewerSupervisor) == .bool(false))
        #expect(therapist.value(.reviewerSupervised) == .bool(true))   // the intern reviews
        #expect(intern.value(.reviewerSupervised) == .bool(false))
        // A reviewer the roster lacks is no supervisor: the fact is absent, so `not equals true` holds.
        let ghost = try Self.facts("task: notes\nai: ai-drafted\ntool: scribe\nperformer: ivy\nreviewer: nobody")
        #expect(ghost.value(.reviewerSupervisor) == .missing)
        #expect(ghost.value(.reviewerSupervised) == .missing)
        // Without a supervision block nobody is supervised.
        let old = try Self.facts("task: notes\nai: ai-drafted\ntool: scribe\nperformer: ivy\nreviewer: cho", policy: Self.policy(people: false))
        #expect(old.value(.performerSupervised) == .bool(false))
    }

    @Test("credential facts match every credential a profile holds, and are absent without a recognised list")
    func credentialFacts() throws {
        let listed = try Self.facts("task: notes\nai: ai-drafted\ntool: scribe\nperformer: lou\nreviewer: abe")
        #expect(listed.value(.performerCredentialRecognised) == .bool(true))   // LCAT, in the profile's list
        #expect(listed.value(.reviewerCredentialRecognised) == .bool(false))   // HCPC and NMT
        #expect(listed.value(.performerCredential) == .string("NMT"))           // the old fact: credential.name
        let old = try Self.facts("task: notes\nai: ai-drafted\ntool: scribe\nperformer: lou", policy: Self.policy(people: false))
        #expect(old.value(.performerCredentialRecognised) == .missing)
        #expect(old.value(.reviewerCredentialRecognised) == .missing)
    }

    @Test("vendor facts come from the tool's terms, and are absent without them")
    func vendorFacts() throws {
        let scribe = try Self.facts("task: notes\nai: ai-drafted\ntool: scribe\nperformer: ana")
        #expect(scribe.value(.toolTrainsOnClientData) == .bool(true))
        #expect(scribe.value(.toolRetention) == .string("90 days"))
        #expect(scribe.value(.toolDeletion) == .string("on request"))
        #expect(scribe.value(.toolDataLocation) == .string("EU"))
        let chatbot = try Self.facts("task: research\nai: ai-assisted\ntool: chatbot\nperformer: ana")
        #expect(chatbot.value(.toolTrainsOnClientData) == .missing)
        #expect(chatbot.value(.toolDataLocation) == .missing)
    }

    static let rules = """
          - id: trainee
            severity: error
            when:
              all:
                - {fact: step.ai, operator: atLeast, value: ai-assisted}
                - {fact: performer.supervised, operator: equals, value: true}
                - not: {fact: reviewer.supervisor, operator: equals, value: true}
            message: m
          - id: training-vendor
            severity: error
            when:
              all:
                - {fact: tool.trainsOnClientData, operator: equals, value: true}
                - {fact: step.data, operator: contains, value: phi}
            message: m
          - id: credential
            severity: warning
            when: {fact: performer.credentialRecognised, operator: equals, value: false}
            message: m

        """

    @Test("rules on the new facts fire through the checker")
    func checking() throws {
        let files = [("policy.yaml", Self.policy(rules: Self.rules)),
                     ("wf.yaml", Fixture.workflow("task: notes\nai: ai-drafted\ntool: scribe\ndata: [phi]\nperformer: ivy\nreviewer: ana\nconsent: true\ndisclosure: true")),
                     ("ivy.yaml", Self.person("ivy", role: "intern", credential: "Internship"))]
            + Fixture.roster.enumerated().map { ("t\($0.offset).yaml", $0.element) }
        let report = CheckEngine.check(try Fixture.workspace(files), today: CalendarDate("2026-11-21") ?? .epoch)
        #expect(Set(report.rules) == ["trainee", "training-vendor", "credential"], "\(report.findings.map(\.message))")
    }

    @Test("lint: a rule reading a fact no block sets, and a tool without terms where others have them")
    func lint() throws {
        let bare = Fixture.policy + "rules:\n" + Self.rules
        let report = PolicyLinter.lint(try Fixture.workspace([("policy.yaml", bare)]))
        let unset = report.findings.filter { $0.code == PolicyErrorCode.factWithoutData.rawValue }
        #expect(unset.map(\.pointer) == ["/rules/0/when/all/1/fact", "/rules/0/when/all/2/not/fact", "/rules/1/when/all/0/fact", "/rules/2/when/fact"],
                "\(unset.map(\.message))")
        #expect(!report.findings.contains { $0.code == PolicyErrorCode.toolTermsMissing.rawValue })
        let full = PolicyLinter.lint(try Fixture.workspace([("policy.yaml", Self.policy(rules: Self.rules))]))
        #expect(!full.findings.contains { $0.code == PolicyErrorCode.factWithoutData.rawValue }, "\(full.findings.map(\.message))")
        let missing = full.findings.filter { $0.code == PolicyErrorCode.toolTermsMissing.rawValue }
        #expect(missing.map(\.message) == ["tool 'chatbot' may receive client data, and the policy records no terms for its vendor"])
    }

    @Test("layers tighten supervision, credentials and terms, and may not loosen them")
    func layering() throws {
        func resolve(_ body: String) throws -> (ResolvedPolicy?, [Diagnostic]) {
            let layer = "apiVersion: tacet/v1\nkind: Policy\nmetadata: {name: team}\nextends: [base]\n" + body
            let workspace = try Fixture.workspace([("base.yaml", Self.policy()), ("team.yaml", layer)])
            #expect(workspace.diagnostics.isEmpty, "\(workspace.diagnostics)")
            let (policies, diagnostics) = PolicyResolver.resolve(workspace.documents)
            return (policies["team"], diagnostics)
        }
        let (tight, ok) = try resolve("supervision: {roles: [apprentice], supervisors: []}\ncredentials: {recognised: [MT-BC]}\n"
                                      + "tools:\n  - {id: chatbot, baa: false, data: [none], terms: {trainsOnClientData: true}}\n"
                                      + "  - {id: scribe, baa: true, data: [none, phi]}\n")
        #expect(ok.isEmpty, "\(ok.map(\.message))")
        #expect(tight?.supervision?.roles == ["intern", "student", "apprentice"])
        #expect(tight?.supervision?.supervisors == [])
        #expect(tight?.credentials?.recognised == ["MT-BC"])
        #expect(tight?.tools["chatbot"]?.value.terms?.trainsOnClientData == true)
        #expect(tight?.tools["scribe"]?.value.terms?.retention == "90 days")   // restated without terms: inherited
        let (_, loose) = try resolve("supervision: {roles: [intern], supervisors: [supervisor, lead]}\ncredentials: {recognised: [MT-BC, NMT]}\n"
                                     + "tools:\n  - {id: scribe, baa: true, data: [phi], terms: {trainsOnClientData: false}}\n")
        let loosens = loose.filter { $0.code == PolicyErrorCode.loosens.rawValue }
        #expect(Set(loosens.compactMap(\.pointer)) == ["/supervision/supervisors/1", "/credentials/recognised/1", "/tools/0/terms/trainsOnClientData"],
                "\(loose.map(\.message))")
    }

    /// A team layer over `base` (the fixture policy unless given) with `body`, resolved.
    static func layered(_ body: String, base: String = policy()) throws -> (ResolvedPolicy?, [Diagnostic]) {
        let layer = "apiVersion: tacet/v1\nkind: Policy\nmetadata: {name: team}\nextends: [base]\n" + body
        let workspace = try Fixture.workspace([("base.yaml", base), ("team.yaml", layer)])
        let (policies, diagnostics) = PolicyResolver.resolve(workspace.documents)
        return (policies["team"], workspace.diagnostics + diagnostics)
    }

    @Test("a layer's terms are laid over the base's field by field: what it leaves out is inherited")
    func termsMergeByField() throws {
        let (team, diagnostics) = try Self.layered("tools:\n  - {id: scribe, baa: true, data: [none, phi], "
                                                   + "terms: {trainsOnClientData: true, retention: 30 days, cite: [src]}}\n")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let terms = try #require(team?.tools["scribe"]?.value.terms)
        #expect(terms == VendorTerms(trainsOnClientData: true, retention: "30 days", deletion: "on request", dataLocation: "EU", cite: ["src"]))
        // The fact a rule reads is the inherited one.
        #expect(team?.tools["scribe"]?.value.terms?.dataLocation == "EU")
    }

    @Test("a base without supervision has no supervisors: a layer may supervise roles over it, never name a supervisor")
    func supervisionOverNone() throws {
        let base = Self.policy(people: false)
        let (tight, ok) = try Self.layered("supervision: {roles: [intern], supervisors: []}\n", base: base)
        #expect(ok.isEmpty, "\(ok.map(\.message))")
        #expect(tight?.supervision?.roles == ["intern"])
        #expect(tight?.supervision?.supervisors == [])
        let (loose, errors) = try Self.layered("supervision: {roles: [intern], supervisors: [supervisor]}\n", base: base)
        #expect(errors.map(\.code) == [PolicyErrorCode.loosens.rawValue], "\(errors.map(\.message))")
        #expect(errors.first?.pointer == "/supervision/supervisors/0")
        #expect(errors.first?.message == "lets role 'supervisor' supervise, which the base policy does not")
        #expect(loose?.supervision?.supervisors == [] && loose?.hasErrors == true)
    }

    @Test("after merging, no role is both supervised and a supervisor; a block naming one in both is reported once")
    func mergedSupervisionConflict() throws {
        // A layer that supervises its base's supervisor role must drop it from the supervisors; keeping it is
        // the decoder's error, once (the resolver's check after merging does not repeat it).
        let (team, ok) = try Self.layered("supervision: {roles: [supervisor], supervisors: []}\n")
        #expect(ok.isEmpty, "\(ok.map(\.message))")
        #expect(team?.supervision?.roles == ["intern", "student", "supervisor"] && team?.supervision?.supervisors == [])
        let (_, once) = try Self.layered("supervision: {roles: [supervisor], supervisors: [supervisor]}\n")
        let both = once.filter { $0.message == "role 'supervisor' is both supervised and a supervisor" }
        #expect(both.map(\.code) == [DocumentErrorCode.invalidValue.rawValue], "\(once.map(\.message))")
        #expect(both.first?.pointer == "/supervision/supervisors/0")
        // A base whose own block names a role in both lists is not loaded, so no layer can inherit the conflict.
        let broken = Self.policy(people: false) + "supervision: {roles: [intern, supervisor], supervisors: [supervisor]}\n"
        let (_, inherited) = try Self.layered("supervision: {roles: [student], supervisors: [supervisor]}\n", base: broken)
        #expect(inherited.filter { $0.message == "role 'supervisor' is both supervised and a supervisor" }.count == 1,
                "\(inherited.map(\.message))")
    }
}
