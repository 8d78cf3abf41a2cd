import ArgumentParser

/// A command named in the design whose behaviour is not built yet: it says so and exits 2, so a
/// script never mistakes it for a passing run.
protocol PlannedCommand: ParsableCommand {
    /// Whatever the user passed; accepted so the message is the same with any arguments.
    var arguments: [String] { get }
}

extension PlannedCommand {
    func run() throws {
        let name = Self.configuration.commandName ?? "this command"
        Terminal.writeError("error: tacet \(name) is not available in this version of Tacet yet\n")
        throw ExitCode(2)
    }
}
