import Foundation
import TacetDiagnostics

/// Reads and writes files through the operating system's own calls, so that every failure names
/// the file and gives the system's reason in words ("Is a directory", "Too many levels of symbolic
/// links"). Every command and the workspace loader go through it.
///
/// Foundation's file errors describe themselves as "NSCocoaErrorDomain error 256" on Linux, without
/// the reason, which is why they are not used for I/O.
public enum FileIO {
    /// The bytes of the file at `path`, at most `limit` of them: a caller enforcing a size limit asks
    /// for one byte more and so never reads an oversized file in full.
    public static func contents(of path: String, limit: Int = .max) throws(DiagnosticError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(.read, "cannot read the file", path) }
        defer { close(descriptor) }
        var status = stat()
        let size = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : 0
        // One byte past the expected size, so a regular file is read, and its end seen, in one call.
        let chunk = max(4096, min(size, limit - 1) + 1)
        var bytes: [UInt8] = []
        while bytes.count < limit {
            let wanted = min(chunk, limit - bytes.count)
            var failed: Int32 = 0
            let part = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
                let got = read(descriptor, buffer.baseAddress, wanted)
                if got < 0 { failed = errno }
                count = max(got, 0)
            }
            if failed == EINTR { continue }
            if failed != 0 { throw failure(.read, "cannot read the file", path, errno: failed) }
            if part.isEmpty { break }
            if bytes.isEmpty { bytes = part } else { bytes += part }
        }
        return bytes
    }

    /// Writes `text` to `path` the safe way: to a temporary file beside it, then a rename, so a reader
    /// never sees half a file; and never over one of `inputs` (compared by resolved real path).
    public static func writeAtomically(_ text: String, to path: String, inputs: [String]) throws(DiagnosticError) {
        let real = realPath(path)
        if let real, inputs.contains(where: { realPath($0) == real }) {
            throw DiagnosticError(.error(IOErrorCode.overwriteInput, "refusing to write the output over an input file",
                                         at: location(path), hint: "choose another --output path"))
        }
        guard !path.isEmpty else { throw failure(.write, "cannot write the file", path, errno: ENOENT) }
        // An existing file is replaced where it really is, so a link to it stays a link.
        let target = real ?? path
        let (temporary, written) = try temporaryCopy(of: text, beside: target, named: path)
        var failed = written
        // rename(2) replaces the target in one step on the same file system, which is why the
        // temporary file sits beside the target.
        if failed == 0, rename(temporary, target) != 0 { failed = errno }
        guard failed == 0 else {
            unlink(temporary)
            throw failure(.write, "cannot write the file", path, errno: failed)
        }
    }

    /// Writes `text` to `path` only if nothing is there, whole or not at all; returns false and leaves the
    /// existing file (or link, or folder) alone when something is. The check and the write are one step
    /// (link(2) refuses an existing name), so a file created between a look and a write is never replaced.
    public static func writeNew(_ text: String, to path: String) throws(DiagnosticError) -> Bool {
        guard !path.isEmpty else { throw failure(.write, "cannot write the file", path, errno: ENOENT) }
        let (temporary, written) = try temporaryCopy(of: text, beside: path, named: path)
        defer { unlink(temporary) }
        var failed = written
        if failed == 0, link(temporary, path) != 0 { failed = errno }
        if failed == EEXIST { return false }
        guard failed == 0 else { throw failure(.write, "cannot write the file", path, errno: failed) }
        return true
    }

    /// `text` written to a new hidden file beside `target` (so a rename or link to `target` stays on one file
    /// system), and the errno of writing or closing it (0 when whole); an error names `path` as given.
    private static func temporaryCopy(of text: String, beside target: String,
                                      named path: String) throws(DiagnosticError) -> (path: String, errno: Int32) {
        let folder = (target as NSString).deletingLastPathComponent
        let name = "." + (target as NSString).lastPathComponent + ".tacet-\(UUID().uuidString).tmp"
        let temporary = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(.write, "cannot write the file", path) }
        var failed = writeAll(Array(text.utf8), to: descriptor)
        if close(descriptor) != 0, failed == 0 { failed = errno }
        return (temporary, failed)
    }

    /// Creates the folder `path` and any missing folders above it; an error names `path` as given.
    public static func createFolder(_ path: String) throws(DiagnosticError) {
        let failed = makeFolder(path.isEmpty ? "." : path)
        guard failed == 0 else { throw failure(.write, "cannot create the folder", path, errno: failed) }
    }

    /// `path` with every symbolic link, `.` and `..` resolved, or nil when it cannot be resolved
    /// (it does not exist, or a link loops).
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The names in `directory` that are not hidden (hidden ones, "." and ".." start with a dot), sorted;
    /// `what` says what the folder is for the error ("cannot read the plugin directory").
    public static func entries(of directory: String, what: String = "cannot read the folder") throws(DiagnosticError) -> [String] {
        guard let stream = opendir(directory) else { throw failure(.read, what, directory) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    /// The error for a failed call on `path`: `what` went wrong ("cannot read the file") and the
    /// operating system's reason for `number` in words.
    public static func failure(_ code: IOErrorCode, _ what: String, _ path: String, errno number: Int32 = errno) -> DiagnosticError {
        let reason = String(cString: strerror(number))
        let message = path.isEmpty ? "\(what) (the path is empty): \(reason)" : "\(what): \(reason)"
        return DiagnosticError(.error(code, message, at: location(path)))
    }

    /// The start of `path`, or no place at all for an empty path (":1:1" would name nothing).
    private static func location(_ path: String) -> SourceLocation? {
        path.isEmpty ? nil : SourceLocation(file: path, line: 1, column: 1)
    }

    /// Writes every byte, retrying short writes and interrupted calls; the failing errno, or 0.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
    }

    /// `mkdir -p`: 0 when `path` is a folder afterwards, else the errno that stopped it.
    private static func makeFolder(_ path: String) -> Int32 {
        var status = stat()
        if stat(path, &status) == 0 { return status.st_mode & S_IFMT == S_IFDIR ? 0 : ENOTDIR }
        guard errno == ENOENT else { return errno }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path {
            let failed = makeFolder(parent)
            if failed != 0 { return failed }
        }
        return mkdir(path, 0o777) == 0 || errno == EEXIST ? 0 : errno
    }
}
