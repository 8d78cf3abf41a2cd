import ArgumentParser

/// `tacet framework`.
struct FrameworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framework",
        abstract: "Work with competency frameworks.",
        subcommands: [FrameworkImportCommand.self]
    )
}
