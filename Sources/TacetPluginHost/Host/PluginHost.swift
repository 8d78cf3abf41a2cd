import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetEngine
import TacetPluginProtocol

/// Runs plugins over documents: `describe` once per plugin, then `check` per document of the kinds
/// it handles, through one ``ProcessSupervisor``. Every failure becomes a diagnostic; none is dropped.
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
        let answers = await withTaskGroup(of: (Int, Result<DescribedPlugin, PluginFailure>).self) { group in
            for (index, plugin) in plugins.enumerated() {
                group.addTask { (index, await self.describe(plugin)) }
            }
            var answers = [Result<DescribedPlugin, PluginFailure>?](repeating: nil, count: plugins.count)
            for await (index, answer) in group { answers[index] = answer }
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
        let calls = described.flatMap { plugin in
            documents.filter { plugin.kinds.contains($0.kind.rawValue) }.map { (plugin, $0) }
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
        return PluginRunReport(findings: findings, failures: failures, described: described, calls: calls.count)
    }

    /// Runs `describe`, or reads its answer from the describe cache, and checks the answer against the
    /// manifest and the protocol.
    public func describe(_ plugin: DiscoveredPlugin) async -> Result<DescribedPlugin, PluginFailure> {
        let cache = options.describeCache
        let key = cache?.key(for: plugin, hostVersions: options.hostVersions)
        // A cached answer goes through the same checks as a live one; one they refuse is asked afresh.
        if let cache, let key, let answer = cache.answer(for: key),
           case .success(let described) = interpretDescribe(PluginExchange(output: answer, errorLines: []), of: plugin) {
            return .success(described)
        }
        switch await exchange(plugin, verb: PluginProtocol.describeVerb,
                              input: PluginContext.describeRequest(versions: options.hostVersions)) {
        case .failure(let failure): return .failure(failure)
        case .success(let exchange):
            let described = interpretDescribe(exchange, of: plugin)
            if case .success = described, let cache, let key, cache.accepts(exchange.output) { cache.store(exchange.output, for: key) }
            return described
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
        guard let version = PluginProtocol.negotiate(host: options.hostVersions, plugin: response.protocols) else {
            let theirs = response.protocols.map(String.init).joined(separator: ", ")
            let ours = options.hostVersions.map(String.init).joined(separator: ", ")
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

    /// Runs `check` of `described` on `document`: its findings and failures, in order.
    public func check(_ document: LoadedDocument, with described: DescribedPlugin, context: PluginContext) async -> [Diagnostic] {
        let input: [UInt8]
        do {
            input = try context.request(for: document, version: described.version)
        } catch {
            return [failure(.notSendable(error), described, document)]
        }
        switch await exchange(described.plugin, verb: PluginProtocol.checkVerb, input: input) {
        case .failure(let failed): return [failure(failed, described, document)]
        case .success(let exchange): return interpretCheck(exchange, on: document, by: described)
        }
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
            if let problem { diagnostics.append(failure(problem, described, document)) }
        }
        return diagnostics
    }

    private func failure(_ failure: PluginFailure, _ described: DescribedPlugin, _ document: LoadedDocument) -> Diagnostic {
        failure.diagnostic(checking: document, by: described.plugin.name, severity: options.failureSeverity)
    }

    /// Runs one call and returns its stdout and first stderr lines, or the failure that ended it.
    public func exchange(_ plugin: DiscoveredPlugin, verb: String, input: [UInt8]) async -> Result<PluginExchange, PluginFailure> {
        let spec = ProcessSpec(executable: plugin.executable, arguments: [plugin.manifest.command[0], verb] + plugin.arguments,
                               environment: PluginEnvironment.make(host: options.hostEnvironment, plugin: plugin,
                                                                   versions: options.hostVersions),
                               workingDirectory: plugin.folder, input: input, timeout: plugin.manifest.timeout,
                               gracePeriod: options.gracePeriod, outputCap: options.outputCap, errorCap: options.errorCap)
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
        guard result.inputWritten == input.count else {
            return .failure(PluginFailure(.requestUnread, "exited after reading \(result.inputWritten) of the request's \(input.count) bytes",
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
