import ArgumentParser
import Foundation
import TacetTool

/// This `tacet`'s shipped defaults, located once for the commands that need them.
enum ShippedDefaults {
    /// The installation this `tacet` finds, or nil; prints why and exits 2 when `TACET_HOME` names no
    /// installation.
    static func locate() throws -> Installation? {
        do {
            return try Installation.locate(environment: ProcessInfo.processInfo.environment, executable: Installation.currentExecutable())
        } catch {
            try Terminal.finish(.invalid(error.diagnostics))
            throw ExitCode(ExitStatus.invalid.rawValue)  // finish has thrown already: the outcome is invalid
        }
    }
}
