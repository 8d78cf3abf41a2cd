import Foundation
import Testing
import TacetDocuments
import TacetTestSupport

/// The README's clinic walkthrough is produced by the built `tacet`, not written by hand: each block
/// marked `<!-- output: NAME -->` is what the commands shown print, and each `<!-- file: PATH -->` block
/// is the file the walkthrough writes. `TACET_WRITE_DOCS=1 swift test --filter ReadmeSamplesTests`
/// rewrites the output blocks.
@Suite("README samples")
struct ReadmeSamplesTests {
    static let readme = Repository.path("README.md")
    /// Where the README says the shipped defaults are installed (the default prefix).
    static let shownShare = "/usr/local/share/tacet"

    @Test("the clinic walkthrough's init, check and no-project outputs are what tacet prints")
    func walkthrough() throws {
        let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
        let directory = try TemporaryDirectory()
        // A real installation (from the debug build), so that the shipped plugins run as they do for a clinic.
        let prefix = try #require(FileIO.realPath(directory.path)) + "/prefix"
        _ = try InstallScriptTests.install(into: prefix)
        let share = prefix + "/share/tacet"
        let installed = URL(fileURLWithPath: prefix + "/bin/tacet")
        let environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path]
        var actual: [String: String] = [:]

        let initialised = try TacetBinary.run(["init", "clinic-policies", "--team", "pediatrics"], in: directory.path, executable: installed,
                                                  environment: environment)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        actual["init"] = initialised.stdout
        let files = try DocumentationSample.blocks("file", in: text)
        #expect(files.keys.sorted() == ["teams/pediatrics/workflows/progress-notes.yaml"])
        for (path, body) in files { try directory.write("clinic-policies/" + path, body) }
        // The walkthrough's dates are init's (the example's cycle and AI-literacy course date from January 1
        // of the year it runs), so check runs on the real day, as the README shows it, and judges the same.
        let check = try TacetBinary.run(["check"], in: directory.path + "/clinic-policies", executable: installed,
                                        environment: environment)
        #expect(check.status == 1, "\(check.stderr)")
        actual["check"] = check.stdout.replacingOccurrences(of: share, with: Self.shownShare)
        try FileManager.default.createDirectory(atPath: directory.path + "/home/director", withIntermediateDirectories: true)
        let alone = try TacetBinary.run(["check"], in: directory.path + "/home/director", executable: installed, environment: environment)
        #expect(alone.status == 2)
        actual["no-project"] = alone.stderr.replacingOccurrences(of: FileIO.realPath(directory.path) ?? directory.path, with: "")

        actual["read-finding"] = try Self.readFinding()

        #expect(Set(try DocumentationSample.blocks("output", in: text).keys) == Set(actual.keys))
        let stale = try DocumentationSample.update(Self.readme, with: actual)
        #expect(stale.isEmpty, "README.md's outputs \(stale) are out of date: run TACET_WRITE_DOCS=1 swift test --filter ReadmeSamplesTests")
    }

    @Test("docs/policy-guide.md's finding is what check prints for the sample team (TACET_WRITE_DOCS=1 rewrites it)")
    func guideFinding() throws {
        let stale = try DocumentationSample.update(Repository.path("docs/policy-guide.md"), with: ["read-finding": try Self.readFinding()])
        #expect(stale.isEmpty, "docs/policy-guide.md's finding sample is out of date: run TACET_WRITE_DOCS=1 swift test --filter ReadmeSamplesTests")
    }

    /// The sample team's finding that the README and the policy guide explain line by line: AI in a
    /// human-only task, as `tacet check Policies Curricula Examples` prints it.
    static func readFinding() throws -> String {
        let result = try TacetBinary.run(["check", "Policies", "Curricula", "Examples", "--today", "2026-11-21"], in: Repository.root)
        #expect(result.status == 1, "\(result.stderr)")
        // A finding is its first line and the indented lines under it.
        var lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.contains(": error: step 'read-the-room' uses AI") }
        guard let first = lines.popFirst() else { return "" }
        return ([first] + lines.prefix { $0.hasPrefix(" ") }).joined(separator: "\n") + "\n"
    }

    @Test("the README's project files are valid Project documents")
    func projectSamples() throws {
        let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
        let samples = text.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
            .filter { $0.contains("kind: Project") }
        #expect(samples.count == 2)
        for sample in samples {
            let directory = try TemporaryDirectory()
            try directory.write("tacet.yaml", sample)
            let result = try TacetBinary.run(["validate", "tacet.yaml"], in: directory.path)
            #expect(result.status == 0, "\(sample)\n\(result.stderr)")
            #expect(result.stderr.contains("valid document"), "\(result.stderr)")
        }
    }
}
