import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPluginProtocol

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

    /// Describes every plugin, then checks every document of their kinds. Pass the policies already
    /// resolved from `documents`, when the caller has them, so they are not resolved again.
    public func run(_ plugins: [DiscoveredPlugin], on documents: [LoadedDocument],
                    policies: [String: ResolvedPolicy]? = nil) async -> PluginRunReport {
        var failures: [Diagnostic] = []
        var described: [DescribedPlugin] = []
        var describeProcesses = 0
        let answers = await withTaskGroup(of: (Int, Result<DescribedPlugin, PluginFailure>, Bool).self) { group in
            for (index, plugin) in plugins.enumerated() {
                group.addTask {
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
        let context = PluginContext(documents, policies: policies)
        // Each document is encoded once, whatever the number of plugins and batches that send it.
        let kinds = described.reduce(into: Set<String>()) { $0.formUnion($1.kinds) }
        var encoded: [Int: Result<EncodedDocument, PluginFailure>] = [:]
        for (index, document) in documents.enumerated() where kinds.contains(document.kind.rawValue) {
            do {
                encoded[index] = .success(try context.encode(document))
            } catch {
                encoded[index] = .failure(.notSendable(error))
            }
        }
        let batchingPlugins = described.filter { $0.version >= 2 }.count
        var calls: [(DescribedPlugin, [EncodedDocument])] = []
        for plugin in described {
            var sendable: [EncodedDocument] = []
            for (index, document) in documents.enumerated() where plugin.kinds.contains(document.kind.rawValue) {
                switch encoded[index] {
                case .success(let ready)?: sendable.append(ready)
                case .failure(let failure)?: failures.append(self.failure(failure, plugin, document))
                case nil: continue  // invariant: every document of a described plugin's kinds was encoded above
                }
            }
            if plugin.version >= 2 {
                let count = PluginBatching.batchCount(jobs: options.jobs, plugins: batchingPlugins, documents: sendable.count)
                calls += PluginBatching.split(sendable, into: count).map { (plugin, $0) }
            } else {
                calls += sendable.map { (plugin, [$0]) }
            }
        }
        let results = await withTaskGroup(of: (Int, [Diagnostic]).self) { group in
            for (index, call) in calls.enumerated() {
                group.addTask { (index, await self.check(call.1, with: call.0, context: context)) }
            }
            var results = [[Diagnostic]](repeating: [], count: calls.count)
            for await (index, diagnostics) in group { results[index] = diagnostics }
            return results
        }
        var findings: [Diagnostic] = []
        for diagnostic in results.joined() {
            if diagnostic.isPluginFailure { failures.append(diagnostic) } else { findings.append(diagnostic) }
        }
        return PluginRunReport(findings: findings, failures: failures, described: described, calls: calls.count,
                               processes: describeProcesses + calls.count)
    }

    /// Runs `describe`, or reads its answer from the describe cache, and checks the answer against the
    /// manifest and the protocol.
    public func describe(_ plugin: DiscoveredPlugin) async -> Result<DescribedPlugin, PluginFailure> {
        await describeCounting(plugin).0
    }

    /// ``describe(_:)``, and whether it started the plugin (false when the cache answered).
    private func describeCounting(_ plugin: DiscoveredPlugin) async -> (Result<DescribedPlugin, PluginFailure>, Bool) {
        let cache = options.describeCache
        let key = cache?.key(for: plugin, hostVersions: options.hostVersions)
        // A cached answer goes through the same checks as a live one; one they refuse is asked afresh.
        if let cache, let key, let answer = cache.answer(for: key),
           case .success(let described) = interpretDescribe(PluginExchange(output: answer, errorLines: []), of: plugin) {
            return (.success(described), false)
        }
        switch await exchange(plugin, verb: PluginProtocol.describeVerb,
                              input: PluginContext.describeRequest(versions: options.hostVersions)) {
        case .failure(let failure): return (.failure(failure), true)
        case .success(let exchange):
            let described = interpretDescribe(exchange, of: plugin)
            if case .success = described, let cache, let key, cache.accepts(exchange.output) { cache.store(exchange.output, for: key) }
            return (described, true)
        }
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
    public func check(_ documents: [EncodedDocument], with described: DescribedPlugin, context: PluginContext) async -> [Diagnostic] {
        guard described.version >= 2 else {
            // Protocol 1: one call per document, exactly as before batches existed.
            var diagnostics: [Diagnostic] = []
            for document in documents {
                switch await exchange(described.plugin, verb: PluginProtocol.checkVerb,
                                      request: context.request(for: document, version: described.version),
                                      timeout: described.plugin.manifest.timeout, outputCap: options.outputCap) {
                case .failure(let failed): diagnostics.append(failure(failed, described, document.document))
                case .success(let exchange): diagnostics += interpretCheck(exchange, on: document.document, by: described)
                }
            }
            return diagnostics
        }
        let loaded = documents.map(\.document)
        switch await exchange(described.plugin, verb: PluginProtocol.checkVerb, request: context.batchRequest(for: documents),
                              timeout: PluginBatching.timeout(described.plugin.manifest.timeout, documents: documents.count),
                              outputCap: PluginBatching.outputCap(options.outputCap, documents: documents.count)) {
        case .failure(let failed): return loaded.map { failure(failed, described, $0, batch: loaded.count) }
        case .success(let exchange): return interpretBatch(exchange, on: loaded, by: described)
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

    private func failure(_ failure: PluginFailure, _ described: DescribedPlugin, _ document: LoadedDocument, batch: Int = 1) -> Diagnostic {
        failure.diagnostic(checking: document, by: described.plugin.name, severity: options.failureSeverity, batch: batch)
    }

    /// Runs one call with the plugin's own timeout and the default caps: its stdout and first stderr lines,
    /// or the failure that ended it.
    public func exchange(_ plugin: DiscoveredPlugin, verb: String, input: [UInt8]) async -> Result<PluginExchange, PluginFailure> {
        await exchange(plugin, verb: verb, request: input.isEmpty ? [] : [input], timeout: plugin.manifest.timeout,
                       outputCap: options.outputCap)
    }

    /// Runs one call and returns its stdout and first stderr lines, or the failure that ended it.
    public func exchange(_ plugin: DiscoveredPlugin, verb: String, request: [[UInt8]], timeout: Double,
                         outputCap: Int) async -> Result<PluginExchange, PluginFailure> {
        var spec = ProcessSpec(executable: plugin.executable, arguments: [plugin.manifest.command[0], verb] + plugin.arguments,
                               environment: PluginEnvironment.make(host: options.hostEnvironment, plugin: plugin,
                                                                   versions: options.hostVersions),
                               workingDirectory: plugin.folder, timeout: timeout,
                               gracePeriod: options.gracePeriod, outputCap: outputCap, errorCap: options.errorCap)
        spec.inputParts = request
        let result: ProcessResult
        do {
            result = try await supervisor.run(spec)
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

    /// Decodes a response, or says in a phrase what is wrong with it.
    static func decode<T: Decodable>(_ type: T.Type, from output: [UInt8]) -> Result<T, DecodeProblem> {
        guard output.contains(where: { !Self.isJSONSpace($0) }) else { return .failure(DecodeProblem("no output")) }
        do {
            return .success(try JSONDecoder().decode(type, from: Data(output)))
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
