import Foundation
import TacetDiagnostics
import TacetYAML

/// Loads files and directories into a ``Workspace``, reporting all errors of all files in one run.
public struct WorkspaceLoader: Sendable {
    /// The YAML bounds applied to every file.
    public var limits: YAMLLimits
    /// Earlier loads to reuse for files whose bytes are unchanged, or nil to parse every file afresh.
    public var cache: LoadCache?

    /// Creates a loader.
    public init(limits: YAMLLimits = .default, cache: LoadCache? = nil) {
        self.limits = limits
        self.cache = cache
    }

    /// The YAML files a path names: the file itself, or every `.yaml`/`.yml` below a directory,
    /// skipping hidden entries and build folders, sorted so runs are repeatable.
    public func files(at path: String) throws(DiagnosticError) -> [String] {
        try entries(at: path).map(\.path)
    }

    /// The YAML files a path names, each as the user's path names it and as its resolved real path,
    /// by which one file reached by two paths is told to be one.
    private func entries(at path: String) throws(DiagnosticError) -> [(path: String, real: String)] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw FileIO.failure(.read, "cannot read the file or folder", path) }
        // Standardized ("./a/../b.yaml" is "b.yaml"), so every part of Tacet names a file the same way.
        let standardized = (path as NSString).standardizingPath
        let real = FileIO.realPath(path) ?? standardized
        guard status.st_mode & S_IFMT == S_IFDIR else { return [(standardized, real)] }
        // Only the root needs standardizing and resolving: below it come plain entry names. Doing it
        // for every file's path instead took longer than reading the files.
        var found: [(path: String, real: String)] = []
        try Self.collectYAML(in: standardized, real: real, into: &found)
        return found.sorted { $0.path < $1.path }
    }

    /// Adds the YAML files below `directory` (whose resolved path is `real`) to `found`, skipping
    /// hidden entries. Symbolic links are taken as files, never followed into directories, so a link
    /// cannot make the walk loop; a link's real path is its target's.
    private static func collectYAML(in directory: String, real: String, into found: inout [(path: String, real: String)])
        throws(DiagnosticError) {
        guard let stream = opendir(directory) else {
            throw FileIO.failure(.read, "cannot read the folder", directory)
        }
        defer { closedir(stream) }
        let separator = directory.hasSuffix("/") ? "" : "/"
        let realSeparator = real.hasSuffix("/") ? "" : "/"
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") { continue }  // hidden entries, and "." and ".."
            let full = directory + separator + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) { type = entryType(full) }  // some file systems leave the type to stat
            if type == UInt8(DT_DIR) {
                try collectYAML(in: full, real: real + realSeparator + name, into: &found)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                // A link that cannot be resolved (dangling, or a loop) keeps its own path; reading it
                // reports why.
                let resolved = type == UInt8(DT_LNK) ? FileIO.realPath(full) ?? full : real + realSeparator + name
                found.append((full, resolved))
            }
        }
    }

    /// The directory-entry type (`DT_DIR`, `DT_LNK`, `DT_REG`) of `path`, from lstat.
    private static func entryType(_ path: String) -> UInt8 {
        var status = stat()
        guard lstat(path, &status) == 0 else { return UInt8(DT_UNKNOWN) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFLNK: return UInt8(DT_LNK)
        default: return UInt8(DT_REG)
        }
    }

    /// Loads every document under `paths`, reading and decoding files on every core.
    public func load(_ paths: [String]) -> Workspace { load(paths, overlay: [:]) }

    /// Loads every document under `paths` like ``load(_:)``, reading the files `overlay` holds from it
    /// instead of from disk: an editor's unsaved buffers, by the path the walk names the file with. An
    /// overlay file the paths do not reach is loaded too, after them (a buffer not yet saved anywhere).
    public func load(_ paths: [String], overlay: [String: [UInt8]]) -> Workspace {
        var workspace = Workspace(documents: [], diagnostics: [], sources: [:], files: [])
        // One file reached by two paths ("." and "Examples/team", or through a link) is one document,
        // named by the path that reached it first.
        var seen = Set<String>()
        for path in paths {
            do {
                for entry in try entries(at: path) where seen.insert(entry.real).inserted { workspace.files.append(entry.path) }
            } catch {
                workspace.diagnostics += error.diagnostics
            }
        }
        let reached = Set(workspace.files)
        workspace.files += overlay.keys.filter { !reached.contains($0) }.sorted()
        let files = workspace.files
        let loaded = Parallel.map(files.count) { index in load(file: files[index], buffer: overlay[files[index]]) }
        for (file, result) in zip(files, loaded) {
            workspace.sources[file] = result.bytes
            workspace.diagnostics += result.diagnostics
            if let document = result.document {
                workspace.documents.append(document)
            } else {
                workspace.unloaded.append(UnloadedFile(file: file, kind: result.kind, name: result.name))
            }
        }
        cache?.keep(only: Set(files))
        checkUniqueNames(&workspace)
        return workspace
    }

    /// Reads and parses one file; an oversized file is refused after reading one byte past the limit,
    /// never in full.
    public func parse(file: String) -> (bytes: [UInt8]?, root: Node?, diagnostics: [Diagnostic]) {
        do {
            return parse(try read(file), file: file)
        } catch {
            return (nil, nil, error.diagnostics)
        }
    }

    /// The bytes of `file`, at most one past the size limit (which ``parse(_:file:)`` then refuses).
    private func read(_ file: String) throws(DiagnosticError) -> [UInt8] {
        try FileIO.contents(of: file, limit: min(limits.maxInputBytes, Int.max - 1) + 1)
    }

    /// Parses `bytes`, the contents of `file` (read from disk or held in memory), under the limits.
    public func parse(_ bytes: [UInt8], file: String) -> (bytes: [UInt8]?, root: Node?, diagnostics: [Diagnostic]) {
        guard bytes.count <= limits.maxInputBytes else {
            let diagnostic = YAMLError(.inputTooLarge,
                                       "file is over the limit of \(limits.maxInputBytes) bytes (maxInputBytes)",
                                       at: .start).diagnostic(file: file)
            return (nil, nil, [diagnostic])
        }
        do {
            return (bytes, try YAMLParser(limits: limits).parse(bytes), [])
        } catch {
            return (bytes, nil, [error.diagnostic(file: file)])
        }
    }

    /// Reads, parses and decodes one file; `kind` and `name` are what the file declared, so that a summary
    /// can say "1 of 2 workflows could not be checked" of a workflow that did not decode, and a reference to
    /// a therapist whose profile did not decode can point at that profile.
    /// `buffer`, when given, is the file's contents, read instead of the file.
    private func load(file: String, buffer: [UInt8]?)
        -> (bytes: [UInt8]?, diagnostics: [Diagnostic], document: LoadedDocument?, kind: DocumentKind?, name: String?) {
        let bytes: [UInt8]
        if let buffer {
            bytes = buffer
        } else {
            do {
                bytes = try read(file)
            } catch {
                return (nil, error.diagnostics, nil, nil, nil)
            }
        }
        if let entry = cache?.entry(for: file, bytes: bytes) {
            return (entry.bytes, entry.diagnostics, entry.document, entry.kind, entry.name)
        }
        let (parsed, root, diagnostics) = parse(bytes, file: file)
        guard let root else {
            // Not cached: a file that does not parse is rare, and parsing it again reports the same.
            return (parsed, diagnostics, nil, nil, nil)
        }
        let decoded = DocumentDecoder.decode(root, file: file)
        let entry = LoadCache.Entry(bytes: bytes, diagnostics: diagnostics + decoded.diagnostics, document: decoded.document,
                                    kind: root["kind"]?.string.flatMap(DocumentKind.init(rawValue:)), name: root["metadata"]?["name"]?.string)
        cache?.store(entry, for: file)
        return (parsed, entry.diagnostics, entry.document, entry.kind, entry.name)
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
