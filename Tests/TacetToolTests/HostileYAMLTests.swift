import Foundation
import Testing
import TacetTestSupport

/// Every hostile file from Scripts/make-hostile-yaml.py is refused by the real binary: exit 2, a
/// `file:line:column: error: ... [code]` line with the expected code, and no crash. (Time and memory
/// are measured by Scripts/measure-hostile.sh, not asserted here.)
@Suite("Hostile YAML", .serialized)
struct HostileYAMLTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("each hostile case exits 2 with a positioned error naming its limit or problem")
    func hostileCases() throws {
        let directory = try TemporaryDirectory()
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        script.arguments = ["python3", Self.repository.appendingPathComponent("Scripts/make-hostile-yaml.py").path, directory.path]
        try script.run()
        script.waitUntilExit()
        try #require(script.terminationStatus == 0, "Scripts/make-hostile-yaml.py failed (is python3 installed?)")
        let table = try String(contentsOfFile: directory.path + "/expected-codes.txt", encoding: .utf8)
        let cases = table.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(cases.count == 13)
        for entry in cases {
            let (name, code) = (entry[0], entry[1])
            let file = directory.path + "/" + name + ".yaml"
            let result = try TacetBinary.run(["validate", file])
            #expect(!result.signalled, "\(name) crashed")
            #expect(result.status == 2, "\(name): exit \(result.status)")
            let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            let pattern = "^" + NSRegularExpression.escapedPattern(for: file) + ":[0-9]+:[0-9]+: error: .+ \\[" + code + "\\]$"
            #expect(first.range(of: pattern, options: .regularExpression) != nil, "\(name): \(first)")
        }
    }
}
