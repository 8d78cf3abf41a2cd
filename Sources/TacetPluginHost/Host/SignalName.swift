#if canImport(Glibc)
import Glibc
#endif

/// Names of the signals a crashing plugin usually dies of.
enum SignalName {
    /// `SIGSEGV (11)`, or the bare number for a signal without a common name.
    static func of(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL",
                                      SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE",
                                      SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE", SIGTERM: "SIGTERM"]
        return names[signal].map { "\($0) (\(signal))" } ?? "\(signal)"
    }
}
