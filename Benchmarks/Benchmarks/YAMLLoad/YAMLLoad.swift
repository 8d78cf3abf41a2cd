import Benchmark
import TacetDocuments
import TacetYAML

/// A corpus shaped like a real team repository: workflow documents of 50 steps each, about 1 MB in all.
/// Built in memory so the benchmark reads no files and measures parsing alone.
let corpus: [[UInt8]] = (0..<200).map { index in
    var text = """
        apiVersion: tacet/v1
        kind: Workflow
        metadata: {name: workflow-\(index), team: pediatrics}
        setting: Inpatient pediatrics, "ward 4"
        steps:

        """
    for step in 0..<50 {
        text += """
              - id: step-\(step)
                task: progress-note-drafting
                ai: ai-drafted
                tool: scribe-pro
                data: [deidentified, phi]
                performer: t-ana
                reviewer: t-ben
                consent: true
                disclosure: true
                description: >-
                  Draft the session summary from the therapist's notes; the reviewer edits
                  and signs it before it enters the record (step \(step)).

            """
    }
    return Array(text.utf8)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .instructions, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3),
        maxIterations: 50
    )

    // The baseline: libyaml's event scan of the same bytes, building nothing.
    Benchmark("libyaml event scan (baseline)") { benchmark in
        for _ in benchmark.scaledIterations {
            for bytes in corpus { blackHole(LibYAMLScan.countEvents(in: bytes)) }
        }
    }

    // Tacet's YAML layer: events to a node tree with marks, core-schema resolution, limits.
    Benchmark("YAMLParser node tree") { benchmark in
        for _ in benchmark.scaledIterations {
            for bytes in corpus { blackHole(try? YAMLParser().parse(bytes)) }
        }
    }

    // The whole load: parse and strictly decode into Workflow documents.
    Benchmark("parse and decode documents") { benchmark in
        for _ in benchmark.scaledIterations {
            for bytes in corpus {
                if let root = try? YAMLParser().parse(bytes) {
                    blackHole(DocumentDecoder.decode(root, file: "workflow.yaml"))
                }
            }
        }
    }
}
