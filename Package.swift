// swift-tools-version: 6.1
import PackageDescription

// Layers point down only: tacet (CLI) -> TacetTool (orchestration) -> TacetEngine (checks) -> TacetPlanning
// (the planner: Clp through CCbc and CBC through CCbcModel, optionally after a quick search) -> TacetDocuments -> TacetYAML -> CYAML; the README draws the whole graph.
// TacetDiagnostics sits under all of them so every layer reports through the one Diagnostic type.
// Each target declares every project module it imports (Scripts/check-imports.py, run by .ci/run, checks it).
let package = Package(
    name: "Tacet",
    platforms: [.macOS(.v13)],
    // What other packages may use: the CLI, the kit plugin authors build on (with the protocol types it speaks),
    // and the libraries the benchmarks (Benchmarks/Package.swift, a package of its own) measure. Everything
    // else is internal to this package; what modules share among themselves is `package`, not `public`.
    products: [
        .executable(name: "tacet", targets: ["tacet"]),
        .library(name: "TacetPluginKit", targets: ["TacetPluginKit", "TacetPluginProtocol"]),
        // For the benchmarks only.
        .library(name: "TacetYAML", targets: ["TacetYAML"]),
        .library(name: "TacetDocuments", targets: ["TacetDocuments"]),
        .library(name: "TacetPlanning", targets: ["TacetPlanning"]),
        .library(name: "TacetEngine", targets: ["TacetEngine"]),
        .library(name: "TacetTool", targets: ["TacetTool"]),
        .library(name: "TacetPluginHost", targets: ["TacetPluginHost"]),
        // The random planning problems the planner's tests use, so PlanBench times the same ones.
        .library(name: "TacetPlanningTestSupport", targets: ["TacetPlanningTestSupport"]),
    ],
    // Two package dependencies, each the standard Swift tool for its job, maintained by Apple;
    // nothing else is worth a dependency (YAML is read by the system's libyaml, see CYAML; plans are
    // solved by the system's CBC, see CCbc).
    dependencies: [
        // The CLI's subcommands, options, help and exit codes: the parser Swift's own tools use. Declarative
        // (one property per option), so help, validation errors and shell completion come from one place
        // instead of a hand-written parser per command. Only the `tacet` executable links it.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256, for plugin executables pinned in their manifests and for SARIF fingerprints. Foundation on
        // Linux has no hash functions; swift-crypto is CryptoKit's API on every platform, backed by BoringSSL's
        // implementation, so no hand-rolled digest.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // libyaml, the C YAML parser behind PyYAML's fast loader: its event API gives every node's line and
        // column (which Tacet's errors need) without a Swift YAML library's own model or Codable in between.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // COIN-OR CBC, the open-source mixed-integer solver (EPL-2.0), with Clp, its linear programming solver: the
        // tools built for what the planner's own search cannot always prove, an exact optimum or infeasibility over
        // courses and quarters. Clp through its C interface; CBC's branch and cut through CCbcModel.
        .systemLibrary(
            name: "CCbc",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"]), .brew(["cbc"])]
        ),
        // CBC's branch and cut driven from C++ (CbcModel), a model per solve, behind a C header Swift calls: CBC's C
        // interface solves through the command-line driver, whose statics allow one solve per process at a time, and
        // a team's plans are solved on every core. Links CBC through CCbc's pkg-config.
        .target(name: "CCbcModel", dependencies: ["CCbc"]),
        .target(name: "TacetDiagnostics"),
        .target(name: "TacetYAML", dependencies: ["CYAML", "TacetDiagnostics"]),
        .target(name: "TacetDocuments", dependencies: ["TacetYAML", "TacetDiagnostics"]),
        // The planner: exact (Clp's relaxations, then CBC, optionally after a quick search), and pure (documents in, a
        // plan or the reasons there is none out), so it knows nothing of policies; TacetEngine works out from
        // them what a therapist must reach.
        .target(name: "TacetPlanning", dependencies: ["CCbc", "CCbcModel", "TacetDocuments"]),
        .target(name: "TacetEngine", dependencies: ["TacetPlanning", "TacetDocuments", "TacetYAML", "TacetDiagnostics"]),
        // The plugin protocol's types: shared by the host and the kit, nothing else below them.
        .target(name: "TacetPluginProtocol"),
        .target(name: "TacetPluginKit", dependencies: ["TacetPluginProtocol"]),
        // JSON Schema validation for the plugin protocol, SARIF output and the document schemas.
        .target(name: "TacetSchemas", dependencies: ["TacetPluginProtocol"]),
        // Two glibc spawn file actions Swift's Glibc module does not declare.
        .target(name: "CSpawn"),
        .target(name: "TacetPluginHost",
                dependencies: ["CSpawn", "TacetPluginProtocol", "TacetSchemas", "TacetEngine", "TacetDocuments", "TacetYAML", "TacetDiagnostics",
                               .product(name: "Crypto", package: "swift-crypto")]),
        // Renderers for SARIF, JUnit, GitHub annotations, Markdown and the HTML team report.
        .target(name: "TacetReports",
                dependencies: ["TacetPluginProtocol", "TacetEngine", "TacetPlanning", "TacetDocuments", "TacetDiagnostics",
                               .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "TacetTool",
                dependencies: ["TacetReports", "TacetSchemas", "TacetPluginHost", "TacetPluginProtocol", "TacetEngine", "TacetPlanning",
                               "TacetDocuments", "TacetYAML", "TacetDiagnostics"]),
        // `tacet lsp`: the language server, over the same CheckPipeline as `tacet check`.
        .target(name: "TacetLanguageServer",
                dependencies: ["TacetTool", "TacetPluginHost", "TacetPluginProtocol", "TacetEngine", "TacetDocuments", "TacetYAML",
                               "TacetDiagnostics"]),
        .executableTarget(
            name: "tacet",
            dependencies: ["TacetTool", "TacetLanguageServer", "TacetPluginHost", "TacetDocuments", "TacetDiagnostics",
                           .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           // Not linked: listed so that building tacet also builds the shipped Swift plugin.
                           "consent-coverage"]
        ),
        // The shipped Swift plugin; Plugins/consent-coverage/run starts the built binary. On Linux its Swift
        // runtime is linked in (as `--static-swift-stdlib` links every product): a plugin process starts on each
        // check, and loading and binding a dozen shared Swift libraries was half of its CPU. The archives
        // FoundationEssentials needs are named, since nothing names them for a static link of one target.
        .executableTarget(name: "consent-coverage", dependencies: ["TacetPluginKit", "TacetPluginProtocol"],
                          path: "Plugins/consent-coverage/Sources",
                          linkerSettings: [
                              .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux])),
                              .linkedLibrary("_FoundationCollections", .when(platforms: [.linux])),
                              .linkedLibrary("_FoundationCShims", .when(platforms: [.linux])),
                              .linkedLibrary("swiftSynchronization", .when(platforms: [.linux])),
                          ]),
        .testTarget(name: "TacetYAMLTests", dependencies: ["TacetYAML", "TacetDiagnostics"]),
        // Helpers the test targets share; not a product, never shipped.
        .target(name: "TacetTestSupport", path: "Tests/TacetTestSupport"),
        // Random planning problems (PlanInstanceGenerator) and their JSON for the exact reference; a product
        // only so Benchmarks/PlanBench generates the same problems. Never shipped.
        .target(name: "TacetPlanningTestSupport", dependencies: ["TacetPlanning", "TacetDocuments", "TacetTestSupport"],
                path: "Tests/TacetPlanningTestSupport"),
        .testTarget(name: "TacetDocumentsTests", dependencies: ["TacetDocuments", "TacetYAML", "TacetDiagnostics", "TacetSchemas", "TacetPluginProtocol",
                                                            "TacetTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "TacetEngineTests",
                    dependencies: ["TacetEngine", "TacetPlanning", "TacetDocuments", "TacetYAML", "TacetDiagnostics", "TacetTestSupport",
                                   "TacetPlanningTestSupport"]),
        .testTarget(name: "TacetPlanningTests", dependencies: ["TacetPlanning", "TacetDocuments", "TacetTestSupport", "TacetPlanningTestSupport"]),
        .testTarget(name: "TacetPluginHostTests",
                    dependencies: ["TacetPluginHost", "TacetPluginKit", "TacetPluginProtocol", "TacetSchemas", "TacetDocuments",
                                   "TacetDiagnostics", "TacetTestSupport"]),
        .testTarget(name: "TacetReportsTests",
                    dependencies: ["TacetReports", "TacetSchemas", "TacetEngine", "TacetDocuments", "TacetDiagnostics", "TacetPluginProtocol",
                                   "TacetPluginHost", "TacetTool", "TacetYAML", "TacetTestSupport"]),
        .testTarget(name: "TacetLanguageServerTests",
                    dependencies: ["TacetLanguageServer", "TacetTool", "TacetPluginHost", "TacetPluginProtocol", "TacetDocuments", "TacetYAML",
                                   "TacetTestSupport"]),
        .testTarget(name: "TacetToolTests",
                    dependencies: ["TacetTool", "TacetDiagnostics", "TacetDocuments", "TacetPluginHost", "TacetReports", "TacetSchemas",
                                   "TacetPluginProtocol", "TacetTestSupport"],
                    resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
