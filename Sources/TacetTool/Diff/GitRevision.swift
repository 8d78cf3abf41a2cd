import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetPluginHost

/// A revision of the git repository the command runs in, written out to a temporary folder so that it
/// loads like any other: how `tacet diff main HEAD` reads a side that is not a folder.
///
/// git runs as a child process (found on PATH, never through a shell, the revision passed after
/// `--end-of-options` so it cannot be read as an option), with a temporary index of its own: the
/// repository's index, work tree and worktree list are left as they are. Only the YAML files under the
/// run's paths are written out, never the whole repository (its media, LFS files, build output).
///
/// The temporary folder is removed by ``remove()``; one left behind by a run that was interrupted (Ctrl-C,
/// a kill) is named after that run's process and removed by the next revision checkout once the process
/// is gone.
package struct GitRevision: Sendable {
    /// The revision as the user named it.
    package var name: String
    /// The repository's top folder (absolute, links resolved).
    package var repository: String
    /// The temporary folder the revision's files are written under, mirroring the repository.
    package var tree: String
    /// The temporary folder to remove afterwards (holding ``tree`` and the index).
    package var scratch: String
    /// git's path.
    private var gitPath: String
    /// The repository's top folder as git gave it: where git runs.
    private var top: String

    /// The longest a git call may take; far above what reading a policy repository needs.
    static let timeout: Double = 120

    /// What every temporary folder of a revision is named with, before its process id.
    package static let scratchPrefix = "tacet-diff-"

    /// Reads revision `name` of the repository holding `directory` into an index of its own, writing no file
    /// yet (``writeOut(_:)`` does). Throws `io.git` when git is missing, `directory` is in no repository, or
    /// the revision is unknown.
    package static func open(_ name: String, from directory: String) throws(DiagnosticError) -> GitRevision {
        guard let git = executable() else {
            throw failure("cannot read git revision '\(name)': git is not installed (no git on PATH); "
                          + "give a folder instead of a revision, or install git")
        }
        let top = try run(git, ["rev-parse", "--show-toplevel"], in: directory, reading: name)
        guard (try? run(git, ["rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}"], in: top, reading: name)) != nil else {
            throw failure("unknown git revision '\(name)' in the repository at \(top): name a branch, tag or commit "
                          + "(e.g. main, HEAD~1), or a folder that exists")
        }
        removeAbandonedScratch()
        let scratch = NSTemporaryDirectory() + scratchPrefix + "\(getpid())-" + UUID().uuidString
        try FileIO.createFolder(scratch)
        let revision = GitRevision(name: name, repository: FileIO.realPath(top) ?? top, tree: scratch + "/tree", scratch: scratch,
                                   gitPath: git, top: top)
        do {
            _ = try revision.git(["read-tree", "--end-of-options", name + "^{commit}"])
        } catch {
            revision.remove()
            throw error
        }
        return revision
    }

    /// Writes the revision's `.yaml`/`.yml` files under `paths` (relative to the repository's top, "" for all
    /// of it) to ``tree``. Throws `io.git` when git fails; the temporary folder is then already removed.
    package func writeOut(_ paths: [String]) throws(DiagnosticError) {
        do {
            try FileIO.createFolder(tree)
            guard !paths.isEmpty else { return }
            let listed = try git(["--literal-pathspecs", "ls-files", "-z", "--"] + paths.map { $0.isEmpty ? "." : $0 }, trimmed: false)
            let files = listed.split(separator: "\0").filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            guard !files.isEmpty else { return }
            _ = try git(["checkout-index", "-z", "--stdin", "--prefix=" + tree + "/"], input: files.joined(separator: "\0") + "\0")
        } catch {
            remove()
            throw error
        }
    }

    /// Removes the temporary folder.
    package func remove() { try? FileManager.default.removeItem(atPath: scratch) }

    /// Removes the temporary folders of revisions whose run ended without removing them (interrupted):
    /// those named after a process that no longer exists.
    static func removeAbandonedScratch() {
        let temporary = NSTemporaryDirectory()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        for entry in entries where entry.hasPrefix(scratchPrefix) {
            guard let pid = entry.dropFirst(scratchPrefix.count).split(separator: "-").first.flatMap({ Int32($0) }),
                  pid > 0, pid != getpid(), kill(pid, 0) == -1, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: temporary + entry)
        }
    }

    /// git run in the repository's top folder with this revision's index.
    private func git(_ arguments: [String], input: String = "", trimmed: Bool = true) throws(DiagnosticError) -> String {
        try Self.run(gitPath, arguments, in: top, reading: name, index: scratch + "/index", input: input, trimmed: trimmed)
    }

    /// git on PATH, or nil.
    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// git's standard output (trimmed unless `trimmed` is false), git given `input` and, when `index` is set,
    /// that index; throws with git's own first line of error when it fails.
    private static func run(_ git: String, _ arguments: [String], in directory: String, reading name: String,
                            index: String? = nil, input: String = "", trimmed: Bool = true) throws(DiagnosticError) -> String {
        // Inside a git hook GIT_DIR, GIT_WORK_TREE, GIT_OBJECT_DIRECTORY, GIT_CONFIG_* and the rest are set for
        // the hook's repository: git must find the repository from the folder, as the user sees it.
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        if let index { environment["GIT_INDEX_FILE"] = index }
        // Messages in English whatever the locale, so the error reads the same as Tacet's own.
        environment["LC_ALL"] = "C"
        let spec = ProcessSpec(executable: git, arguments: ["git"] + arguments, environment: environment,
                               workingDirectory: directory, input: Array(input.utf8), timeout: timeout)
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
        let output = String(decoding: result.output, as: UTF8.self)
        return trimmed ? output.trimmingCharacters(in: .whitespacesAndNewlines) : output
    }

    private static func failure(_ message: String) -> DiagnosticError {
        DiagnosticError(.error(IOErrorCode.git, message, at: nil))
    }
}
