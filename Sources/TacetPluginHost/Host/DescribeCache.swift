import Crypto
import Foundation
import TacetDocuments
import TacetPluginProtocol
import TacetSchemas

/// Plugins' `describe` answers kept between runs, so that a run does not start every plugin only to hear
/// again what it said last time.
///
/// An entry is keyed by the SHA-256 of what the answer depends on: the plugin's real folder, its manifest's
/// bytes, its executable's bytes and the protocol versions the host offers; editing any of them misses the
/// cache. An entry read back is trusted no more than a live answer: its own digest must match, it must follow
/// the describe schema, and the host then checks it against the manifest as it checks a live answer;
/// anything else is ignored (and rewritten by the live answer). The cache never fails a run: an entry that
/// cannot be read is a miss, one that cannot be written is noted in ``writeProblem`` and otherwise ignored.
///
/// The folder does not grow without bound: every time an entry is written (a plugin described afresh, the
/// only way entries are added), entries not used for ``maxAge`` (30 days) are removed, then the oldest
/// beyond ``maxEntries`` (100). An entry read back counts as used: its modification time is moved to now,
/// at most once a day. Removing is best effort, like writing: it never fails a run.
public final class DescribeCache: @unchecked Sendable {  // @unchecked: `lock` guards the only mutable state, `problems`
    /// Whether cached answers are read.
    public enum Mode: Sendable {
        /// Read entries, and write an entry for every answer asked afresh.
        case use
        /// Ask every plugin afresh and rewrite its entry (`plugin list --refresh`).
        case refresh
    }

    /// The folder the entries live in (`$XDG_CACHE_HOME/tacet`, by default `~/.cache/tacet`).
    public let directory: String
    /// Whether entries are read.
    public let mode: Mode

    /// Built on first use, once per process.
    private static let validator = try? SchemaValidator(schema: PluginSchemas.describeResponse)
    private let lock = NSLock()
    private var problems: [String] = []

    /// The first line of an entry, before the SHA-256 of the answer that follows it.
    static let header = "tacet describe cache 1 sha256:"
    /// The most bytes of an entry read: the stdout cap a live describe answer is held to, plus the header.
    static let readLimit = (16 << 20) + 128

    /// Seconds an entry may go unused before the next write removes it: 30 days.
    public static let maxAge: Double = 30 * 24 * 3600
    /// Most entries kept: the next write removes the least recently used beyond this.
    public static let maxEntries = 100
    /// The prefix of every entry's file name; nothing else in the folder is ever removed.
    static let entryPrefix = "describe-"

    /// Creates a cache in `directory`.
    public init(directory: String, mode: Mode = .use) {
        self.directory = directory
        self.mode = mode
    }

    /// The cache folder the XDG base directory rules give for `environment`: `$XDG_CACHE_HOME/tacet` when
    /// that is an absolute path, else `$HOME/.cache/tacet`; nil when neither is set (then nothing is cached).
    public static func directory(environment: [String: String]) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/tacet" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/tacet" }
        return nil
    }

    /// Why the last entry could not be written (the file and the system's reason), or nil when every write
    /// worked.
    public var writeProblem: String? { lock.withLock { problems.first } }

    /// The key of `plugin`'s describe answer for a host speaking `hostVersions`, or nil when its manifest
    /// or executable cannot be read (then it is not cached).
    package func key(for plugin: DiscoveredPlugin, hostVersions: [Int]) -> String? {
        guard case .success(let manifest) = PluginDiscovery.sha256(of: plugin.document.file),
              case .success(let executable) = PluginDiscovery.sha256(of: plugin.executable) else { return nil }
        let material = ["folder " + plugin.folder, "manifest " + manifest, "executable " + executable,
                        "protocols " + hostVersions.map(String.init).joined(separator: ",")].joined(separator: "\n")
        return Self.hex(SHA256.hash(data: Data(material.utf8)))
    }

    /// The cached answer under `key` when the mode reads entries and the entry is intact and follows the
    /// describe schema; nil otherwise.
    package func answer(for key: String) -> [UInt8]? {
        guard mode == .use, let bytes = Self.regularFile(at: path(for: key)),
              bytes.count < Self.readLimit, let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let answer = Array(bytes[(newline + 1)...])
        guard String(decoding: bytes[..<newline], as: UTF8.self) == Self.header + Self.hex(SHA256.hash(data: answer)),
              accepts(answer) else { return nil }
        Self.markUsed(path(for: key))
        return answer
    }

    /// Moves the modification time of the entry at `path` to now when it is more than a day old, so that
    /// pruning goes by last use; a day's slack spares a write on every run.
    static func markUsed(_ path: String, now: Date = Date()) {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
              now.timeIntervalSince1970 - Double(status.st_mtim.tv_sec) > 24 * 3600 else { return }
        _ = utimensat(AT_FDCWD, path, nil, AT_SYMLINK_NOFOLLOW)
    }

    /// Removes the entries not used since `maxAge` before `now`, then the least recently used beyond
    /// `maxEntries`; regular files named like entries only, and whatever fails to go is left (never an error).
    package func prune(now: Date = Date(), maxAge: Double = DescribeCache.maxAge, maxEntries: Int = DescribeCache.maxEntries) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var entries: [(path: String, used: Double)] = []
        for name in names where name.hasPrefix(Self.entryPrefix) {
            let path = directory + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            entries.append((path, Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9))
        }
        entries.sort { $0.used > $1.used }
        for (index, entry) in entries.enumerated() where index >= maxEntries || now.timeIntervalSince1970 - entry.used > maxAge {
            _ = unlink(entry.path)
        }
    }

    /// The bytes of the regular file at `path`, up to ``readLimit``; nil for anything else. The file is opened
    /// without following a link and without waiting, then judged by what was opened, so a FIFO or link put in
    /// place of an entry between a look and the open can neither block the run nor lead elsewhere.
    static func regularFile(at path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < readLimit {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }

    /// Writes `answer` under `key`, atomically; a failure is kept for ``writeProblem``, never thrown.
    package func store(_ answer: [UInt8], for key: String) {
        let path = path(for: key)
        do {
            try FileIO.createFolder(directory)
            try FileIO.writeAtomically(Self.header + Self.hex(SHA256.hash(data: answer)) + "\n" + String(decoding: answer, as: UTF8.self),
                                       to: path, inputs: [])
            prune()
        } catch {
            let reason = error.diagnostics.first.map { "\($0.location?.file ?? path): \($0.message)" } ?? path
            lock.withLock { problems.append(reason) }
        }
    }

    /// Whether `answer` may be cached: it follows the describe schema (an answer that does not would be
    /// refused when read back).
    package func accepts(_ answer: [UInt8]) -> Bool {
        guard let validator = Self.validator, let value = try? JSONParser.parse(answer) else { return false }
        return validator.validate(value).isEmpty
    }

    private func path(for key: String) -> String { directory + "/" + Self.entryPrefix + key }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
    }
}
