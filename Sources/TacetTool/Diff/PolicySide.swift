import Foundation
import TacetDiagnostics
import TacetDocuments

/// One side of `tacet diff`: the policies as a folder holds them, or as a git revision of the repository
/// holds them, and how that side's files are named.
///
/// An argument naming an existing folder or file is read from disk, even where a revision has the same name
/// (the command's help says to write `refs/heads/main` or `@` then); anything else is a git revision. A
/// folder side's policies are every Policy document under it; a file side's, those in the file. A revision side's are the Policy documents at that
/// revision under the run's paths that lie in the repository (`tacet diff main HEAD Policies teams` reads
/// `main:Policies` and `main:teams`); a path outside the repository (the shipped defaults) is read as it
/// is, the same on both sides.
package struct PolicySide: Sendable {
    /// The argument as the user gave it: what the output calls the side.
    package var label: String
    /// What to load for the side's policies.
    package var paths: [String]
    /// The folder a file of this side is named relative to when the two sides are compared.
    package var root: String
    /// The revision written out, when the side is one.
    package var revision: GitRevision?

    /// The side `argument` names, for a run over `paths` in `directory`; throws `io.git` when it is
    /// neither a folder nor a revision git can read.
    package static func open(_ argument: String, paths: [String], in directory: String) throws(DiagnosticError) -> PolicySide {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) {
            if isFolder.boolValue {
                let root = argument.count > 1 && argument.hasSuffix("/") ? String(argument.dropLast()) : argument
                return PolicySide(label: argument, paths: [root], root: root, revision: nil)
            }
            // One policy file (`tacet diff old.yaml new.yaml`): its folder is the root, so the two files'
            // findings and policies are named by their file names.
            let folder = (argument as NSString).deletingLastPathComponent
            return PolicySide(label: argument, paths: [argument], root: folder.isEmpty ? "." : folder, revision: nil)
        }
        let revision = try GitRevision.open(argument, from: directory)
        let relatives = paths.map { relative($0, in: revision.repository, from: directory) }
        try revision.writeOut(relatives.compactMap { $0 })
        let inRepository = zip(paths, relatives).compactMap { path, relative -> String? in
            guard let relative else { return path }
            let copy = relative.isEmpty ? revision.tree : revision.tree + "/" + relative
            // A path the revision does not have (a folder added since) holds none of its policies.
            return FileManager.default.fileExists(atPath: copy) ? copy : nil
        }
        return PolicySide(label: argument, paths: inRepository, root: revision.tree, revision: revision)
    }

    /// `path` relative to `repository` when it lies inside it ("" for the repository itself), else nil.
    private static func relative(_ path: String, in repository: String, from directory: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : directory + "/" + path
        guard let real = FileIO.realPath(absolute) else { return nil }
        if real == repository { return "" }
        return real.hasPrefix(repository + "/") ? String(real.dropFirst(repository.count + 1)) : nil
    }

    /// The name `file` has on both sides: relative to this side's root when it lies under it.
    package func common(_ file: String) -> String {
        file.hasPrefix(root + "/") ? String(file.dropFirst(root.count + 1)) : file
    }

    /// How the output names `file`: `main:Policies/teams/pediatrics.yaml` for a file of a revision.
    package func display(_ file: String) -> String {
        guard let revision, file.hasPrefix(root + "/") else { return file }
        return revision.name + ":" + common(file)
    }

    /// Whether `document`, loaded from the run's paths, is a policy this side replaces: one of the same
    /// name, or (for a revision) any policy in the repository, which the revision's own files stand for.
    func replaces(_ document: LoadedDocument, names: Set<String>, directory: String) -> Bool {
        guard document.kind == .policy else { return false }
        if names.contains(document.name) { return true }
        guard let revision else { return false }
        return Self.relative(document.file, in: revision.repository, from: directory) != nil
    }

    /// The team's workspace (loaded from the run's paths) with its policies replaced by `loaded`'s, this
    /// side's: its Policy documents and the problems of its files that hold or may hold one.
    func workspace(team: Workspace, loaded: Workspace, directory: String) -> Workspace {
        let policies = loaded.documents.filter { $0.kind == .policy }
        let names = Set(policies.map(\.name))
        let dropped = Set(team.documents.filter { replaces($0, names: names, directory: directory) }.map(\.file))
        let broken = loaded.unloaded.filter { $0.kind == nil || $0.kind == .policy }
        let own = Set(policies.map(\.file)).union(broken.map(\.file))
        var workspace = Workspace(
            documents: policies + team.documents.filter { !dropped.contains($0.file) },
            diagnostics: loaded.diagnostics.filter { own.contains($0.location?.file ?? "") }
                + team.diagnostics.filter { !dropped.contains($0.location?.file ?? "") },
            sources: team.sources.merging(loaded.sources.filter { own.contains($0.key) }) { first, _ in first },
            files: own.sorted() + team.files.filter { !dropped.contains($0) })
        workspace.unloaded = broken + team.unloaded
        return workspace
    }
}
