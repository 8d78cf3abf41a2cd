// Not Foundation where FoundationEssentials exists: see ProtocolChannel.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TacetPluginProtocol

/// Runs a ``TacetPlugin`` as the protocol asks: argv `describe` or `check`, one JSON request on
/// stdin, one JSON response on stdout, in protocol 1 or 2 as the request's `protocolVersion` says.
///
/// Before anything else it moves the protocol channel to a private descriptor and points standard
/// output at standard error, so a stray `print` in the plugin shows up in the host's report instead of
/// corrupting the response.
public enum PluginMain {
    /// The protocol versions the kit speaks; a plugin's describe answer lists these unless it has a
    /// reason to speak fewer.
    public static let protocols = [1, 2]

    /// Runs `plugin` and exits the process with its status.
    public static func exit(_ plugin: some TacetPlugin) -> Never {
        ProtocolChannel.exit(run(plugin, arguments: CommandLine.arguments))
    }

    /// Runs `plugin` with `arguments` (argv) and returns the exit status: 0 when a response was
    /// written (findings or an error object), 2 for a call the protocol does not define.
    public static func run(_ plugin: some TacetPlugin, arguments: [String]) -> Int32 {
        guard let channel = ProtocolChannel.takeStandardOutput() else {
            ProtocolChannel.writeError("cannot set up the protocol channel\n")
            return 1
        }
        let input = ProtocolChannel.readStandardInput()
        let response: Data
        switch arguments.dropFirst().first {
        case PluginProtocol.describeVerb:
            response = encode(plugin.description)
        case PluginProtocol.checkVerb:
            response = respond(plugin, input: input)
        default:
            ProtocolChannel.writeError("usage: \(arguments.first ?? "plugin") describe|check < request.json\n")
            return 2
        }
        return channel.write(response) ? 0 : 1
    }

    /// The encoded answer to a check request of either protocol version, as `check` writes it: a
    /// ``BatchCheckResponse`` for protocol 2, a ``CheckResponse`` otherwise.
    /// Public so that a plugin's own tests can see exactly what the host would read.
    public static func respond(_ plugin: some TacetPlugin, input: Data) -> Data {
        // The request is parsed once, whichever version it turns out to be.
        let request = parse(input)
        return switch requestedVersion(request) {
        case 2?: encode(checkBatch(plugin, request: request))
        default: encode(check(plugin, request: request))
        }
    }

    /// The response to a protocol 1 check request: findings, or an error object saying why there are none.
    /// Public so that a plugin's own tests can call it without spawning the plugin.
    public static func check(_ plugin: some TacetPlugin, input: Data) -> CheckResponse {
        check(plugin, request: parse(input))
    }

    static func check(_ plugin: some TacetPlugin, request parsed: Result<JSONValue, any Error>) -> CheckResponse {
        let request: CheckRequest
        do {
            request = try JSONValueDecoder().decode(CheckRequest.self, from: parsed.get())
        } catch {
            return CheckResponse(error: PluginErrorReport(message: "could not read the check request: \(phrase(error))"))
        }
        if let refusal = refusal(of: request.protocolVersion, by: plugin) { return CheckResponse(error: refusal) }
        let context = CheckContext(protocolVersion: request.protocolVersion, policy: request.policy, framework: request.framework,
                                   roster: request.roster)
        do {
            return CheckResponse(findings: try plugin.check(request.document, context: context))
        } catch {
            return CheckResponse(error: PluginErrorReport(message: String(describing: error)))
        }
    }

    /// The request as JSON, or why it is not JSON (a `DecodingError`, as decoding it would throw).
    ///
    /// Parsed by `JSONParser`, not `JSONDecoder`: on Linux, `JSONDecoder` spent most of a large batch's
    /// time finding out what type each of the documents' values was.
    static func parse(_ input: Data) -> Result<JSONValue, any Error> {
        Result { try JSONValueDecoder.parse(input) }
    }

    /// The version a request asks for, or nil when the input does not say.
    private static func requestedVersion(_ request: Result<JSONValue, any Error>) -> Int? {
        guard case .success(let value) = request else { return nil }
        return try? JSONValueDecoder().decode(VersionProbe.self, from: value).protocolVersion
    }

    /// The error to answer a request of `version` with, or nil when the plugin speaks it.
    static func refusal(of version: Int, by plugin: some TacetPlugin) -> PluginErrorReport? {
        if plugin.description.protocols.contains(version), protocols.contains(version) { return nil }
        let spoken = plugin.description.protocols.filter(protocols.contains).map(String.init).joined(separator: ", ")
        return PluginErrorReport(message: "the host asked for protocol \(version); this plugin speaks \(spoken.isEmpty ? "none" : spoken)")
    }

    /// A decoding error in words, with the path to what is wrong (`documents[2]: 'kind' is missing`), for the
    /// `error` message a plugin author or user reads in the host's report; `within` leading path components
    /// (those the message already names) are left out.
    static func phrase(_ error: any Error, within: Int = 0) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.dropFirst(within).map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "" : String(path.drop { $0 == "." }) + ": "
        }
        switch error {
        case .keyNotFound(let key, let context): return at(context) + "'\(key.stringValue)' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return at(context) + context.debugDescription
        @unknown default: return String(describing: error)
        }
    }

    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // invariant: the protocol types hold only strings, numbers, arrays and objects, which always encode.
        return (try? encoder.encode(value)) ?? Data("{\"error\":{\"message\":\"the response could not be encoded\"}}".utf8)
    }

    /// Only the version of a request, read before deciding which request type to decode.
    private struct VersionProbe: Decodable {
        let protocolVersion: Int
    }
}
