import Foundation
import TacetDiagnostics
import TacetDocuments

/// Where this `tacet`'s shipped defaults are: the default policy, the curricula (framework, catalog,
/// requirements), the shipped plugins and the JSON Schemas.
///
/// Two layouts hold them. An installed `tacet` lives in `PREFIX/bin` and finds `PREFIX/share/tacet`
/// (`policies/`, `curricula/`, `plugins/`, `schemas/`); a `tacet` built in its source tree
/// (`.build/…/tacet`) finds the tree's own `Policies/`, `Curricula/`, `Plugins/` and `docs/schemas/`,
/// so that the source tree keeps working without an install. `TACET_HOME` names an installed-layout
/// folder and wins over both.
package struct Installation: Sendable, Equatable {
    /// Which of the two layouts was found.
    package enum Layout: String, Sendable {
        /// `PREFIX/share/tacet` (or `TACET_HOME`).
        case installed
        /// A Tacet source tree, for a `tacet` run from its build folder.
        case sourceTree
    }

    /// The layout found.
    package var layout: Layout
    /// The folder everything below is in: `share/tacet`, `TACET_HOME` or the source tree's root.
    package var root: String
    /// The shipped policy files the shipped defaults consist of (the organisation-wide default policy).
    package var defaultPolicies: [String]
    /// The folder of shipped curricula: framework, catalog and recertification requirements.
    package var curricula: String
    /// The folder of shipped plugins, each in `NAME/plugin.yaml`.
    package var plugins: String
    /// The folder of the documents' JSON Schemas.
    package var schemas: String

    /// The file name of the shipped default policy, the same in both layouts.
    package static let defaultPolicyFile = "music-therapy-ai-use.yaml"

    /// The folder an installed layout lives in, relative to the prefix.
    package static let sharePath = "share/tacet"

    /// An installed layout rooted at `root` (`share/tacet` or `TACET_HOME`).
    package static func installed(at root: String) -> Installation {
        Installation(layout: .installed, root: root,
                     defaultPolicies: [root + "/policies/" + defaultPolicyFile],
                     curricula: root + "/curricula", plugins: root + "/plugins", schemas: root + "/schemas")
    }

    /// A source-tree layout rooted at the tree's root (the folder holding `Package.swift`).
    package static func sourceTree(at root: String) -> Installation {
        Installation(layout: .sourceTree, root: root,
                     defaultPolicies: [root + "/Policies/" + defaultPolicyFile],
                     curricula: root + "/Curricula", plugins: root + "/Plugins", schemas: root + "/docs/schemas")
    }

    /// Finds the shipped defaults for a `tacet` at `executable`, or nil when there are none.
    ///
    /// A `TACET_HOME` that names no installation is an error, not a fallback: a run that quietly went on
    /// without the shipped policy and plugins (the identifier scan among them) could pass what they refuse.
    ///
    /// - Parameters:
    ///   - environment: the process environment; `TACET_HOME` is read from it.
    ///   - executable: the running executable's path (symbolic links are resolved here, so that a
    ///     `tacet` linked into `~/bin` still finds the prefix it was installed in).
    package static func locate(environment: [String: String], executable: String) throws(DiagnosticError) -> Installation? {
        if let home = environment["TACET_HOME"], !home.isEmpty {
            let found = Installation.installed(at: FileIO.realPath(home) ?? home)
            guard isFile(found.defaultPolicies[0]) else {
                throw DiagnosticError(.error(IOErrorCode.invalidHome,
                                             "TACET_HOME is '\(home)', which holds no Tacet installation: it has no policies/\(defaultPolicyFile)",
                                             at: nil, hint: "unset TACET_HOME, or set it to the share/tacet folder of an installed tacet"))
            }
            return found
        }
        let resolved = FileIO.realPath(executable) ?? executable
        let binFolder = (resolved as NSString).deletingLastPathComponent
        let share = ((binFolder as NSString).deletingLastPathComponent as NSString).appendingPathComponent(sharePath)
        if isFile(share + "/policies/" + defaultPolicyFile) { return .installed(at: share) }
        // A build folder is ROOT/.build/<triple>/<configuration>/tacet (or .build/<configuration>): walk up
        // to the first folder that holds Package.swift and the shipped policy.
        var folder = binFolder
        while folder != "/" && !folder.isEmpty {
            if isFile(folder + "/Package.swift"), isFile(folder + "/Policies/" + defaultPolicyFile) {
                return .sourceTree(at: folder)
            }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// The running `tacet`'s own path, as the OS knows it (`/proc/self/exe` on Linux).
    package static func currentExecutable() -> String {
        #if os(Linux)
        if let path = FileIO.realPath("/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments.first ?? "tacet"
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
