import ArgumentParser
import Foundation
import TacetTool

/// `tacet init`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a clinic's Tacet repository: a project file, a team layer on the shipped default policy, CI and pre-commit.",
        discussion: """
            Writes tacet.yaml, policies/TEAM.yaml (a layer that extends the shipped default and tightens nothing \
            yet), teams/TEAM/ with one compliant workflow and one therapist, .vscode/settings.json (each \
            document kind's folder mapped to its JSON Schema), .github/workflows/tacet.yml and \
            .pre-commit-config.yaml. Never writes over an existing file: it says which it left alone. Then \
            `tacet check` in DIR exits 0. Example: tacet init clinic-policies --team pediatrics
            """
    )

    @Argument(help: "The repository's folder (default: the current directory; made when missing).")
    var directory: String = "."

    @Option(help: "The team's name: lower-case letters, digits and single hyphens.")
    var team: String

    @Flag(name: .customLong("copy-defaults"), help: """
        Copy the shipped default policy and curricula into the repository (policies/, curricula/) and set \
        defaults: none, for a clinic that will edit its base policy.
        """)
    var copyDefaults = false

    func validate() throws {
        if !TacetTool.InitCommand.isValidTeamName(team) {
            throw ValidationError("--team '\(team)' is not a valid name: use lower-case letters, digits and single hyphens, e.g. pediatrics")
        }
    }

    func run() throws {
        let installation = try ShippedDefaults.locate()
        try Terminal.finish(TacetTool.InitCommand.run(directory: directory, team: team, copyDefaults: copyDefaults,
                                                      installation: installation, today: .today()))
    }
}
