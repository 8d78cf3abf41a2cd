import Benchmark
import Corpus
import TacetDocuments
import TacetYAML

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .instructions, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3),
        maxIterations: 50
    )

    // The baseline: libyaml's event scan of the same bytes, building nothing.
    Benchmark("libyaml event scan (baseline)") { benchmark in
        for _ in benchmark.scaledIterations {
            for bytes in Corpus.workflows { blackHole(LibYAMLScan.countEvents(in: bytes)) }
        }
    }

    // Tacet's YAML layer: events to a node tree with marks, core-schema resolution, limits.
    Benchmark("YAMLParser node tree") { benchmark in
        for _ in benchmark.scaledIterations {
            for bytes in Corpus.workflows { blackHole(try? YAMLParser().parse(bytes)) }
        }
    }

    // The whole load: parse and strictly decode into Workflow documents.
    Benchmark("parse and decode documents") { benchmark in
        for _ in benchmark.scaledIterations {
            for bytes in Corpus.workflows {
                if let root = try? YAMLParser().parse(bytes) {
                    blackHole(DocumentDecoder.decode(root, file: "workflow.yaml"))
                }
            }
        }
    }
}
