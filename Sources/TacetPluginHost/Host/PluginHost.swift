import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPluginProtocol
import TacetYAML

/// Runs plugins over documents: `describe` once per plugin, then `check`: a protocol 1 plugin once per
/// document of the kinds it handles, a protocol 2 plugin once per batch of them (``PluginBatching``), all
/// through one ``ProcessSupervisor``. Every failure becomes a diagnostic on every document it concerns;
/// none is dropped.
public struct PluginHost: Sendable {
    /// The options.
    public let options: PluginRunOptions
    /// The supervisor that starts every child.
    public let supervisor: ProcessSupervisor

    /// Creates a host.
    public init(options: PluginRunOptions) {
        self.options = options
        supervisor = ProcessSupervisor(jobs: options.jobs)
    }

    /// Gets plugins ready before the documents are loaded: starts the `check` process of each plugin whose
    /// manifest names kinds (``ProcessSupervisor/prepare(_:)``), first of all, so that its start-up (an
    /// interpreter loading, a binary linking) overlaps everything else the run does, the describe cache's
    /// digests included; then reads each plugin's describe answer from the cache. A process whose plugin the
    /// cache answers with no kinds is killed at once. A plugin the cache does not answer is described live
    /// by ``run(_:on:policies:prepared:)`` first; while any plugin needs such a live describe, one slot is
    /// left free for it, by killing a process just started (one of a plugin the cache did not answer, if
    /// any). A slot given back goes to the next plugin the cache answered with kinds. Without a describe
    /// cache that is read (`--no-cache`, `--refresh`) every plugin needs a live describe, and nothing is
    /// started ahead.
    ///
    /// The process started ahead is the one the plugin's first call would start (same command, `check`
    /// argument, folder and environment: none of them depends on the negotiated protocol version); the
    /// request, written only once the documents are known, carries the version. Its timeout counts from
    /// when the request starts being written.
    public func prepare(_ plugins: [DiscoveredPlugin]) -> PluginPreparation {
        guard let cache = options.describeCache, cache.mode == .use else { return .none }
        var children: [String: PreparedChild] = [:]
        var order: [String] = []
        func start(_ plugin: DiscoveredPlugin) {
            guard let child = supervisor.prepare(processSpec(plugin, verb: PluginProtocol.checkVerb, timeout: plugin.manifest.timeout,
                                                             outputCap: options.outputCap)) else { return }
            children[plugin.name] = child
            order.append(plugin.name)
        }
        for plugin in plugins where order.count < options.jobs && !plugin.manifest.kinds.isEmpty && children[plugin.name] == nil {
            start(plugin)
        }
        var described: [String: DescribedPlugin] = [:]
        for plugin in plugins {
            if let answer = cachedDescribe(plugin) { described[plugin.name] = answer }
        }
        var discarded = 0
        func discard(_ name: String) {
            children.removeValue(forKey: name)?.kill()
            order.removeAll { $0 == name }
            discarded += 1
        }
        for name in order where described[name].map({ $0.kinds.isEmpty }) == true { discard(name) }
        let describesLive = plugins.contains { described[$0.name] == nil }
        if describesLive, order.count >= options.jobs, let name = order.last(where: { described[$0] == nil }) ?? order.last {
            discard(name)
        }
        // A slot given back by a plugin with nothing to check goes to the next plugin the cache answered with
        // kinds, as the first pass would have given it had the answers been read first.
        for plugin in plugins where order.count < options.jobs - (describesLive ? 1 : 0) && children[plugin.name] == nil
            && described[plugin.name].map({ !$0.kinds.isEmpty }) == true {
            start(plugin)
        }
        return PluginPreparation(described: described, children: children, discarded: discarded)
    }

    /// Describes every plugin, then checks every document of their kinds. Pass the policies already
    /// resolved from `documents`, when the caller has them, so they are not resolved again, and what
    /// ``prepare(_:)`` got ready, if it ran: its cached describe answers are used and its processes serve
    /// each plugin's first call; the ones no call needs are killed before any call starts, and none is
    /// left waiting when this returns.
    public func run(_ plugins: [DiscoveredPlugin], on documents: [LoadedDocument],
                    policies: [String: ResolvedPolicy]? = nil, prepared: PluginPreparation = .none) async -> PluginRunReport {
        defer { prepared.discard() }
        let describing = await describe(plugins, prepared: prepared)
        let described = describing.described
        let describeProcesses = describing.processes
        var failures = describing.failures
        let context = PluginContext(documents, policies: policies)
        // Each document is encoded once, whatever the number of plugins and batches that send it.
        let kinds = described.reduce(into: Set<String>()) { $0.formUnion($1.kinds) }
        // On every core: no plugin starts before this is done, and on one thread the other cores stayed
        // idle while the million strings of 2,000 workflows were escaped.
        let wanted = documents.indices.filter { kinds.contains(documents[$0].kind.rawValue) }
        let encodings = Parallel.map(wanted.count) { slot in
            Result { () throws(YAMLError) in try context.encode(documents[wanted[slot]]) }.mapError(PluginFailure.notSendable)
        }
        let encoded = Dictionary(uniqueKeysWithValues: zip(wanted, encodings))
        let batchingPlugins = described.filter { $0.version >= 2 }.count
        var calls: [(DescribedPlugin, [EncodedDocument], PreparedChild?)] = []
        for plugin in described {
            var sendable: [EncodedDocument] = []
            for (index, document) in documents.enumerated() where plugin.kinds.contains(document.kind.rawValue) {
                switch encoded[index] {
                case .success(let ready)?: sendable.append(ready)
                case .failure(let failure)?: failures.append(self.failure(failure, plugin, document))
                case nil: continue  // invariant: every document of a described plugin's kinds was encoded above
                }
            }
            let batches = plugin.version >= 2
                ? PluginBatching.split(sendable, into: PluginBatching.batchCount(jobs: options.jobs, plugins: batchingPlugins,
                                                                                   documents: sendable.count))
                : sendable.map { [$0] }
            // The process started ahead serves the plugin's first call.
            calls += batches.enumerated().map { (plugin, $1, $0 == 0 ? prepared.children[plugin.plugin.name] : nil) }
        }
        // The processes started ahead that no call uses give their slots back before any call waits for one.
        let used = Set(calls.compactMap { $0.2.map(ObjectIdentifier.init) })
        var unused = 0
        for child in prepared.children.values where !used.contains(ObjectIdentifier(child)) && child.isWaiting {
            child.kill()
            unused += 1
        }
        var started = 0
        let results = await withTaskGroup(of: (Int, [Diagnostic], Int).self) { group in
            for (index, call) in calls.enumerated() {
                group.addTask {
                    let (diagnostics, processes) = await self.checkCounting(call.1, with: call.0, context: context, prepared: call.2)
                    return (index, diagnostics, processes)
                }
            }
            var results = [[Diagnostic]](repeating: [], count: calls.count)
            for await (index, diagnostics, processes) in group {
                results[index] = diagnostics
                started += processes
            }
            return results
        }
        var findings: [Diagnostic] = []
        for diagnostic in results.joined() {
            if diagnostic.isPluginFailure { failures.append(diagnostic) } else { findings.append(diagnostic) }
        }
        return PluginRunReport(findings: findings, failures: failures, described: described, calls: started,
                               processes: describeProcesses + started + unused + prepared.discarded,
                               startedAhead: prepared.children.count + prepared.discarded, unused: unused + prepared.discarded)
    }

    /// Describes every plugin (from `prepared`'s cached answers where it has them), concurrently: the plugins
    /// that described themselves acceptably, in the order given, the failures of the others (on their
    /// manifests), and how many `describe` processes were started.
    public func describe(_ plugins: [DiscoveredPlugin], prepared: PluginPreparation = .none) async
        -> (described: [DescribedPlugin], failures: [Diagnostic], processes: Int) {
        var failures: [Diagnostic] = []
        var described: [DescribedPlugin] = []
        var describeProcesses = 0
        let answers = await withTaskGroup(of: (Int, Result<DescribedPlugin, PluginFailure>, Bool).self) { group in
            for (index, plugin) in plugins.enumerated() {
                group.addTask {
                    if let ready = prepared.described[plugin.name] { return (index, .success(ready), false) }
                    let (answer, started) = await self.describeCounting(plugin)
                    return (index, answer, started)
                }
            }
            var answers = [Result<DescribedPlugin, PluginFailure>?](repeating: nil, count: plugins.count)
            for await (index, answer, started) in group {
                answers[index] = answer
                if started { describeProcesses += 1 }
            }
            return answers
        }
        for (plugin, answer) in zip(plugins, answers) {
            switch answer {
            case .success(let plugin)?: described.append(plugin)
            case .failure(let failure)?: failures.append(failure.diagnostic(describing: plugin, severity: options.failureSeverity))
            case nil: continue  // invariant: the group answers every index
            }
        }
        return (described, failures, describeProcesses)
    }

    /// Runs `describe`, or reads its answer from the describe cache, and checks the answer against the
    /// manifest and the protocol.
    public func describe(_ plugin: DiscoveredPlugin) async -> Result<DescribedPlugin, PluginFailure> {
        await describeCounting(plugin).0
    }

    /// ``describe(_:)``, and whether it started the plugin (false when the cache answered).
    private func describeCounting(_ plugin: DiscoveredPlugin) async -> (Result<DescribedPlugin, PluginFailure>, Bool) {
        if let described = cachedDescribe(plugin) { return (.success(described), false) }
        let cache = options.describeCache
        let key = cache?.key(for: plugin, hostVersions: options.hostVersions)
        switch await exchange(plugin, verb: PluginProtocol.describeVerb,
                              input: PluginContext.describeRequest(versions: options.hostVersions)) {
        // A process that could not be started is not counted as one.
        case .failure(let failure): return (.failure(failure), failure.code != .spawnFailed)
        case .success(let exchange):
            let described = interpretDescribe(exchange, of: plugin)
            if case .success = described, let cache, let key, cache.accepts(exchange.output) { cache.store(exchange.output, for: key) }
            return (described, true)
        }
    }

    /// `plugin`'s describe answer from the cache, checked as a live answer is; nil when the cache has none
    /// (or is off, or the checks refuse it: then the plugin is asked afresh).
    private func cachedDescribe(_ plugin: DiscoveredPlugin) -> DescribedPlugin? {
        guard let cache = options.describeCache, let key = cache.key(for: plugin, hostVersions: options.hostVersions),
              let answer = cache.answer(for: key),
              case .success(let described) = interpretDescribe(PluginExchange(output: answer, errorLines: []), of: plugin) else { return nil }
        return described
    }

    /// Checks a describe answer against the manifest and the protocol.
    public func interpretDescribe(_ exchange: PluginExchange, of plugin: DiscoveredPlugin) -> Result<DescribedPlugin, PluginFailure> {
        let errorLines = exchange.errorLines
        let response: DescribeResponse
        switch Self.decode(DescribeResponse.self, from: exchange.output) {
        case .failure(let reason): return .failure(PluginFailure(.malformedOutput, "answered describe with \(reason)", errorLines: errorLines))
        case .success(let decoded): response = decoded
        }
        func invalid(_ phrase: String) -> Result<DescribedPlugin, PluginFailure> {
            .failure(PluginFailure(.invalidResponse, phrase, errorLines: errorLines))
        }
        guard response.name == plugin.name else {
            return invalid("calls itself '\(response.name)' in its describe response")
        }
        // The version both the manifest and the answer list: a manifest still saying [1] keeps a plugin on
        // protocol 1 whatever its library answers (as kinds are those both name).
        let spoken = response.protocols.filter(plugin.manifest.protocols.contains)
        guard let version = PluginProtocol.negotiate(host: options.hostVersions, plugin: spoken) else {
            let theirs = response.protocols.map(String.init).joined(separator: ", ")
            let ours = options.hostVersions.map(String.init).joined(separator: ", ")
            if PluginProtocol.negotiate(host: options.hostVersions, plugin: response.protocols) != nil {
                let manifest = plugin.manifest.protocols.map(String.init).joined(separator: ", ")
                return .failure(PluginFailure(.protocolMismatch, "speaks protocol \(theirs) in its describe response but \(manifest) in its "
                                              + "manifest; this Tacet speaks \(ours)", errorLines: errorLines))
            }
            return .failure(PluginFailure(.protocolMismatch, "speaks protocol \(theirs.isEmpty ? "none" : theirs); this Tacet speaks \(ours)",
                                          errorLines: errorLines))
        }
        var rules: [String: PluginRule] = [:]
        for rule in response.rules {
            guard PluginProtocol.isValidRuleID(rule.id, plugin: plugin.name) else {
                return invalid("describes rule '\(rule.id)', which is not '\(plugin.name)/' followed by a lowercase slug")
            }
            guard rules[rule.id] == nil else { return invalid("describes rule '\(rule.id)' twice") }
            rules[rule.id] = rule
        }
        return .success(DescribedPlugin(plugin: plugin, description: response, version: version, rules: rules))
    }

    /// Runs `check` of `described` on `document` alone, under its negotiated protocol: its findings and failures.
    public func check(_ document: LoadedDocument, with described: DescribedPlugin, context: PluginContext) async -> [Diagnostic] {
        do {
            return await check([try context.encode(document)], with: described, context: context)
        } catch {
            return [failure(.notSendable(error), described, document)]
        }
    }

    /// Runs one `check` call of `described` on `documents`: one document under protocol 1, a batch under
    /// protocol 2, with the batch's timeout and output cap (``PluginBatching``). Findings and failures, in
    /// order; a failure of the call is reported on every document it covered.
    /// `prepared`, a process started ahead for this plugin's `check`, serves the (first) call.
    public func check(_ documents: [EncodedDocument], with described: DescribedPlugin, context: PluginContext,
                      prepared: PreparedChild? = nil) async -> [Diagnostic] {
        await checkCounting(documents, with: described, context: context, prepared: prepared).diagnostics
    }

    /// ``check(_:with:context:prepared:)``, and how many processes it started (or took over from `prepared`):
    /// a call whose process could not be started is reported on its documents but not counted, so that a
    /// run's `calls` are the check processes it really ran.
    func checkCounting(_ documents: [EncodedDocument], with described: DescribedPlugin, context: PluginContext,
                       prepared: PreparedChild? = nil) async -> (diagnostics: [Diagnostic], started: Int) {
        guard described.version >= 2 else {
            // Protocol 1: one call per document, exactly as before batches existed.
            var diagnostics: [Diagnostic] = []
            var started = 0
            for (index, document) in documents.enumerated() {
                switch await exchange(described.plugin, verb: PluginProtocol.checkVerb,
                                      request: context.request(for: document, version: described.version),
                                      timeout: described.plugin.manifest.timeout, outputCap: options.outputCap,
                                      prepared: index == 0 ? prepared : nil) {
                case .failure(let failed):
                    diagnostics.append(failure(failed, described, document.document))
                    if failed.code != .spawnFailed { started += 1 }
                case .success(let exchange):
                    diagnostics += interpretCheck(exchange, on: document.document, by: described)
                    started += 1
                }
            }
            return (diagnostics, started)
        }
        let loaded = documents.map(\.document)
        switch await exchange(described.plugin, verb: PluginProtocol.checkVerb, request: context.batchRequest(for: documents),
                              timeout: PluginBatching.timeout(described.plugin.manifest.timeout, documents: documents.count),
                              outputCap: PluginBatching.outputCap(options.outputCap, documents: documents.count), prepared: prepared) {
        case .failure(let failed): return (loaded.map { failure(failed, described, $0, batch: loaded.count) }, failed.code == .spawnFailed ? 0 : 1)
        case .success(let exchange): return (interpretBatch(exchange, on: loaded, by: described), 1)
        }
    }

    /// Turns a protocol 2 answer into findings mapped onto each document's own file, and failures: on every
    /// document when the answer as a whole is wrong (not JSON, a whole-batch `error`, an index out of range
    /// or repeated), on one document when only its result is (missing, its own `error`, a bad finding).
    public func interpretBatch(_ exchange: PluginExchange, on documents: [LoadedDocument], by described: DescribedPlugin) -> [Diagnostic] {
        let errorLines = exchange.errorLines
        func everyDocument(_ code: PluginErrorCode, _ phrase: String) -> [Diagnostic] {
            documents.map { failure(PluginFailure(code, phrase, errorLines: errorLines), described, $0, batch: documents.count) }
        }
        let response: BatchCheckResponse
        switch Self.decode(BatchCheckResponse.self, from: exchange.output) {
        case .failure(let reason): return everyDocument(.malformedOutput, "answered check with \(reason)")
        case .success(let decoded): response = decoded
        }
        if let error = response.error {
            return everyDocument(.couldNotJudge, "could not judge this batch of \(documents.count) documents: \(error.message)")
        }
        guard let results = response.results else {
            if case .success(let answer) = Self.decode(CheckResponse.self, from: exchange.output), answer.findings != nil {
                return everyDocument(.invalidResponse, "answered a protocol 2 check with a protocol 1 answer ('findings', not 'results')")
            }
            return everyDocument(.invalidResponse, "answered check with neither results nor error")
        }
        var byIndex = [DocumentResult?](repeating: nil, count: documents.count)
        for result in results {
            guard documents.indices.contains(result.document) else {
                return everyDocument(.invalidResponse, "answered for document \(result.document), but the request held "
                                     + "\(documents.count) (indices 0 to \(documents.count - 1))")
            }
            guard byIndex[result.document] == nil else {
                return everyDocument(.invalidResponse, "answered for document \(result.document) twice")
            }
            byIndex[result.document] = result
        }
        var diagnostics: [Diagnostic] = []
        for (index, document) in documents.enumerated() {
            func problem(_ code: PluginErrorCode, _ phrase: String) {
                diagnostics.append(failure(PluginFailure(code, phrase, errorLines: errorLines), described, document, batch: documents.count))
            }
            guard let result = byIndex[index] else {
                problem(.invalidResponse, "answered for \(results.count) of \(documents.count) documents, not this one (document \(index))")
                continue
            }
            if let error = result.error {
                problem(.couldNotJudge, "could not judge this document: \(error.message)")
            } else if let findings = result.findings {
                diagnostics += map(findings, onto: document, by: described, errorLines: errorLines, batch: documents.count)
            } else {
                problem(.invalidResponse, "answered document \(index) with neither findings nor error")
            }
        }
        return diagnostics
    }

    /// Turns a check answer into findings mapped onto `document`, and failures for what breaks the protocol.
    public func interpretCheck(_ exchange: PluginExchange, on document: LoadedDocument, by described: DescribedPlugin) -> [Diagnostic] {
        let errorLines = exchange.errorLines
        let response: CheckResponse
        switch Self.decode(CheckResponse.self, from: exchange.output) {
        case .failure(let reason):
            return [failure(PluginFailure(.malformedOutput, "answered check with \(reason)", errorLines: errorLines), described, document)]
        case .success(let decoded): response = decoded
        }
        if let error = response.error {
            return [failure(PluginFailure(.couldNotJudge, "could not judge this document: \(error.message)", errorLines: errorLines),
                            described, document)]
        }
        guard let findings = response.findings else {
            return [failure(PluginFailure(.invalidResponse, "answered check with neither findings nor error", errorLines: errorLines),
                            described, document)]
        }
        return map(findings, onto: document, by: described, errorLines: errorLines)
    }

    /// Findings of one document mapped to file:line:column through their pointers into its own content;
    /// a finding that breaks a rule of the protocol is a failure on that document instead.
    private func map(_ findings: [PluginFinding], onto document: LoadedDocument, by described: DescribedPlugin,
                     errorLines: [String], batch: Int = 1) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for finding in findings {
            let quoted = "'\(finding.message.prefix(120))'"
            let problem: PluginFailure?
            if described.rules[finding.rule] == nil {
                problem = PluginFailure(.undeclaredRule, "reported rule '\(finding.rule)', which it did not describe: \(quoted)",
                                        errorLines: errorLines)
            } else if finding.message.isEmpty {
                problem = PluginFailure(.invalidResponse, "reported a finding of rule '\(finding.rule)' without a message", errorLines: errorLines)
            } else if let node = document.root.node(at: finding.pointer) {
                problem = nil
                diagnostics.append(Diagnostic(rule: finding.rule, severity: Severity(finding.severity), message: finding.message,
                                              origin: .plugin(described.plugin.name), location: node.mark.location(in: document.file),
                                              pointer: finding.pointer, hint: finding.hint, citations: finding.citations ?? []))
            } else {
                problem = PluginFailure(.badPointer, "pointed at '\(finding.pointer)', which names nothing in the document: \(quoted)",
                                        errorLines: errorLines)
            }
            if let problem { diagnostics.append(failure(problem, described, document, batch: batch)) }
        }
        return diagnostics
    }

    func failure(_ failure: PluginFailure, _ described: DescribedPlugin, _ document: LoadedDocument, batch: Int = 1) -> Diagnostic {
        failure.diagnostic(checking: document, by: described.plugin.name, severity: options.failureSeverity, batch: batch)
    }

    /// Runs one call with the plugin's own timeout and the default caps: its stdout and first stderr lines,
    /// or the failure that ended it.
    public func exchange(_ plugin: DiscoveredPlugin, verb: String, input: [UInt8]) async -> Result<PluginExchange, PluginFailure> {
        await exchange(plugin, verb: verb, request: input.isEmpty ? [] : [input], timeout: plugin.manifest.timeout,
                       outputCap: options.outputCap)
    }

    /// Runs one call and returns its stdout and first stderr lines, or the failure that ended it; through
    /// `prepared`, the process started ahead for it, when there is one.
    public func exchange(_ plugin: DiscoveredPlugin, verb: String, request: [[UInt8]], timeout: Double,
                         outputCap: Int, prepared: PreparedChild? = nil) async -> Result<PluginExchange, PluginFailure> {
        var spec = processSpec(plugin, verb: verb, timeout: timeout, outputCap: outputCap)
        spec.inputParts = request
        let result: ProcessResult
        do {
            result = try await supervisor.run(spec, prepared: prepared)
        } catch {
            return .failure(PluginFailure(.spawnFailed, "could not be started: \(error)"))
        }
        let lines = PluginFailure.lines(of: result.errorOutput)
        switch result.stop {
        case .timeout(let seconds):
            return .failure(PluginFailure(.timeout, "timed out after \(Self.seconds(seconds)) and was stopped (SIGTERM, then SIGKILL)",
                                          errorLines: lines))
        case .outputCap(let stream, let cap):
            return .failure(PluginFailure(.outputTooLarge, "wrote more than \(cap) bytes to \(stream) and was killed", errorLines: lines))
        case nil:
            break
        }
        switch result.termination {
        case .signalled(let signal):
            return .failure(PluginFailure(.crashed, "was killed by signal \(SignalName.of(signal))", errorLines: lines))
        case .exited(let status) where status != 0:
            return .failure(PluginFailure(.exitStatus, "exited with status \(status)", errorLines: lines))
        case .exited:
            break
        }
        guard result.inputWritten == spec.inputCount else {
            return .failure(PluginFailure(.requestUnread, "exited after reading \(result.inputWritten) of the request's \(spec.inputCount) bytes",
                                          errorLines: lines))
        }
        return .success(PluginExchange(output: result.output, errorLines: lines))
    }

    /// The process spec of one call of `plugin` (no request yet): its manifest's command with the verb, in its
    /// folder, with the allowlisted environment, the host's grace period and stderr cap.
    func processSpec(_ plugin: DiscoveredPlugin, verb: String, timeout: Double, outputCap: Int) -> ProcessSpec {
        ProcessSpec(executable: plugin.executable, arguments: [plugin.manifest.command[0], verb] + plugin.arguments,
                    environment: PluginEnvironment.make(host: options.hostEnvironment, plugin: plugin, versions: options.hostVersions),
                    workingDirectory: plugin.folder, timeout: timeout, gracePeriod: options.gracePeriod, outputCap: outputCap,
                    errorCap: options.errorCap)
    }

    /// Decodes a response, or says in a phrase what is wrong with it.
    ///
    /// Through ``JSONParser`` and ``JSONValueDecoder`` (the same `DecodingError`s as `JSONDecoder`, so the
    /// same phrases): `JSONDecoder`'s first use in a process cost a small check more than the answers' parse.
    static func decode<T: Decodable>(_ type: T.Type, from output: [UInt8]) -> Result<T, DecodeProblem> {
        guard output.contains(where: { !Self.isJSONSpace($0) }) else { return .failure(DecodeProblem("no output")) }
        do {
            return .success(try JSONValueDecoder().decode(type, from: output))
        } catch let error as DecodingError {
            return .failure(DecodeProblem(Self.describe(error)))
        } catch {
            return .failure(DecodeProblem("output that is not JSON"))
        }
    }

    /// A decoding problem in a phrase.
    struct DecodeProblem: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private static func isJSONSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "JSON lacking '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "JSON of the wrong shape at \(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "output that is not JSON"
                : "an invalid value at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "JSON it could not read"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
