// swift-tools-version: 6.1
import PackageDescription

// A package of its own so the benchmark library's dependencies never slow the main test build.
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
        .executableTarget(
            name: "LoadRatio",
            dependencies: [
                "Corpus",
                .product(name: "TacetYAML", package: "Tacet"),
                .product(name: "TacetDocuments", package: "Tacet"),
            ]
        ),
        .executableTarget(
            name: "CheckRatio",
            dependencies: [
                "Corpus",
                .product(name: "TacetYAML", package: "Tacet"),
                .product(name: "TacetDocuments", package: "Tacet"),
                .product(name: "TacetEngine", package: "Tacet"),
                .product(name: "TacetTool", package: "Tacet"),
            ]
        ),
        .executableTarget(
            name: "YAMLLoad",
            dependencies: [
                "Corpus",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TacetYAML", package: "Tacet"),
                .product(name: "TacetDocuments", package: "Tacet"),
            ],
            path: "Benchmarks/YAMLLoad",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Check",
            dependencies: [
                "Corpus",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TacetYAML", package: "Tacet"),
                .product(name: "TacetDocuments", package: "Tacet"),
                .product(name: "TacetEngine", package: "Tacet"),
                .product(name: "TacetTool", package: "Tacet"),
            ],
            path: "Benchmarks/Check",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
