import Foundation
import TacetDiagnostics
import TacetYAML

/// Loads files and directories into a ``Workspace``, reporting all errors of all files in one run.
public struct WorkspaceLoader: Sendable {
    /// The YAML bounds applied to every file.
    public var limits: YAMLLimits

    /// Creates a loader.
    public init(limits: YAMLLimits = .default) { self.limits = limits }

    /// The YAML files a path names: the file itself, or every `.yaml`/`.yml` below a directory,
    /// skipping hidden entries and build folders, sorted so runs are repeatable.
    public func files(at path: String) throws(DiagnosticError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DiagnosticError(.error(IOErrorCode.read, "no such file or directory",
                                         at: SourceLocation(file: path, line: 1, column: 1)))
        }
        // Standardized ("./a/../b.yaml" is "b.yaml"), so every part of Tacet names a file the same way.
        guard isDirectory.boolValue else { return [(path as NSString).standardizingPath] }
        // Only the root needs standardizing: below it come plain entry names. Standardizing every
        // file's path instead took longer than reading the files.
        var found: [String] = []
        try Self.collectYAML(in: (path as NSString).standardizingPath, into: &found)
        return found.sorted()
    }

    /// Adds the YAML files below `directory` to `found`, skipping hidden entries. Symbolic links are
    /// taken as files, never followed into directories, so a link cannot make the walk loop.
    private static func collectYAML(in directory: String, into found: inout [String]) throws(DiagnosticError) {
        guard let stream = opendir(directory) else {
            throw DiagnosticError(.error(IOErrorCode.read, "cannot read the directory",
                                         at: SourceLocation(file: directory, line: 1, column: 1)))
        }
        defer { closedir(stream) }
        let separator = directory.hasSuffix("/") ? "" : "/"
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") { continue }  // hidden entries, and "." and ".."
            let full = directory + separator + name
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {  // some file systems leave the type to stat
                var status = stat()
                isDirectory = lstat(full, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
            }
            if isDirectory {
                try collectYAML(in: full, into: &found)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                found.append(full)
            }
        }
    }

    /// Loads every document under `paths`, reading and decoding files on every core.
    public func load(_ paths: [String]) -> Workspace {
        var workspace = Workspace(documents: [], diagnostics: [], sources: [:], files: [])
        var seen = Set<String>()
        for path in paths {
            do {
                for file in try files(at: path) where seen.insert(file).inserted { workspace.files.append(file) }
            } catch {
                workspace.diagnostics += error.diagnostics
            }
        }
        let files = workspace.files
        let loaded = Parallel.map(files.count) { index in load(file: files[index]) }
        for (file, result) in zip(files, loaded) {
            workspace.sources[file] = result.bytes
            workspace.diagnostics += result.diagnostics
            if let document = result.document { workspace.documents.append(document) }
        }
        checkUniqueNames(&workspace)
        return workspace
    }

    /// Reads and parses one file; an oversized file is refused after reading one byte past the limit,
    /// never in full.
    public func parse(file: String) -> (bytes: [UInt8]?, root: Node?, diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let handle = FileHandle(forReadingAtPath: file) else {
            return (nil, nil, [.error(IOErrorCode.read, "cannot read the file", at: start)])
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limits.maxInputBytes + 1) ?? Data()
        } catch {
            return (nil, nil, [.error(IOErrorCode.read, "cannot read the file: \(error.localizedDescription)", at: start)])
        }
        guard data.count <= limits.maxInputBytes else {
            let diagnostic = YAMLError(.inputTooLarge,
                                       "file is over the limit of \(limits.maxInputBytes) bytes (maxInputBytes)",
                                       at: .start).diagnostic(file: file)
            return (nil, nil, [diagnostic])
        }
        let bytes = [UInt8](data)
        do {
            return (bytes, try YAMLParser(limits: limits).parse(bytes), [])
        } catch {
            return (bytes, nil, [error.diagnostic(file: file)])
        }
    }

    private func load(file: String) -> (bytes: [UInt8]?, diagnostics: [Diagnostic], document: LoadedDocument?) {
        let (bytes, root, diagnostics) = parse(file: file)
        guard let root else { return (bytes, diagnostics, nil) }
        let decoded = DocumentDecoder.decode(root, file: file)
        return (bytes, diagnostics + decoded.diagnostics, decoded.document)
    }

    /// Two documents of one kind with one name would make every reference to them ambiguous.
    private func checkUniqueNames(_ workspace: inout Workspace) {
        var first: [String: LoadedDocument] = [:]
        for document in workspace.documents {
            let key = "\(document.kind.rawValue)/\(document.name)"
            guard let earlier = first[key] else {
                first[key] = document
                continue
            }
            let mark = (document.root.node(at: "/metadata/name") ?? document.root).mark
            let earlierMark = (earlier.root.node(at: "/metadata/name") ?? earlier.root).mark
            workspace.diagnostics.append(.error(
                DocumentErrorCode.duplicateID,
                "another \(document.kind.rawValue) is already named '\(document.name)'",
                at: mark.location(in: document.file), pointer: "/metadata/name",
                notes: [DiagnosticNote("first named here", at: earlierMark.location(in: earlier.file))]))
        }
    }
}
