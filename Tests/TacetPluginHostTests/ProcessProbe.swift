import Foundation

/// Looks at processes from the outside, to prove none is left behind.
enum ProcessProbe {
    /// Whether `pid` is a live process (a zombie waiting for its reaper counts as gone).
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].dropFirst().first
        return state != "Z" && state != "X"
    }

    /// Waits up to `seconds` for `pid` to be gone; true when it is.
    static func waitGone(_ pid: Int32, seconds: Double = 2) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !isAlive(pid) { return true }
            usleep(10_000)
        }
        return !isAlive(pid)
    }

    /// The pids printed one per line in `output`.
    static func pids(in output: [UInt8]) -> [Int32] {
        String(decoding: output, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap { Int32($0) }
    }
}
