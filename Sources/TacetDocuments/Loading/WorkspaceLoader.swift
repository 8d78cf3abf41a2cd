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
    ///
    /// `overlay` holds files' contents by the path the walk names them with, read instead of the files on
    /// disk: an editor's unsaved buffers. An overlay file the paths do not reach is loaded too, after them (a
    /// buffer not yet saved anywhere).
    ///
    /// A file on disk whose top-level `kind` is among `deferring` is only read far enough to say so and
    /// listed in ``Workspace/deferred``, for the checker to load with ``load(file:)`` when it checks it. An
    /// overlay file is never deferred: ``load(file:)`` reads the disk.
    public func load(_ paths: [String], overlay: [String: [UInt8]] = [:], deferring: Set<DocumentKind> = []) -> Workspace {
        var workspace = Workspace(documents: [], diagnostics: [], sources: [:], files: [])
        workspace.limits = limits
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
        let loaded = Parallel.map(files.count) { index -> Read in
            let file = files[index]
            if let buffer = overlay[file] { return .loaded(load(file: file, bytes: buffer)) }
            let (bytes, failure) = read(file)
            guard let bytes else { return .loaded(LoadedFile(file: file, bytes: nil, diagnostics: failure)) }
            if !deferring.isEmpty, let declared = LibYAMLScan.topLevelScalar("kind", in: bytes).flatMap(DocumentKind.init(rawValue:)),
               deferring.contains(declared) {
                return .deferred(declared, bytes.count)
            }
            return .loaded(load(file: file, bytes: bytes))
        }
        for (order, (file, result)) in zip(files, loaded).enumerated() {
            guard case .loaded(let loaded) = result else {
                if case .deferred(let kind, let size) = result {
                    workspace.deferred.append(DeferredFile(file: file, kind: kind, order: order, size: size))
                }
                continue
            }
            workspace.sources[file] = loaded.bytes
            workspace.diagnostics += loaded.diagnostics
            if let document = loaded.document {
                workspace.documents.append(document)
            } else if let unloaded = loaded.unloaded {
                workspace.unloaded.append(unloaded)
            }
        }
        cache?.keep(only: Set(files))
        workspace.diagnostics += Self.duplicateNames(workspace.documents.map(DocumentName.init))
        return workspace
    }

    /// What reading one file gave. Indirect, so that a result is a pointer: ten thousand deferred files'
    /// results are then kilobytes, not the megabytes of as many empty ``LoadedFile`` slots.
    private indirect enum Read: Sendable {
        case loaded(LoadedFile)
        case deferred(DocumentKind, Int)
    }

    /// Reads one file within the size limit: its bytes, or why it could not be read. An oversized file is
    /// refused after reading one byte past the limit, never in full.
    private func read(_ file: String) -> (bytes: [UInt8]?, diagnostics: [Diagnostic]) {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.contents(of: file, limit: min(limits.maxInputBytes, Int.max - 1) + 1)
        } catch {
            return (nil, error.diagnostics)
        }
        if let tooLarge = sizeError(bytes, file: file) { return (nil, [tooLarge]) }
        return (bytes, [])
    }

    /// The error for `bytes` of `file` over the size limit, or nil when they are within it.
    private func sizeError(_ bytes: [UInt8], file: String) -> Diagnostic? {
        guard bytes.count > limits.maxInputBytes else { return nil }
        return YAMLError(.inputTooLarge, "file is over the limit of \(limits.maxInputBytes) bytes (maxInputBytes)",
                         at: .start).diagnostic(file: file)
    }

    /// Reads and parses one file; an oversized file is refused after reading one byte past the limit,
    /// never in full.
    public func parse(file: String) -> (bytes: [UInt8]?, root: Node?, diagnostics: [Diagnostic]) {
        let (bytes, failure) = read(file)
        guard let bytes else { return (nil, nil, failure) }
        do {
            return (bytes, try YAMLParser(limits: limits).parse(bytes), [])
        } catch {
            return (bytes, nil, [error.diagnostic(file: file)])
        }
    }

    /// Reads, parses and decodes one file. Its ``LoadedFile/kind`` and ``LoadedFile/name`` are what the file
    /// declared, so that a summary can say "1 of 2 workflows could not be checked" of a workflow that did
    /// not decode, and a reference to a therapist whose profile did not decode can point at that profile.
    public func load(file: String) -> LoadedFile {
        let (bytes, failure) = read(file)
        guard let bytes else { return LoadedFile(file: file, bytes: nil, diagnostics: failure) }
        return load(file: file, bytes: bytes)
    }

    /// Parses and decodes the `bytes` read from `file` (or held for it in memory), or takes the cache's earlier
    /// load of the same bytes.
    private func load(file: String, bytes: [UInt8]) -> LoadedFile {
        if let tooLarge = sizeError(bytes, file: file) { return LoadedFile(file: file, bytes: nil, diagnostics: [tooLarge]) }
        if let cached = cache?.entry(for: file, bytes: bytes) { return cached }
        let root: Node
        do {
            root = try YAMLParser(limits: limits).parse(bytes)
        } catch {
            // Not cached: a file that does not parse is rare, and parsing it again reports the same.
            return LoadedFile(file: file, bytes: bytes, diagnostics: [error.diagnostic(file: file)])
        }
        let decoded = DocumentDecoder.decode(root, file: file)
        let loaded = LoadedFile(file: file, bytes: bytes, diagnostics: decoded.diagnostics, document: decoded.document,
                                kind: root["kind"]?.string.flatMap(DocumentKind.init(rawValue:)), name: root["metadata"]?["name"]?.string)
        cache?.store(loaded)
        return loaded
    }

    /// Two documents of one kind with one name would make every reference to them ambiguous: an error on
    /// each later one, noting the first, for `names` in load order.
    public static func duplicateNames(_ names: [DocumentName]) -> [Diagnostic] {
        var register = NameRegister()
        return names.compactMap { register.add($0) }
    }

    /// The error on `name`, a later document named as one whose name is written at `first`.
    static func duplicate(_ name: DocumentName, firstNamedAt first: SourceLocation) -> Diagnostic {
        .error(DocumentErrorCode.duplicateID, "another \(name.kind.rawValue) is already named '\(name.name)'",
               at: name.location, pointer: "/metadata/name", notes: [DiagnosticNote("first named here", at: first)])
    }
}
