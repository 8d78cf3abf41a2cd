import Corpus
import Dispatch
import TacetDocuments
import TacetYAML

// Times the three load stages over the corpus, interleaved so that machine drift hits each alike,
// and prints the minimum of each with its ratio to the bare libyaml scan.
// Run: swift run -c release LoadRatio [rounds]

let rounds = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 30

func time(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

var best = (scan: Double.infinity, parse: Double.infinity, decode: Double.infinity)
var sink = 0
for _ in 0..<rounds {
    best.scan = min(best.scan, time { for bytes in Corpus.workflows { sink &+= LibYAMLScan.countEvents(in: bytes) ?? 0 } })
    best.parse = min(best.parse, time {
        for bytes in Corpus.workflows { sink &+= (try? YAMLParser().parse(bytes))?.mapping?.count ?? 0 }
    })
    best.decode = min(best.decode, time {
        for bytes in Corpus.workflows {
            guard let root = try? YAMLParser().parse(bytes) else { continue }
            sink &+= DocumentDecoder.decode(root, file: "w.yaml").document == nil ? 0 : 1
        }
    })
}
let bytes = Corpus.workflows.reduce(0) { $0 + $1.count }
print("corpus: \(Corpus.workflows.count) files, \(bytes / 1024) KiB; best of \(rounds) interleaved rounds (checksum \(sink))")
print("libyaml event scan   \(String(format: "%7.1f", best.scan)) ms   1.00x")
print("YAMLParser node tree \(String(format: "%7.1f", best.parse)) ms   \(String(format: "%.2f", best.parse / best.scan))x")
print("parse and decode     \(String(format: "%7.1f", best.decode)) ms   \(String(format: "%.2f", best.decode / best.scan))x")
