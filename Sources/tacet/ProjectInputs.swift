import ArgumentParser
import Foundation
import TacetTool

/// A command's inputs from its paths, the project file in reach and this `tacet`'s shipped defaults.
enum ProjectInputs {
    /// The inputs of a command run with `paths` here; prints why there are none and exits 2 when the project
    /// file is missing (and no paths were given) or invalid. `usage` is the command's usage with its paths
    /// (`tacet plan [ID...] --in PATH...`), shown when nothing can be loaded.
    static func resolve(_ paths: [String], usage: String) throws -> RunInputs {
        let installation = try ShippedDefaults.locate()
        do {
            return try RunInputs.resolve(explicit: paths, usage: usage, workingDirectory: FileManager.default.currentDirectoryPath,
                                         installation: installation)
        } catch {
            try Terminal.finish(error.outcome)
            throw ExitCode(ExitStatus.invalid.rawValue)  // finish has thrown already: the outcome is invalid
        }
    }

    /// The inputs of the project in reach, or nil when there is none; exits 2 when its tacet.yaml is invalid.
    static func project() throws -> RunInputs? {
        let installation = try ShippedDefaults.locate()
        do {
            return try RunInputs.project(workingDirectory: FileManager.default.currentDirectoryPath,
                                         installation: installation)
        } catch {
            try Terminal.finish(error.outcome)
            throw ExitCode(ExitStatus.invalid.rawValue)  // finish has thrown already: the outcome is invalid
        }
    }
}
