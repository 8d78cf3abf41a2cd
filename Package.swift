// swift-tools-version: 6.1
import PackageDescription

// Layers point down only: tacet (CLI) -> TacetTool (orchestration) -> TacetEngine (checks) -> TacetDocuments
// -> TacetYAML -> CYAML.
// TacetDiagnostics sits under all of them so every layer reports through the one Diagnostic type.
let package = Package(
    name: "Tacet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tacet", targets: ["tacet"]),
        .library(name: "TacetYAML", targets: ["TacetYAML"]),
        .library(name: "TacetDocuments", targets: ["TacetDocuments"]),
        .library(name: "TacetEngine", targets: ["TacetEngine"]),
        .library(name: "TacetTool", targets: ["TacetTool"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "TacetDiagnostics"),
        .target(name: "TacetYAML", dependencies: ["CYAML", "TacetDiagnostics"]),
        .target(name: "TacetDocuments", dependencies: ["TacetYAML", "TacetDiagnostics"]),
        .target(name: "TacetEngine", dependencies: ["TacetDocuments", "TacetYAML", "TacetDiagnostics"]),
        .target(name: "TacetTool", dependencies: ["TacetEngine", "TacetDocuments", "TacetYAML", "TacetDiagnostics"]),
        .executableTarget(
            name: "tacet",
            dependencies: ["TacetTool", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "TacetYAMLTests", dependencies: ["TacetYAML", "TacetDiagnostics"]),
        // Helpers the test targets share; not a product, never shipped.
        .target(name: "TacetTestSupport", path: "Tests/TacetTestSupport"),
        .testTarget(name: "TacetDocumentsTests", dependencies: ["TacetDocuments", "TacetTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "TacetEngineTests", dependencies: ["TacetEngine", "TacetTestSupport"]),
        .testTarget(name: "TacetToolTests", dependencies: ["TacetTool", "TacetTestSupport"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
