import Foundation
import TacetPluginProtocol

/// Runs a ``TacetPlugin`` as the protocol asks: argv `describe` or `check`, one JSON request on
/// stdin, one JSON response on stdout.
///
/// Before anything else it moves the protocol channel to a private descriptor and points standard
/// output at standard error, so a stray `print` in the plugin shows up in the host's report instead of
/// corrupting the response.
public enum PluginMain {
    /// Runs `plugin` and exits the process with its status.
    public static func exit(_ plugin: some TacetPlugin) -> Never {
        Foundation.exit(run(plugin, arguments: CommandLine.arguments))
    }

    /// Runs `plugin` with `arguments` (argv) and returns the exit status: 0 when a response was
    /// written (findings or an error object), 2 for a call the protocol does not define.
    public static func run(_ plugin: some TacetPlugin, arguments: [String]) -> Int32 {
        guard let channel = ProtocolChannel.takeStandardOutput() else {
            FileHandle.standardError.write(Data("cannot set up the protocol channel\n".utf8))
            return 1
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let response: Data
        switch arguments.dropFirst().first {
        case PluginProtocol.describeVerb:
            response = encode(plugin.description)
        case PluginProtocol.checkVerb:
            response = encode(check(plugin, input: input))
        default:
            FileHandle.standardError.write(Data("usage: \(arguments.first ?? "plugin") describe|check < request.json\n".utf8))
            return 2
        }
        return channel.write(response) ? 0 : 1
    }

    /// The response to a check request: findings, or an error object saying why there are none.
    /// Public so that a plugin's own tests can call it without spawning the plugin.
    public static func check(_ plugin: some TacetPlugin, input: Data) -> CheckResponse {
        let request: CheckRequest
        do {
            request = try JSONDecoder().decode(CheckRequest.self, from: input)
        } catch {
            return CheckResponse(error: PluginErrorReport(message: "could not read the check request: \(error)"))
        }
        guard plugin.description.protocols.contains(request.protocolVersion) else {
            return CheckResponse(error: PluginErrorReport(
                message: "the host asked for protocol \(request.protocolVersion); this plugin speaks \(plugin.description.protocols)"))
        }
        do {
            return CheckResponse(findings: try plugin.check(request))
        } catch {
            return CheckResponse(error: PluginErrorReport(message: String(describing: error)))
        }
    }

    private static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // invariant: the protocol types hold only strings, numbers, arrays and objects, which always encode.
        return (try? encoder.encode(value)) ?? Data("{\"error\":{\"message\":\"the response could not be encoded\"}}".utf8)
    }
}
