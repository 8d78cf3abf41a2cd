import Foundation
import Testing
import TacetTestSupport

/// Scripts/check-imports.py, which `.ci/run` runs before `swift test`: every project module a target
/// imports is declared in Package.swift, and the README's module diagram draws the real graph.
/// Fixture packages give the script their `swift package dump-package` JSON, so no SwiftPM runs for them.
@Suite("Package hygiene")
struct PackageHygieneTests {
    static let script = Repository.path("Scripts/check-imports.py")

    /// Runs the script in `directory` with `arguments`.
    static func check(_ arguments: [String], in directory: String) throws -> TacetBinary.Result {
        let result = try TacetBinary.run(["python3", script] + arguments, in: directory,
                                         executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(!result.stderr.contains("Traceback"), "\(result.stderr)")
        return result
    }

    /// A package: `Core`; `Feature` declares Core; `Feature` also uses the product `Crypto` of another
    /// package, which `App` does not declare; `FeatureTests` declares only Feature.
    static let dump = """
        {"name": "Fixture", "targets": [
          {"name": "Core", "type": "regular", "dependencies": []},
          {"name": "Feature", "type": "regular", "dependencies": [
            {"byName": ["Core", null]}, {"product": ["Crypto", "swift-crypto", null, null]}]},
          {"name": "App", "type": "executable", "dependencies": [{"target": ["Feature", null]}]},
          {"name": "FeatureTests", "type": "test", "dependencies": [{"byName": ["Feature", null]}]}
        ]}
        """

    /// Writes the fixture package with `testSource` as FeatureTests' only file.
    static func fixture(testSource: String, appSource: String = "import Feature\n") throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("dump.json", dump)
        try directory.write("Sources/Core/Core.swift", "import Foundation\npublic struct Thing {}\n")
        try directory.write("Sources/Feature/Feature.swift", "import Core\nimport Crypto\nimport Glibc\n")
        try directory.write("Sources/App/main.swift", appSource)
        try directory.write("Tests/FeatureTests/FeatureTests.swift", testSource)
        return directory
    }

    @Test("this repository's targets declare every project module they import, and the README's diagram matches")
    func repository() throws {
        let result = try Self.check([".", "--readme", "README.md"], in: Repository.root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("every spelling of an undeclared import is reported with its file and line; comments and strings are not")
    func undeclaredImports() throws {
        let source = """
            import XCTest
            @testable import Feature
            import Core
            // import Core in a comment
            /* import Core /* nested */ import Core */
            let text = \"\"\"
            import Core
            \"\"\"
            let raw = #"import Core"#
            @_implementationOnly import Core
            import struct Core.Thing
            package import Core
            public import Core
            @preconcurrency import Core
            import Crypto
            """
        let directory = try Self.fixture(testSource: source, appSource: "import Feature\nimport Core\n")
        let result = try Self.check([".", "--dump", "dump.json"], in: directory.path)
        let expected = [
            "Sources/App/main.swift:2: target App imports Core but does not declare it",
            "Tests/FeatureTests/FeatureTests.swift:3: target FeatureTests imports Core but does not declare it",
            "Tests/FeatureTests/FeatureTests.swift:10: target FeatureTests imports Core but does not declare it",
            "Tests/FeatureTests/FeatureTests.swift:11: target FeatureTests imports Core but does not declare it",
            "Tests/FeatureTests/FeatureTests.swift:12: target FeatureTests imports Core but does not declare it",
            "Tests/FeatureTests/FeatureTests.swift:13: target FeatureTests imports Core but does not declare it",
            "Tests/FeatureTests/FeatureTests.swift:14: target FeatureTests imports Core but does not declare it",
            "Tests/FeatureTests/FeatureTests.swift:15: target FeatureTests imports Crypto but does not declare it",
        ]
        #expect(result.stdout.split(separator: "\n").map(String.init).sorted() == expected.sorted())
        #expect(result.status == 1)
    }

    @Test("a package whose targets declare what they import passes")
    func declaredImports() throws {
        let directory = try Self.fixture(testSource: "import XCTest\n@testable import Feature\nimport Foundation\n")
        let result = try Self.check([".", "--dump", "dump.json"], in: directory.path)
        #expect(result.stdout.isEmpty)
        #expect(result.status == 0)
    }

    /// The fixture's README with `diagram` as its module diagram.
    static func readme(_ diagram: String) -> String {
        "# Fixture\n\n## For developers\n\nModules:\n\n```\n" + diagram + "```\n\n## Later\n\n```\nNotADiagram\n```\n"
    }

    @Test("a diagram that draws every module and only real edges passes, read through its vertical rules")
    func matchingDiagram() throws {
        let directory = try Self.fixture(testSource: "@testable import Feature\n")
        try directory.write("README.md", Self.readme("""
            App (the executable)
              ├─ Feature (what it does,
              │    │  continued on a line that names Core without drawing it)
              │    └─ Core
              └─ Feature (drawn twice: a module may appear more than once)

            """))
        let result = try Self.check([".", "--dump", "dump.json", "--readme", "README.md"], in: directory.path)
        #expect(result.stdout.isEmpty)
        #expect(result.status == 0)
    }

    @Test("a diagram that misses a module, names a non-module or draws a missing edge is reported")
    func staleDiagram() throws {
        let directory = try Self.fixture(testSource: "@testable import Feature\n")
        try directory.write("README.md", Self.readme("""
            App
              └─ Core
              └─ Gone

            """))
        let result = try Self.check([".", "--dump", "dump.json", "--readme", "README.md"], in: directory.path)
        #expect(result.stdout.split(separator: "\n").map(String.init) == [
            "README.md:9: the diagram draws App -> Core, but App does not depend on Core in Package.swift",
            "README.md:10: the diagram draws Gone, which is not a module in Package.swift",
            "README.md:8: module Feature is missing from the diagram",
        ])
        #expect(result.status == 1)
    }
}
