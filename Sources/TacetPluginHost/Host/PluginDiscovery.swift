import Crypto
import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetPluginProtocol
import TacetYAML

/// Finds plugins: every `NAME/plugin.yaml` under the plugin directories, checked strictly before
/// anything is run.
public struct PluginDiscovery: Sendable {
    /// Limits for reading manifests.
    public var loader: WorkspaceLoader
    /// Protocol versions this host speaks.
    public var hostVersions: [Int]

    /// Creates a discovery with the given limits.
    public init(limits: YAMLLimits = .default, hostVersions: [Int] = PluginProtocol.versions) {
        loader = WorkspaceLoader(limits: limits)
        self.hostVersions = hostVersions
    }

    /// The plugins in `directories`, in name order; a folder without a manifest is a warning, a
    /// missing directory or an invalid manifest an error.
    public func discover(_ directories: [String]) -> PluginCatalog {
        var catalog = PluginCatalog()
        var seen: [String: DiscoveredPlugin] = [:]
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                catalog.problems.append(Diagnostic(PluginErrorCode.noDirectory, severity: .error, message: "plugin directory '\(directory)' does not exist",
                                                   hint: "pass an existing folder to --plugins, or --no-plugins"))
                continue
            }
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            for entry in entries where !entry.hasPrefix(".") {
                let folder = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
                guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
                let manifestPath = folder + "/plugin.yaml"
                guard FileManager.default.fileExists(atPath: manifestPath) else {
                    catalog.problems.append(Diagnostic(PluginErrorCode.noManifest, severity: .warning, message: "folder '\(folder)' has no plugin.yaml; it is not run",
                                                       hint: "add a manifest (docs/plugin-protocol.md) or move the folder out of \(directory)"))
                    continue
                }
                guard let plugin = load(manifestPath, folderName: entry, folder: folder, into: &catalog) else { continue }
                if let first = seen[plugin.name] {
                    catalog.problems.append(.error(PluginErrorCode.duplicateName,
                                                   "a second plugin is named '\(plugin.name)'",
                                                   at: plugin.document.location(of: "/metadata/name"), pointer: "/metadata/name",
                                                   hint: "plugin names must be unique across all plugin directories",
                                                   notes: [DiagnosticNote("the first is here", at: first.document.location(of: "/metadata/name"))]))
                    continue
                }
                seen[plugin.name] = plugin
            }
        }
        catalog.plugins = seen.values.sorted { $0.name < $1.name }
        catalog.problems.sort()
        return catalog
    }

    private func load(_ path: String, folderName: String, folder: String, into catalog: inout PluginCatalog) -> DiscoveredPlugin? {
        let workspace = loader.load([path])
        catalog.sources.merge(workspace.sources) { first, _ in first }
        catalog.problems += workspace.diagnostics
        guard !workspace.hasErrors, let document = workspace.documents.first else { return nil }
        guard case .plugin(let manifest) = document.document else {
            catalog.problems.append(.error(PluginErrorCode.notAManifest,
                                           "the manifest plugin.yaml must be of kind Plugin, not \(document.kind.rawValue)",
                                           at: document.location(of: "/kind"), pointer: "/kind"))
            return nil
        }
        var problems: [Diagnostic] = []
        func problem(_ code: PluginErrorCode, _ message: String, _ pointer: String, hint: String? = nil) {
            problems.append(.error(code, message, at: document.location(of: pointer), pointer: pointer, hint: hint))
        }
        let name = manifest.metadata.name
        if !PluginProtocol.isValidPluginName(name) {
            problem(.invalidName, "plugin name '\(name)' is not lowercase words joined by hyphens", "/metadata/name",
                    hint: "e.g. phi-scan; at most 64 characters, starting with a letter")
        } else if name != folderName {
            problem(.invalidName, "plugin '\(name)' lives in folder '\(folderName)'; the two must match", "/metadata/name",
                    hint: "rename the folder or the plugin")
        }
        if PluginProtocol.negotiate(host: hostVersions, plugin: manifest.protocols) == nil {
            problem(.protocolMismatch, "plugin speaks protocol \(Self.list(manifest.protocols)); this Tacet speaks \(Self.list(hostVersions))",
                    "/protocols", hint: "update the plugin or Tacet so they share a protocol version")
        }
        let resolved = resolveCommand(manifest.command.first ?? "", folder: folder)
        switch resolved {
        case .failure(let refusal):
            problem(.commandEscapes, refusal.message, "/command/0", hint: "name an executable inside the plugin folder, e.g. ./check")
        case .success(let (realFolder, executable)):
            if let expected = manifest.sha256?.lowercased() {
                switch Self.sha256(of: executable) {
                case .some(let actual) where actual == expected:
                    break
                case .some(let actual):
                    problem(.checksum, "the executable's SHA-256 is \(actual), not the one pinned", "/sha256",
                            hint: "if the change is intended, pin the new sum")
                case .none:
                    problem(.checksum, "the executable could not be read to check its SHA-256", "/sha256")
                }
            }
            if problems.isEmpty {
                return DiscoveredPlugin(manifest: manifest, document: document, folder: realFolder, executable: executable)
            }
        }
        catalog.problems += problems
        return nil
    }

    /// The folder and the executable with symlinks resolved, or why the command is refused.
    private func resolveCommand(_ command: String, folder: String) -> Result<(String, String), CommandRefusal> {
        guard !command.isEmpty else { return .failure(CommandRefusal("command is empty")) }
        guard !command.hasPrefix("/") else {
            return .failure(CommandRefusal("command '\(command)' is an absolute path; it must resolve inside the plugin folder"))
        }
        guard let realFolder = Self.realPath(folder) else {
            return .failure(CommandRefusal("the plugin folder '\(folder)' cannot be resolved"))
        }
        guard let executable = Self.realPath(folder + "/" + command) else {
            return .failure(CommandRefusal("command '\(command)' does not exist in \(folder)"))
        }
        guard executable.hasPrefix(realFolder + "/") else {
            return .failure(CommandRefusal("command '\(command)' resolves to \(executable), outside the plugin folder \(realFolder)"))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: executable, isDirectory: &isDirectory), !isDirectory.boolValue,
              access(executable, X_OK) == 0 else {
            return .failure(CommandRefusal("command '\(command)' is not an executable file (chmod +x?)"))
        }
        return .success((realFolder, executable))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The SHA-256 of the file at `path` as lowercase hex, or nil when it cannot be read.
    static func sha256(of path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private static func list(_ versions: [Int]) -> String {
        versions.isEmpty ? "no version" : versions.map(String.init).joined(separator: ", ")
    }

    private struct CommandRefusal: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
