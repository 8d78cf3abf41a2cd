import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetTool
import TacetYAML

/// What the server checks besides the open documents: what the project file in reach names, else every
/// Tacet document under the client's workspace folders.
package struct WorkspaceScope: Sendable {
    /// The files and folders to load, absolute.
    package var paths: [String]
    /// The project's inputs, when a project file is in reach of the first folder and valid.
    package var project: RunInputs?
    /// Why the project file in reach could not be used (reported on it), else empty.
    package var problems: [Diagnostic]
    /// The project file's bytes, by path, when its problems need them for positions.
    package var sources: [String: [UInt8]]

    /// The scope of the workspace folders `roots` (absolute paths).
    package static func resolve(roots: [String], installation: Installation?, limits: YAMLLimits) -> WorkspaceScope {
        var scope = WorkspaceScope(paths: [], project: nil, problems: [], sources: [:])
        for root in roots {
            guard ProjectLocator.find(from: root) != nil else {
                scope.paths += tacetDocuments(under: root, limits: limits)
                continue
            }
            do {
                let inputs = try RunInputs.resolve(explicit: [], usage: "tacet check PATH...", workingDirectory: root,
                                                   installation: installation, limits: limits)
                // The project's folders come relative to `root`; the server names every file absolutely, as URIs do.
                scope.paths += inputs.paths.map { absolute($0, in: root) }
                if scope.project == nil { scope.project = inputs }
            } catch {
                scope.problems += error.diagnostics.map { absolute($0, in: root) }
                for (file, bytes) in error.sources { scope.sources[absolute(file, in: root)] = bytes }
            }
        }
        return scope
    }

    /// The YAML files under `root` that declare a Tacet `apiVersion` near their start: without a project
    /// file, a folder's other YAML (CI settings, say) is not the team's to check.
    private static func tacetDocuments(under root: String, limits: YAMLLimits) -> [String] {
        let files = (try? WorkspaceLoader(limits: limits).files(at: root)) ?? []
        return files.filter { file in
            guard let head = try? FileIO.contents(of: file, limit: 4096) else { return false }
            let text = String(decoding: head, as: UTF8.self)
            return text.contains("apiVersion") && text.contains(DocumentDecoder.apiVersion)
        }
    }

    private static func absolute(_ path: String, in root: String) -> String {
        path.hasPrefix("/") ? (path as NSString).standardizingPath
            : ((root as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    private static func absolute(_ diagnostic: Diagnostic, in root: String) -> Diagnostic {
        var moved = diagnostic
        if let file = moved.location?.file { moved.location?.file = absolute(file, in: root) }
        return moved
    }
}
