import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetYAML

/// Checker plugins run over documents as a check loads them (``DocumentHandoff``): each plugin's batches are
/// planned before any document is loaded, from the files' sizes, as ``PluginHost/run(_:on:policies:prepared:)``
/// plans them from the encoded documents (``PluginBatching``: shared out per `--jobs`, within the caps); a
/// batch is sent once its documents have all been judged, and each document is released once every plugin
/// that checks it has answered for it. The check is held up while more documents wait than a batch and a
/// window hold, so that memory follows the batches in flight, not the number of documents.
///
/// Findings and failures are those of the loaded run: the same calls' answers, mapped through the same
/// trees, a failed call reported on every document it covered. The lines of a released document that the
/// plugins' diagnostics point at are kept (``quoted``), as the engine keeps its own.
public final class PluginStream: @unchecked Sendable {
    // @unchecked: every var below is touched only while `condition` is locked.

    /// One planned batch of one plugin: positions in the plan, in order.
    private struct Batch {
        var plugin: Int
        var positions: [Int]
    }

    /// A received document, held until every plugin that checks it has answered.
    private struct Entry {
        var document: LoadedDocument
        var bytes: [UInt8]
        var encoded: Result<EncodedDocument, PluginFailure>
        /// The batches still to answer for it.
        var waiting: Int
        /// The lines its plugin diagnostics point at.
        var lines = Set<Int>()
        /// Whether its bytes are among the run's sources already (a document the workspace holds).
        var held: Bool
    }

    private let host: PluginHost
    private let described: [DescribedPlugin]
    private let context: PluginContext
    private let prepared: PluginPreparation
    /// The documents the workspace holds of the plugins' kinds, sent before those the check hands on.
    private let heldDocuments: [LoadedDocument]
    private let condition = NSCondition()

    private var batches: [Batch] = []
    /// Each plugin's batches, as indices into ``batches``, in order; and the next one to send.
    private var pluginBatches: [[Int]] = []
    private var nextBatch: [Int] = []
    /// How many batches cover each planned position (0 for a position no plugin checks).
    private var cover: [Int] = []
    private var entries: [Int: Entry] = [:]
    /// Every position below this has been received or will never be.
    private var done = 0
    private var tasks: [Task<Void, Never>] = []
    private var inFlight = 0
    /// Most documents held before the check is made to wait for a batch to answer.
    private var limit = 0
    /// Each batch's diagnostics (its documents' failures to encode, then the answer), by batch index.
    private var answers: [Int: [Diagnostic]] = [:]
    /// How many documents are judged between two hand-offs.
    private var window = 250
    /// The check processes the calls started (a call whose process could not be started is not one).
    private var calls = 0
    private var usedPrepared = Set<String>()
    /// The plugins whose process started ahead was killed unused to give its slot to a waiting call.
    private var reclaimed = Set<String>()
    /// The lines plugin diagnostics point at in each released document, by file.
    private var quotedLines: [String: QuotedLines] = [:]

    /// Creates a stream for the plugins that `described` themselves; `documents` are the run's documents the
    /// workspace holds (policy-test inputs left out), whose policies, framework and roster go in every
    /// request and whose own documents of the plugins' kinds are sent first; `prepared` is what
    /// ``PluginHost/prepare(_:)`` started.
    public init(host: PluginHost, described: [DescribedPlugin], documents: [LoadedDocument], prepared: PluginPreparation = .none) {
        self.host = host
        self.described = described
        self.prepared = prepared
        context = PluginContext(documents)
        let kinds = Self.kinds(of: described)
        heldDocuments = documents.filter { kinds.contains($0.kind) }
        // A process started ahead for a plugin whose live describe failed has no call to answer: its slot goes
        // back now, not when the whole check is over (``finish(failures:describeProcesses:)`` counts it unused).
        let answered = Set(described.map(\.plugin.name))
        for (name, child) in prepared.children where !answered.contains(name) { child.kill() }
    }

    /// The document kinds the `described` plugins check.
    public static func kinds(of described: [DescribedPlugin]) -> Set<DocumentKind> {
        Set(described.flatMap(\.kinds).compactMap(DocumentKind.init(rawValue:)))
    }

    /// The handoff a check streams its documents through to these plugins; `window` documents are judged
    /// between two hand-offs.
    public func handoff(window: Int = 250) -> DocumentHandoff {
        let handoff = DocumentHandoff(kinds: Self.kinds(of: described), window: window, plan: { [self] in plan($0) },
                                      receive: { [self] in receive($0, done: $1) })
        condition.withLock { self.window = handoff.window }
        return handoff
    }

    /// Plans every plugin's batches over the held documents and `files`, then sends the held documents.
    func plan(_ files: [DeferredFile]) {
        let held = heldDocuments.map { ($0.kind, $0.file, 0) }
        let planned = held + files.map { ($0.kind, $0.file, $0.size) }
        condition.lock()
        cover = Array(repeating: 0, count: planned.count)
        let batching = described.filter { $0.version >= 2 }.count
        var largest = 1
        for (index, plugin) in described.enumerated() {
            let positions = planned.indices.filter { plugin.kinds.contains(planned[$0].0.rawValue) }
            // A request holds a document's head and content: its file's size is near enough to share them out by.
            let sizes = positions.map { planned[$0].2 + 64 + planned[$0].1.utf8.count }
            let ranges = plugin.version >= 2
                ? PluginBatching.ranges(sizes, into: PluginBatching.batchCount(jobs: host.options.jobs, plugins: batching,
                                                                               documents: positions.count))
                : positions.indices.map { $0..<($0 + 1) }
            var own: [Int] = []
            for range in ranges {
                own.append(batches.count)
                batches.append(Batch(plugin: index, positions: Array(positions[range])))
                largest = max(largest, range.count)
                for position in positions[range] { cover[position] += 1 }
            }
            pluginBatches.append(own)
        }
        nextBatch = Array(repeating: 0, count: described.count)
        limit = largest + window
        condition.unlock()
        // The processes started ahead for plugins with nothing to check give their slots back now.
        for (index, plugin) in described.enumerated() where pluginBatches[index].isEmpty {
            prepared.children[plugin.plugin.name]?.kill()
        }
        let documents = heldDocuments.enumerated().map { DocumentHandoff.Document(position: $0, document: $1, bytes: []) }
        accept(documents, done: held.count, held: true)
    }

    /// Takes the documents the check hands on before plan position `done` (counted from the check's first).
    func receive(_ documents: [DocumentHandoff.Document], done: Int) {
        let offset = heldDocuments.count
        accept(documents.map { DocumentHandoff.Document(position: $0.position + offset, document: $0.document, bytes: $0.bytes) },
               done: done + offset, held: false)
        // Hold the check up while more documents wait than a batch and a window: a batch in flight will
        // release some. With none in flight nothing would, so it never waits then.
        condition.lock()
        // A process started ahead that no call has taken yet may hold the slot a call in flight waits for (a
        // plugin that checks only plans gets nothing before the last workflow): before the check waits on
        // those calls, such processes give their slots back, and their plugin's first call starts afresh.
        var idle: [PreparedChild] = []
        if entries.count > limit, inFlight > 0 {
            for (name, child) in prepared.children where !usedPrepared.contains(name) {
                usedPrepared.insert(name)
                reclaimed.insert(name)
                idle.append(child)
            }
        }
        condition.unlock()
        for child in idle { child.kill() }
        condition.lock()
        while entries.count > limit, inFlight > 0 { condition.wait() }
        condition.unlock()
    }

    private func accept(_ documents: [DocumentHandoff.Document], done: Int, held: Bool) {
        let context = context
        // Each document is encoded once, on every core, whatever the number of plugins and batches that send it.
        let encoded = Parallel.map(documents.count) { index in
            Result { () throws(YAMLError) in try context.encode(documents[index].document) }.mapError(PluginFailure.notSendable)
        }
        condition.lock()
        for (document, encoding) in zip(documents, encoded) where cover.indices.contains(document.position) {
            guard cover[document.position] > 0 else { continue }
            entries[document.position] = Entry(document: document.document, bytes: document.bytes, encoded: encoding,
                                               waiting: cover[document.position], held: held)
        }
        self.done = max(self.done, done)
        let ready = readyCalls()
        condition.unlock()
        for call in ready { start(call) }
    }

    /// A batch whose documents have all been received, taken off its plugin's list: what to send, the
    /// failures to encode among them, and the process started ahead for the plugin's first call.
    private struct Call {
        var batch: Int
        var documents: [EncodedDocument]
        var failures: [Diagnostic]
        var prepared: PreparedChild?
    }

    /// The batches now complete, in plugin order. Called with the lock held.
    private func readyCalls() -> [Call] {
        var ready: [Call] = []
        for plugin in described.indices {
            while nextBatch[plugin] < pluginBatches[plugin].count {
                let index = pluginBatches[plugin][nextBatch[plugin]]
                let batch = batches[index]
                guard let last = batch.positions.last, last < done else { break }
                nextBatch[plugin] += 1
                var sendable: [EncodedDocument] = []
                var failures: [Diagnostic] = []
                for position in batch.positions {
                    guard let entry = entries[position] else { continue }  // it did not load: nothing to send
                    switch entry.encoded {
                    case .success(let encoded): sendable.append(encoded)
                    case .failure(let failure): failures.append(host.failure(failure, described[plugin], entry.document))
                    }
                }
                let name = described[plugin].plugin.name
                let first = !sendable.isEmpty && usedPrepared.insert(name).inserted
                inFlight += 1
                ready.append(Call(batch: index, documents: sendable, failures: failures, prepared: first ? prepared.children[name] : nil))
            }
        }
        return ready
    }

    /// Sends one batch (or, past the caps once encoded, the fewest batches within them), then takes its answer.
    private func start(_ call: Call) {
        let plugin = described[batches[call.batch].plugin]
        let host = host
        let context = context
        // Planned from file sizes: a batch whose requests came out larger than the byte cap is cut again.
        let parts = plugin.version >= 2 ? PluginBatching.split(call.documents, into: 1) : call.documents.map { [$0] }
        let task = Task {
            var diagnostics = call.failures
            var started = 0
            for (index, part) in parts.enumerated() {
                let answer = await host.checkCounting(part, with: plugin, context: context, prepared: index == 0 ? call.prepared : nil)
                diagnostics += answer.diagnostics
                started += answer.started
            }
            self.finish(call.batch, diagnostics, started: started)
        }
        condition.withLock { tasks.append(task) }
    }

    /// Records a batch's answer, and the processes its calls started, and releases the documents no other
    /// batch waits for.
    private func finish(_ batch: Int, _ diagnostics: [Diagnostic], started: Int) {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        answers[batch] = diagnostics
        calls += started
        var byFile: [String: Set<Int>] = [:]
        for diagnostic in diagnostics {
            if let location = diagnostic.location { byFile[location.file, default: []].insert(location.line) }
        }
        for position in batches[batch].positions {
            guard var entry = entries[position] else { continue }
            entry.lines.formUnion(byFile[entry.document.file] ?? [])
            entry.waiting -= 1
            guard entry.waiting == 0 else {
                entries[position] = entry
                continue
            }
            entries[position] = nil
            if !entry.held, !entry.lines.isEmpty {
                let lines = QuotedLines(of: entry.bytes, keeping: entry.lines)
                quotedLines[entry.document.file] = quotedLines[entry.document.file]?.merging(lines) ?? lines
            }
        }
        inFlight -= 1
    }

    /// Waits for every batch to answer, once the check has handed on every document: the plugins' findings
    /// and failures (`failures` are the describe failures, first), as ``PluginHost/run(_:on:policies:prepared:)``
    /// reports them, and the lines their diagnostics point at in each released document.
    public func finish(failures describeFailures: [Diagnostic], describeProcesses: Int) async
        -> (report: PluginRunReport, quoted: [String: QuotedLines]) {
        for call in closePlan() { start(call) }
        for task in condition.withLock({ tasks }) { await task.value }
        return condition.withLock { report(failures: describeFailures, describeProcesses: describeProcesses) }
    }

    /// Counts whatever was planned and never handed on (the check ended early) as received: the batches
    /// that completes.
    private func closePlan() -> [Call] {
        condition.withLock {
            done = cover.count
            return readyCalls()
        }
    }

    /// What every batch answered, plugin by plugin and batch by batch. Called with the lock held.
    private func report(failures describeFailures: [Diagnostic], describeProcesses: Int) -> (report: PluginRunReport, quoted: [String: QuotedLines]) {
        var findings: [Diagnostic] = []
        var failures = describeFailures
        for own in pluginBatches {
            for batch in own {
                for diagnostic in answers[batch] ?? [] {
                    if diagnostic.isPluginFailure { failures.append(diagnostic) } else { findings.append(diagnostic) }
                }
            }
        }
        // The processes started ahead that no call used: killed when the stream began (their plugin's describe
        // failed), when the plan found nothing for their plugin, when a waiting call needed the slot (reclaimed),
        // or now (every document of their plugin failed to load).
        var unused = 0
        for (name, child) in prepared.children where !usedPrepared.contains(name) || reclaimed.contains(name) {
            child.kill()
            unused += 1
        }
        let report = PluginRunReport(findings: findings, failures: failures, described: described, calls: calls,
                                     processes: describeProcesses + calls + unused + prepared.discarded,
                                     startedAhead: prepared.children.count + prepared.discarded, unused: unused + prepared.discarded)
        return (report, quotedLines)
    }
}
