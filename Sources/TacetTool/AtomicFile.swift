import TacetDocuments
import Foundation
import TacetDiagnostics

/// Writes output files the safe way: to a temporary file beside the target, then a rename, so a
/// reader never sees half a file; and never over one of the run's inputs.
public enum AtomicFile {
    /// Writes `text` to `path` unless `path` is one of `inputs` (compared after resolving links).
    public static func write(_ text: String, to path: String, inputs: [String]) throws(DiagnosticError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        let location = SourceLocation(file: path, line: 1, column: 1)
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target {
            throw DiagnosticError(.error(IOErrorCode.overwriteInput, "refusing to write the output over an input file",
                                         at: location, hint: "choose another --output path"))
        }
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).tacet-\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw DiagnosticError(.error(IOErrorCode.write, "cannot write the file: \(error.localizedDescription)", at: location))
        }
        // rename(2) replaces the target in one step on the same file system, which is why the
        // temporary file sits beside the target.
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw DiagnosticError(.error(IOErrorCode.write, "cannot write the file: \(reason)", at: location))
        }
    }
}
