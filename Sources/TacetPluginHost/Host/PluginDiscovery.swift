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

    /// The plugins in `directories`, all named by the user (`--plugins`): see ``discover(searching:)``.
    public func discover(_ directories: [String]) -> PluginCatalog {
        discover(searching: directories.map { PluginDirectory($0, origin: .flag) })
    }

    /// The plugins on the search path `directories`, in name order.
    ///
    /// A folder `NAME/` with a `plugin.yaml` claims the name `NAME` for the first directory that has it;
    /// the same name later in the search path is shadowed (listed in the catalog, never loaded). A folder
    /// without a manifest is a warning, an invalid manifest an error; a missing directory is an error when
    /// the user named it and skipped otherwise. A directory reached twice (the same real path) is searched once.
    public func discover(searching directories: [PluginDirectory]) -> PluginCatalog {
        var catalog = PluginCatalog()
        var plugins: [DiscoveredPlugin] = []
        var claimed: [String: String] = [:]
        var searchedReal = Set<String>()
        for directory in directories {
            let path = directory.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                if directory.isRequired {
                    catalog.problems.append(Diagnostic(PluginErrorCode.noDirectory, message: "plugin directory '\(path)' does not exist",
                                                       hint: directory.missingHint))
                }
                continue
            }
            guard searchedReal.insert(Self.realPath(path) ?? path).inserted else { continue }
            catalog.searched.append(directory)
            // A folder that exists but cannot be listed is an error with the system's reason, never skipped.
            let entries: [String]
            do {
                entries = try FileIO.entries(of: path, what: "cannot read the plugin directory")
            } catch {
                catalog.problems += error.diagnostics
                continue
            }
            for entry in entries {
                let folder = path.hasSuffix("/") ? path + entry : path + "/" + entry
                guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
                let manifestPath = folder + "/plugin.yaml"
                guard FileManager.default.fileExists(atPath: manifestPath) else {
                    catalog.problems.append(Diagnostic(PluginErrorCode.noManifest, message: "folder '\(folder)' has no plugin.yaml; it is not run",
                                                       hint: "add a manifest (docs/plugin-protocol.md) or move the folder out of \(path)"))
                    continue
                }
                let shown = Self.realPath(folder) ?? folder
                if let winner = claimed[entry] {
                    catalog.shadowed.append(ShadowedPlugin(name: entry, folder: shown, winner: winner))
                    continue
                }
                claimed[entry] = shown
                if let plugin = load(manifestPath, folderName: entry, folder: folder, into: &catalog) { plugins.append(plugin) }
            }
        }
        catalog.plugins = plugins.sorted { $0.name < $1.name }
        catalog.shadowed.sort { ($0.name, $0.folder) < ($1.name, $1.folder) }
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
                case .success(let actual) where actual == expected:
                    break
                case .success(let actual):
                    problem(.checksum, "the executable's SHA-256 is \(actual), not the one pinned", "/sha256",
                            hint: "if the change is intended, pin the new sum")
                case .failure(let unreadable):
                    let reason = unreadable.diagnostics.first?.message ?? "cannot read the file"
                    problem(.checksum, "the executable could not be read to check its SHA-256 (\(reason))", "/sha256")
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

    /// The SHA-256 of the file at `path` as lowercase hex, or why it cannot be read.
    static func sha256(of path: String) -> Result<String, DiagnosticError> {
        Result { () throws(DiagnosticError) in try FileIO.contents(of: path) }.map { bytes in
            SHA256.hash(data: bytes).map { byte in
                let hex = String(byte, radix: 16)
                return byte < 16 ? "0" + hex : hex
            }.joined()
        }
    }

    private static func list(_ versions: [Int]) -> String {
        versions.isEmpty ? "no version" : versions.map(String.init).joined(separator: ", ")
    }

    private struct CommandRefusal: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
