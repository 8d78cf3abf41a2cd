import Foundation
import Testing
import TacetDocuments
import TacetTestSupport

/// A clinic adopts Tacet (issue 16): install into a prefix, `init` a repository outside the source tree,
/// add a workflow that breaks the default policy and one that breaks a shipped plugin's rule, and run the
/// installed `tacet check` with no arguments and a cleared environment.
@Suite("Adoption, end to end", .serialized)
struct AdoptionTests {
    static let breaksPolicy = """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: affect, team: adult-mh}
        policy: adult-mh
        steps:
          - id: read-the-room
            task: nonverbal-affect-reading
            ai: ai-assisted
            performer: t-adult-mh-example
        """

    static let breaksPlugin = """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: intake-notes, team: adult-mh}
        policy: adult-mh
        steps:
          - id: obtain-consent
            task: informed-consent
            ai: human-only
            performer: t-adult-mh-example
            description: Consent recorded for MRN 40213 at intake.
        """

    @Test("installed tacet, init, then check with no arguments in a cleared environment: both findings, both plugins, the installed default")
    func installInitCheck() throws {
        let directory = try TemporaryDirectory()
        let root = try #require(FileIO.realPath(directory.path))
        let prefix = root + "/prefix"
        _ = try InstallScriptTests.install(into: prefix)
        let tacet = URL(fileURLWithPath: prefix + "/bin/tacet")
        let cleared = ["PATH": "/usr/bin:/bin", "HOME": root]

        let initialised = try TacetBinary.run(["init", "clinic", "--team", "adult-mh"], in: root, executable: tacet, environment: cleared)
        #expect(initialised.status == 0, "\(initialised.stdout)\(initialised.stderr)")
        let clinic = root + "/clinic"
        _ = try directory.write("clinic/teams/adult-mh/workflows/affect.yaml", Self.breaksPolicy)
        _ = try directory.write("clinic/teams/adult-mh/workflows/intake-notes.yaml", Self.breaksPlugin)

        let check = try TacetBinary.run(["check"], in: clinic, executable: tacet, environment: cleared)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        let output = check.stdout + check.stderr
        #expect(output.contains("teams/adult-mh/workflows/affect.yaml:8:9: error: step 'read-the-room' uses AI at ai-assisted, "
                                + "but task 'nonverbal-affect-reading' allows at most human-only [requirement.ai-level]"), "\(output)")
        #expect(output.contains("teams/adult-mh/workflows/intake-notes.yaml:10:18: error: ") && output.contains("[phi-scan/record-number]"),
                "\(output)")
        // Both shipped plugins ran, from the installed share/tacet, and none failed.
        #expect(output.contains("(2 plugins ran "), "\(output)")
        #expect(!output.contains("[plugin."), "\(output)")
        // The team layer's extends resolved to the installed default policy.
        #expect(output.contains("task 'nonverbal-affect-reading' is classified here (\(prefix)/share/tacet/policies/music-therapy-ai-use.yaml:"),
                "\(output)")
        let layer = try String(contentsOfFile: clinic + "/policies/adult-mh.yaml", encoding: .utf8)
        #expect(layer.contains("extends: [music-therapy-ai-use]"))
        #expect(!FileManager.default.fileExists(atPath: clinic + "/policies/music-therapy-ai-use.yaml"), "defaults are read in place, not copied")
    }
}
