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
        // A fixed day, so that training and exceptions are judged the same whenever the test runs.
        let check = try TacetBinary.run(["check", "--today", "2026-11-30"], in: directory.path + "/clinic-policies", executable: installed,
                                        environment: environment)
        #expect(check.status == 1, "\(check.stderr)")
        actual["check"] = check.stdout.replacingOccurrences(of: share, with: Self.shownShare)
        try FileManager.default.createDirectory(atPath: directory.path + "/home/director", withIntermediateDirectories: true)
        let alone = try TacetBinary.run(["check"], in: directory.path + "/home/director", executable: installed, environment: environment)
        #expect(alone.status == 2)
        actual["no-project"] = alone.stderr.replacingOccurrences(of: FileIO.realPath(directory.path) ?? directory.path, with: "")

        #expect(Set(try DocumentationSample.blocks("output", in: text).keys) == Set(actual.keys))
        let stale = try DocumentationSample.update(Self.readme, with: actual)
        #expect(stale.isEmpty, "README.md's outputs \(stale) are out of date: run TACET_WRITE_DOCS=1 swift test --filter ReadmeSamplesTests")
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
