import CSpawn
#if canImport(Glibc)
import Glibc
#endif

/// The three pipes between the host and one child; closed ends are -1.
struct PipeSet {
    /// One pipe's two ends.
    struct Ends {
        var read: Int32 = -1
        var write: Int32 = -1
    }

    var input = Ends()
    var output = Ends()
    var error = Ends()

    /// Opens three close-on-exec pipes and makes the host's ends non-blocking.
    init() throws(SpawnError) {
        input = try Self.open()
        output = try Self.open()
        error = try Self.open()
        for fd in [input.write, output.read, error.read] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
    }

    private static func open() throws(SpawnError) -> Ends {
        var fds: [Int32] = [-1, -1]
        guard tacet_pipe_cloexec(&fds) == 0 else { throw SpawnError(step: "create a pipe", code: errno) }
        return Ends(read: fds[0], write: fds[1])
    }

    /// Whether the host still reads or writes any pipe.
    var anyOpen: Bool { input.write >= 0 || output.read >= 0 || error.read >= 0 }

    /// Closes the ends the child got copies of.
    mutating func closeChildEnds() {
        Self.close(&input.read)
        Self.close(&output.write)
        Self.close(&error.write)
    }

    /// Closes the child's standard input (end of request).
    mutating func closeInput() { Self.close(&input.write) }

    /// Closes every end still open.
    mutating func closeAll() {
        for fd in [\Self.input.read, \Self.input.write, \Self.output.read, \Self.output.write, \Self.error.read, \Self.error.write] {
            Self.close(&self[keyPath: fd])
        }
    }

    private static func close(_ fd: inout Int32) {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }
}
