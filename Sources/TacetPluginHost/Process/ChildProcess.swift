import CSpawn
#if canImport(Glibc)
import Glibc
#endif

/// Runs one untrusted child process to completion, whatever it does: at once (``run(_:)``), or started
/// ahead of its request and finished later (``start(_:)``, then ``SpawnedChild/finish(_:)``).
///
/// The child gets its own process group, exactly the environment of its spec and no other descriptor
/// of the host. Standard input is written while standard output and error are drained, all from one
/// `poll(2)` loop, so a child that never reads cannot block the host and one that floods cannot grow
/// memory past the caps. Past the timeout the whole group gets SIGTERM, then SIGKILL after the grace
/// period; when the child itself has exited, anything left in its group (a grandchild still holding the
/// pipes) is killed, so nothing outlives the call.
public enum ChildProcess {
    /// Writes to a pipe whose reader has gone must fail with EPIPE rather than kill the host. The
    /// disposition is process-wide; children get it back to the default (see `run`).
    private static let ignoreBrokenPipes: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    /// The longest one `poll` waits, so that a child that exited while others hold its pipes is noticed.
    private static let pollSliceMilliseconds: Double = 20

    /// Extra seconds allowed after SIGKILL for a descendant outside the group to let go of the pipes.
    private static let abandonAfterKill: Double = 1

    /// Runs `spec` and returns once the child has been reaped and its group is gone.
    ///
    /// This call blocks its thread for as long as the child runs (bounded by the spec's timeout, grace
    /// period and one second); run it off the cooperative thread pool.
    public static func run(_ spec: ProcessSpec) throws(SpawnError) -> ProcessResult {
        // A child just started for `spec` is open and has its launch, so `finish` answers; the error is
        // there so that nothing here can crash.
        guard let result = try start(spec).finish(spec) else { throw SpawnError(step: "finish \(spec.executable)", code: ECHILD) }
        return result
    }

    /// Starts `spec`'s executable and returns at once, its request not yet written: the child starts up
    /// (an interpreter loads, a binary links) while the host gets the request ready, then
    /// ``SpawnedChild/finish(_:)`` writes it and runs the child to its end. A child never finished is
    /// killed with its group and reaped when its ``SpawnedChild`` is released or ``SpawnedChild/kill()``ed.
    public static func start(_ spec: ProcessSpec) throws(SpawnError) -> SpawnedChild {
        _ = ignoreBrokenPipes
        let started = monotonicSeconds()
        var pipes = try PipeSet()
        let pid: pid_t
        do {
            pid = try spawn(spec, pipes: pipes)
        } catch {
            pipes.closeAll()
            throw error
        }
        pipes.closeChildEnds()
        return SpawnedChild(pid: pid, pipes: pipes, started: started, launch: ProcessLaunch(spec))
    }

    /// Writes `spec`'s input to the child `pid` through `pipes`, drains its output and returns once the
    /// child has been reaped and its group is gone. The timeout counts from this call, not from the spawn:
    /// a child started ahead waits for its request without using up its time.
    static func finish(_ spec: ProcessSpec, pid: pid_t, pipes: inout PipeSet, started: Double) -> ProcessResult {
        var loop = Loop(spec: spec, pid: pid, started: monotonicSeconds())
        if loop.inputCount == 0 { pipes.closeInput() }
        loop.run(&pipes)
        // The group is killed before the child is reaped: until then its pid cannot be reused as a
        // group id, so this never signals a stranger.
        _ = killpg(pid, SIGKILL)
        let termination = reap(pid)
        pipes.closeAll()
        return ProcessResult(output: loop.output, errorOutput: loop.errorOutput, termination: termination,
                             stop: loop.stop, inputWritten: loop.written, elapsed: monotonicSeconds() - started)
    }

    /// Kills the group of the child `pid`, never finished, and reaps the child.
    static func abandon(pid: pid_t, pipes: inout PipeSet) {
        pipes.closeAll()
        _ = killpg(pid, SIGKILL)
        _ = reap(pid)
    }

    private static func spawn(_ spec: ProcessSpec, pipes: PipeSet) throws(SpawnError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes.input.read, 0)
        posix_spawn_file_actions_adddup2(&actions, pipes.output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, pipes.error.write, 2)
        var code = tacet_spawn_addchdir(&actions, spec.workingDirectory)
        if code != 0 { throw SpawnError(step: "change to \(spec.workingDirectory)", code: code) }
        code = tacet_spawn_addclosefrom(&actions, 3)
        if code != 0 { throw SpawnError(step: "close inherited descriptors", code: code) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        // Every signal back to its default (the host ignores SIGPIPE) and none blocked.
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        let argv = CStringArray(spec.arguments)
        let envp = CStringArray(spec.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        defer {
            argv.free()
            envp.free()
        }
        var pid: pid_t = 0
        code = posix_spawn(&pid, spec.executable, &actions, &attributes, argv.pointers, envp.pointers)
        if code != 0 { throw SpawnError(step: "start \(spec.executable)", code: code) }
        return pid
    }

    static func reap(_ pid: pid_t) -> ProcessResult.Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            // ECHILD would mean someone else reaped it: report it as killed rather than spin.
            if errno != EINTR { return .signalled(SIGKILL) }
        }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Whether `pid` has exited, without reaping it.
    static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return true }
        return info._sifields._sigchld.si_pid == pid
    }

    /// The poll loop's state: what was read and written, and where the deadlines stand.
    private struct Loop {
        let spec: ProcessSpec
        let pid: pid_t
        let deadline: Double
        var output: [UInt8] = []
        var errorOutput: [UInt8] = []
        var written = 0
        /// The part of the input being written and how much of it is written.
        var part = 0
        var partOffset = 0
        let inputCount: Int
        var stop: ProcessResult.Stop?
        var killAt: Double?
        var abandonAt: Double?
        var childExited = false

        init(spec: ProcessSpec, pid: pid_t, started: Double) {
            self.spec = spec
            self.pid = pid
            self.deadline = started + spec.timeout
            self.inputCount = spec.inputCount
        }

        mutating func run(_ pipes: inout PipeSet) {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            var backoff: UInt32 = 50
            while true {
                let now = ChildProcess.monotonicSeconds()
                if stop == nil, now >= deadline {
                    stop = .timeout(spec.timeout)
                    terminate(now)
                }
                if let killAt, now >= killAt { forceKill(now) }
                if let abandonAt, now >= abandonAt { return }

                if !pipes.anyOpen {
                    if childExited || ChildProcess.hasExited(pid) { return }
                    // Pipes closed but the child lives on: wait for it, politely at first.
                    usleep(backoff)
                    backoff = min(backoff * 2, 10_000)
                    continue
                }
                var fds: [pollfd] = []
                if pipes.input.write >= 0 { fds.append(pollfd(fd: pipes.input.write, events: Int16(POLLOUT), revents: 0)) }
                if pipes.output.read >= 0 { fds.append(pollfd(fd: pipes.output.read, events: Int16(POLLIN), revents: 0)) }
                if pipes.error.read >= 0 { fds.append(pollfd(fd: pipes.error.read, events: Int16(POLLIN), revents: 0)) }
                let next = [deadline, killAt, abandonAt].compactMap { $0 }.filter { $0 > now }.min() ?? now
                let wait = Int32(max(0, min(ChildProcess.pollSliceMilliseconds, ((next - now) * 1000).rounded(.up))))
                let ready = poll(&fds, nfds_t(fds.count), wait)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return
                }
                if ready == 0 {
                    // A quiet slice: if the child is gone, whatever still holds its pipes is a leftover.
                    if !childExited, ChildProcess.hasExited(pid) {
                        childExited = true
                        _ = killpg(pid, SIGKILL)
                        if abandonAt == nil { abandonAt = now + ChildProcess.abandonAfterKill }
                    }
                    continue
                }
                for entry in fds where entry.revents != 0 {
                    if entry.fd == pipes.input.write {
                        writeInput(&pipes)
                    } else if entry.fd == pipes.output.read {
                        readStream(&pipes.output.read, isError: false, buffer: &buffer)
                    } else if entry.fd == pipes.error.read {
                        readStream(&pipes.error.read, isError: true, buffer: &buffer)
                    }
                }
            }
        }

        mutating func terminate(_ now: Double) {
            _ = killpg(pid, SIGTERM)
            killAt = now + spec.gracePeriod
        }

        mutating func forceKill(_ now: Double) {
            _ = killpg(pid, SIGKILL)
            killAt = nil
            if abandonAt == nil { abandonAt = now + ChildProcess.abandonAfterKill }
        }

        mutating func writeInput(_ pipes: inout PipeSet) {
            while part < spec.inputParts.count, partOffset == spec.inputParts[part].count {
                part += 1
                partOffset = 0
            }
            guard part < spec.inputParts.count else {
                pipes.closeInput()
                return
            }
            let offset = partOffset
            let count = spec.inputParts[part].withUnsafeBytes { bytes in
                // invariant: the part is non-empty (the loop above skips written and empty parts)
                Glibc.write(pipes.input.write, bytes.baseAddress! + offset, min(bytes.count - offset, 1 << 16))
            }
            if count > 0 {
                written += count
                partOffset += count
                if written == inputCount { pipes.closeInput() }
            } else if count < 0, errno != EAGAIN, errno != EINTR {
                // EPIPE: the child closed its standard input without reading it all.
                pipes.closeInput()
            }
        }

        mutating func readStream(_ fd: inout Int32, isError: Bool, buffer: inout [UInt8]) {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                let cap = isError ? spec.errorCap : spec.outputCap
                let room = cap - (isError ? errorOutput.count : output.count)
                if isError {
                    errorOutput.append(contentsOf: buffer[0..<min(count, room)])
                } else {
                    output.append(contentsOf: buffer[0..<min(count, room)])
                }
                if count > room {
                    if stop == nil { stop = .outputCap(stream: isError ? "stderr" : "stdout", cap: cap) }
                    Glibc.close(fd)
                    fd = -1
                    forceKill(ChildProcess.monotonicSeconds())
                }
            } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                Glibc.close(fd)
                fd = -1
            }
        }
    }
}
