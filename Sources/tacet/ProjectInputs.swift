import ArgumentParser
import Foundation
import TacetTool

/// A command's inputs from its paths, the project file in reach and this `tacet`'s shipped defaults.
enum ProjectInputs {
    /// The inputs of `command` run with `paths` here; prints why there are none and exits 2 when the project
    /// file is missing (and no paths were given) or invalid.
    static func resolve(_ paths: [String], command: String) throws -> RunInputs {
        let installation = try ShippedDefaults.locate()
        do {
            return try RunInputs.resolve(explicit: paths, command: command, workingDirectory: FileManager.default.currentDirectoryPath,
                                         installation: installation)
        } catch {
            try Terminal.finish(error.outcome)
            throw ExitCode(ExitStatus.invalid.rawValue)  // finish has thrown already: the outcome is invalid
        }
    }

    /// The inputs of the project in reach, or nil when there is none; exits 2 when its tacet.yaml is invalid.
    static func project(command: String) throws -> RunInputs? {
        let installation = try ShippedDefaults.locate()
        do {
            return try RunInputs.project(command: command, workingDirectory: FileManager.default.currentDirectoryPath,
                                         installation: installation)
        } catch {
            try Terminal.finish(error.outcome)
            throw ExitCode(ExitStatus.invalid.rawValue)  // finish has thrown already: the outcome is invalid
        }
    }
}
