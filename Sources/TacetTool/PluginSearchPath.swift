import Foundation
import TacetDocuments
import TacetPluginHost

/// Where plugins are looked for, earlier first: `--plugins DIR...` alone when given; else the project
/// file's plugin folders, the project root's `Plugins` (`./Plugins` without a project file), each entry
/// of `TACET_PLUGIN_PATH` (colon-separated), and the plugins shipped with this `tacet`
/// (`share/tacet/plugins`, or its source tree's `Plugins`).
///
/// Of two plugins with one name the earlier wins; discovery (``PluginDiscovery/discover(searching:)``)
/// records the later as shadowed and searches a folder reached twice once. Computed from explicit inputs
/// so that it can be tested without a process.
package struct PluginSearchPath: Sendable, Equatable {
    /// The folders, earlier first.
    package var directories: [PluginDirectory]

    /// The environment variable that adds plugin folders.
    package static let environmentVariable = "TACET_PLUGIN_PATH"
    /// The folder searched in the project root (the working directory without a project file).
    package static let workingDirectoryFolder = "Plugins"

    /// The search path for these inputs.
    ///
    /// - Parameters:
    ///   - flags: the `--plugins` folders; when any is given, they alone are searched.
    ///   - projectFolders: the project file's plugin folders, absolute (or relative to the working directory).
    ///   - projectRoot: the folder holding the project file, when one is in reach: its `Plugins` is searched,
    ///     so that every folder below the root finds the same plugins.
    ///   - workingDirectory: the folder relative paths are read from, holding `./Plugins` without a project.
    ///   - environment: the process environment, for `TACET_PLUGIN_PATH`.
    ///   - installation: this `tacet`'s shipped defaults, when found.
    package init(flags: [String], projectFolders: [String] = [], projectRoot: String? = nil, workingDirectory: String,
                 environment: [String: String], installation: Installation?) {
        guard flags.isEmpty else {
            directories = flags.map { PluginDirectory($0, origin: .flag) }
            return
        }
        // Standardized, so that a project's `../plugins` read from a subfolder is shown as the folder it is.
        func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : ((workingDirectory as NSString).appendingPathComponent(path) as NSString).standardizingPath
        }
        directories = projectFolders.map { PluginDirectory(absolute($0), origin: .project) }
        let pluginsFolder = projectRoot.map { ($0 as NSString).appendingPathComponent(Self.workingDirectoryFolder) }
            ?? Self.workingDirectoryFolder
        directories.append(PluginDirectory(absolute(pluginsFolder), origin: .workingDirectory))
        // As PATH: empty entries are ignored rather than read as the working directory.
        let listed = (environment[Self.environmentVariable] ?? "").split(separator: ":").map(String.init)
        directories += listed.map { PluginDirectory(absolute($0), origin: .environment) }
        if let installation {
            directories.append(PluginDirectory(installation.plugins, origin: .shipped))
        }
    }

    /// Whether a check has any plugin folder to search: one the user named, or one that exists.
    package var hasFolders: Bool {
        directories.contains { directory in
            var isDirectory: ObjCBool = false
            return directory.isRequired
                || (FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        }
    }
}
