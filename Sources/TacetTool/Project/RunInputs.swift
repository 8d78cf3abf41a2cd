import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// What one command run loads, from its explicit paths, the project file in reach (`tacet.yaml` in the
/// working directory or above) and the shipped defaults.
///
/// - No paths: the project's folders (policies, curricula, teams), plus the shipped default policy and
///   curricula when it says `defaults: shipped`; no project file in reach is an input error (exit 2)
///   that says how to start.
/// - Explicit paths: they are what is loaded, in place of the project's folders. A project in reach
///   still adds the shipped defaults when it says `defaults: shipped` (a team layer's `extends` needs
///   its base) and still sets the defaults of `--fail-on` and `--format`.
///
/// Folders the project names are given relative to the working directory (`../../teams` from two
/// folders down), so findings name files as the user would; shipped files keep their installed path.
/// Its plugin folders and its root are absolute: the plugin search path is the same from any folder below.
package struct RunInputs: Sendable, Equatable {
    /// The files and folders to load, in order: explicit or the project's, then the shipped defaults.
    package var paths: [String]
    /// The project's plugin folders, absolute (empty without a project).
    package var projectPlugins: [String]
    /// The folder holding the project file, absolute, when one is in reach: where `Plugins` is searched.
    package var projectRoot: String?
    /// The project's default for `--fail-on`, if it sets one.
    package var failOn: Severity?
    /// The project's default for `check --format`, if it sets one.
    package var format: OutputFormat?
    /// The project file in reach, as named from the working directory, if any.
    package var projectFile: String?
    /// The shipped files loaded because the project says `defaults: shipped` (empty otherwise).
    package var shippedDefaults: [String]
    /// The installation the run was resolved with, so that the plugin search path uses the same one.
    package var installation: Installation?

    /// `--fail-on` as given, else the project's default, else errors.
    package func failOn(flag: Severity?) -> Severity { flag ?? failOn ?? .error }

    /// Works out a run's inputs.
    ///
    /// - Parameters:
    ///   - explicit: the paths given on the command line (empty when none were).
    ///   - usage: the command's usage with its paths (`tacet plan [ID...] --in PATH...`), for the message when
    ///     nothing can be loaded.
    ///   - workingDirectory: where the search for `tacet.yaml` starts, and what paths are made relative to.
    ///   - installation: the shipped defaults this `tacet` finds (``Installation/locate(environment:executable:)``), if any.
    package static func resolve(explicit: [String], usage: String, workingDirectory: String, installation: Installation?,
                                limits: YAMLLimits = .default) throws(ProjectError) -> RunInputs {
        guard let found = ProjectLocator.find(from: workingDirectory) else {
            guard !explicit.isEmpty else { throw noProject(usage: usage, workingDirectory: workingDirectory) }
            return RunInputs(paths: explicit, projectPlugins: [], projectRoot: nil, failOn: nil, format: nil, projectFile: nil,
                             shippedDefaults: [], installation: installation)
        }
        return try inputs(of: found, explicit: explicit, workingDirectory: workingDirectory, installation: installation, limits: limits)
    }

    /// The inputs of a project in reach of `workingDirectory`, or nil when there is none: for commands
    /// that need no documents (`plugin list`), to which only the project's settings matter.
    package static func project(workingDirectory: String, installation: Installation?,
                                limits: YAMLLimits = .default) throws(ProjectError) -> RunInputs? {
        guard let found = ProjectLocator.find(from: workingDirectory) else { return nil }
        return try inputs(of: found, explicit: [], workingDirectory: workingDirectory, installation: installation, limits: limits)
    }

    /// The inputs of a run with the project file `found` in reach.
    private static func inputs(of found: String, explicit: [String], workingDirectory: String, installation: Installation?,
                               limits: YAMLLimits) throws(ProjectError) -> RunInputs {
        let root = (found as NSString).deletingLastPathComponent
        let base = relativeBase(from: workingDirectory, to: root)
        let file = base + Project.fileName
        let (project, document, sources) = try load(found, as: file, limits: limits)
        // A wrong entry would otherwise surface as an unreadable path named without its origin, followed by
        // findings about what that folder should have held. Only what the run uses is checked: explicit paths
        // replace the document folders (`tacet validate tacet.yaml` of a new project), never the plugin folders.
        let missing = missingEntries(of: project, in: document, root: root, documentFolders: explicit.isEmpty)
        guard missing.isEmpty else { throw ProjectError(diagnostics: missing, sources: sources) }
        let place = { (path: String) in path.hasPrefix("/") ? path : ((base + path) as NSString).standardizingPath }
        var shipped: [String] = []
        if project.defaults == .shipped {
            guard let installation else {
                throw ProjectError(diagnostics: [.error(IOErrorCode.noShippedDefaults,
                                                        "\(file) says `defaults: shipped`, but this tacet finds no shipped defaults",
                                                        at: SourceLocation(file: file, line: 1, column: 1),
                                                        hint: "install tacet with Scripts/install.sh (or set TACET_HOME to its share/tacet "
                                                            + "folder), or write `defaults: none` and keep the base policy in the repository")],
                                   sources: [:])
            }
            shipped = installation.defaultPolicies + [installation.curricula]
        }
        let paths = explicit.isEmpty ? project.documentFolders.map(place) : explicit
        return RunInputs(paths: paths + shipped, projectPlugins: project.plugins.map { absolute($0, in: root) }, projectRoot: root,
                         failOn: project.failOn, format: project.format.flatMap { OutputFormat(rawValue: $0.rawValue) },
                         projectFile: file, shippedDefaults: shipped, installation: installation)
    }

    /// `path` as an absolute, standardized path, read relative to `folder` when it is relative.
    private static func absolute(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") ? (path as NSString).standardizingPath
            : ((folder as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    /// An error at each entry of the project's plugin folders, and of its document folders when
    /// `documentFolders`, that names nothing on disk.
    private static func missingEntries(of project: Project, in document: LoadedDocument, root: String,
                                       documentFolders: Bool) -> [Diagnostic] {
        let documents: [(key: String, noun: String, entries: [String])] = documentFolders
            ? [("policies", "file or folder", project.policies), ("curricula", "file or folder", project.curricula),
               ("teams", "folder", project.teams)]
            : []
        let lists = documents + [("plugins", "folder", project.plugins)]
        var diagnostics: [Diagnostic] = []
        for list in lists {
            for (index, entry) in list.entries.enumerated() where !FileManager.default.fileExists(atPath: absolute(entry, in: root)) {
                let pointer = "/\(list.key)/\(index)"
                diagnostics.append(.error(IOErrorCode.noProjectFolder, "\(list.noun) '\(entry)' named in \(list.key) does not exist",
                                          at: document.location(of: pointer), pointer: pointer,
                                          hint: "create it, or remove it from \(list.key):"))
            }
        }
        return diagnostics
    }

    /// `""` when `folder` is `directory`, else `../` once for each level `directory` is below it.
    private static func relativeBase(from directory: String, to folder: String) -> String {
        let below = (directory as NSString).standardizingPath.split(separator: "/").count
            - (folder as NSString).standardizingPath.split(separator: "/").count
        return String(repeating: "../", count: max(below, 0))
    }

    /// Reads the project file at `path` and decodes it strictly, like any document, naming it `file`.
    private static func load(_ path: String, as file: String,
                             limits: YAMLLimits) throws(ProjectError) -> (Project, LoadedDocument, [String: [UInt8]]) {
        // Read by its full path (the working directory given need not be the process's), named as the user sees it.
        let (bytes, root, parsed) = WorkspaceLoader(limits: limits).parse(file: path)
        let diagnostics = parsed.map { diagnostic in
            var renamed = diagnostic
            if renamed.location?.file == path { renamed.location?.file = file }
            return renamed
        }
        let sources = bytes.map { [file: $0] } ?? [:]
        guard let root else { throw ProjectError(diagnostics: diagnostics, sources: sources) }
        let decoded = DocumentDecoder.decode(root, file: file)
        guard let document = decoded.document else { throw ProjectError(diagnostics: decoded.diagnostics, sources: sources) }
        guard case .project(let project) = document.document else {
            throw ProjectError(diagnostics: [.error(DocumentErrorCode.kind,
                                                    "\(Project.fileName) is the project file, but this one says kind: \(document.kind.rawValue)",
                                                    at: document.location(of: "/kind"), pointer: "/kind",
                                                    hint: "write `kind: Project` (see `tacet init`), or move the \(document.kind.rawValue) "
                                                        + "to a file of another name")],
                               sources: sources)
        }
        return (project, document, sources)
    }

    private static func noProject(usage: String, workingDirectory: String) -> ProjectError {
        ProjectError(diagnostics: [Diagnostic(IOErrorCode.noProject,
                                              message: "no paths given, and no \(Project.fileName) in \(workingDirectory) or any folder above it",
                                              hint: "run `tacet init --team NAME` to start a Tacet repository here, or name what to load: "
                                                  + "`\(usage)` (policies, curricula and team folders)")],
                     sources: [:])
    }
}
