import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetPluginHost

/// A revision of the git repository the command runs in, written out to a temporary folder so that it
/// loads like any other: how `tacet diff main HEAD` reads a side that is not a folder.
///
/// git runs as a child process (found on PATH, never through a shell, the revision passed after
/// `--end-of-options` so it cannot be read as an option), with a temporary index of its own: the
/// repository's index, work tree and worktree list are left as they are.
package struct GitRevision: Sendable {
    /// The revision as the user named it.
    package var name: String
    /// The repository's top folder (absolute, links resolved).
    package var repository: String
    /// The temporary folder the revision's files are written under, mirroring the repository.
    package var tree: String
    /// The temporary folder to remove afterwards (holding ``tree`` and the index).
    package var scratch: String

    /// The longest a git call may take; far above what reading a policy repository needs.
    static let timeout: Double = 120

    /// Writes out revision `name` of the repository holding `directory`. Throws `io.git` when git is
    /// missing, `directory` is in no repository, or the revision is unknown.
    package static func checkout(_ name: String, from directory: String) throws(DiagnosticError) -> GitRevision {
        guard let git = executable() else {
            throw failure("cannot read git revision '\(name)': git is not installed (no git on PATH); "
                          + "give a folder instead of a revision, or install git")
        }
        let top = try run(git, ["rev-parse", "--show-toplevel"], in: directory, reading: name)
        guard (try? run(git, ["rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}"], in: top, reading: name)) != nil else {
            throw failure("unknown git revision '\(name)' in the repository at \(top): name a branch, tag or commit "
                          + "(e.g. main, HEAD~1), or a folder that exists")
        }
        let scratch = NSTemporaryDirectory() + "tacet-diff-" + UUID().uuidString
        try FileIO.createFolder(scratch)
        let environment = ["GIT_INDEX_FILE": scratch + "/index"]
        do {
            _ = try run(git, ["read-tree", "--end-of-options", name + "^{commit}"], in: top, reading: name, adding: environment)
            _ = try run(git, ["checkout-index", "--all", "--prefix=" + scratch + "/tree/"], in: top, reading: name, adding: environment)
        } catch {
            try? FileManager.default.removeItem(atPath: scratch)
            throw error
        }
        return GitRevision(name: name, repository: FileIO.realPath(top) ?? top, tree: scratch + "/tree", scratch: scratch)
    }

    /// Removes the temporary folder.
    package func remove() { try? FileManager.default.removeItem(atPath: scratch) }

    /// git on PATH, or nil.
    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// git's standard output, trimmed; throws with git's own first line of error when it fails.
    private static func run(_ git: String, _ arguments: [String], in directory: String, reading name: String,
                            adding extra: [String: String] = [:]) throws(DiagnosticError) -> String {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { _, new in new }
        // Messages in English whatever the locale, so the error reads the same as Tacet's own.
        environment["LC_ALL"] = "C"
        let spec = ProcessSpec(executable: git, arguments: ["git"] + arguments, environment: environment,
                               workingDirectory: directory, timeout: timeout)
        let result: ProcessResult
        do {
            result = try ChildProcess.run(spec)
        } catch {
            throw failure("cannot read git revision '\(name)': cannot run \(git): \(error)")
        }
        guard result.termination == .exited(0), result.stop == nil else {
            let said = String(decoding: result.errorOutput, as: UTF8.self).split(separator: "\n").first.map(String.init)
            let reason = said.map { $0.hasPrefix("fatal: ") ? String($0.dropFirst(7)) : $0 } ?? "git \(arguments[0]) failed"
            throw failure("cannot read git revision '\(name)': \(reason)")
        }
        return String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func failure(_ message: String) -> DiagnosticError {
        DiagnosticError(.error(IOErrorCode.git, message, at: nil))
    }
}
