import Foundation
import TacetDiagnostics

/// What loading each file gave, kept between loads of one workspace and reused for a file whose bytes
/// are unchanged: an editor's server loads the whole workspace on every keystroke, and only the edited
/// buffer differs. Safe to share among the loader's threads.
public final class LoadCache: @unchecked Sendable {
    // @unchecked: `entries` is only touched while `lock` is held.
    private let lock = NSLock()
    private var entries: [String: LoadedFile] = [:]

    /// An empty cache.
    public init() {}

    /// The earlier load of `file`, when it was of exactly `bytes`.
    func entry(for file: String, bytes: [UInt8]) -> LoadedFile? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[file], entry.bytes == bytes else { return nil }
        return entry
    }

    /// Records the load of a file.
    func store(_ loaded: LoadedFile) {
        lock.lock()
        entries[loaded.file] = loaded
        lock.unlock()
    }

    /// Forgets every file but `files`, so that the cache holds no more than the last load's files.
    func keep(only files: Set<String>) {
        lock.lock()
        entries = entries.filter { files.contains($0.key) }
        lock.unlock()
    }
}
