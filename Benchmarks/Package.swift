// swift-tools-version: 6.1
import PackageDescription

// A package of its own so the benchmark library's dependencies never slow the main test build.

/// Tacet's libraries, which every benchmark executable measures.
let tacet: [Target.Dependency] = [
    "Corpus",
    .product(name: "TacetYAML", package: "Tacet"),
    .product(name: "TacetDocuments", package: "Tacet"),
    .product(name: "TacetEngine", package: "Tacet"),
    .product(name: "TacetTool", package: "Tacet"),
    .product(name: "TacetPluginHost", package: "Tacet"),
]

/// A target run by `swift package benchmark` (ordo-one/benchmark).
func suite(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: tacet + [.product(name: "Benchmark", package: "benchmark")],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "TacetBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named explicitly: a path dependency is otherwise known by its folder name, which differs per clone.
        .package(name: "Tacet", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(name: "Corpus"),
        // Interleaved timers that print ratios to the libyaml scan: steadier on a shared machine.
        .executableTarget(name: "LoadRatio", dependencies: tacet),
        .executableTarget(name: "CheckRatio", dependencies: tacet),
        // Peak memory of the `tacet check` process on 2,000 and 10,000 workflows (issue 21).
        .executableTarget(name: "CheckMemory", dependencies: ["Corpus"]),
        // Each stage of a check on one core, against the scan: where the time goes.
        .executableTarget(name: "StageTimes", dependencies: tacet),
        // Times the planner on generated therapists and catalogs: the search alone, no policies.
        .executableTarget(name: "PlanBench", dependencies: [.product(name: "TacetDocuments", package: "Tacet"),
                                                            .product(name: "TacetPlanning", package: "Tacet"),
                                                            .product(name: "TacetPlanningTestSupport", package: "Tacet")]),
        // The plugin host's per-call overhead over a bare spawn, and --jobs 2 against --jobs 1.
        .executableTarget(name: "PluginBench", dependencies: tacet),
        suite("YAMLLoad"),
        suite("Check"),
    ],
    swiftLanguageModes: [.v6]
)
