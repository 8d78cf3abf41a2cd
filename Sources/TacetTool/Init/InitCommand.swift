import Foundation
import TacetDiagnostics
import TacetDocuments

/// `tacet init [DIR] --team NAME [--copy-defaults]`: starts a clinic's Tacet repository.
///
/// Writes `tacet.yaml`, a team policy layer on the shipped default, a team folder with one compliant
/// workflow and one therapist, `.vscode/settings.json` (each kind's folder mapped to its installed JSON
/// Schema), `.github/workflows/tacet.yml` and `.pre-commit-config.yaml`; never over an existing file.
package enum InitCommand {
    /// Writes the files into `directory` for team `team`. With `copyDefaults`, the shipped default policy
    /// and curricula are copied into `policies/` and `curricula/` and the project says `defaults: none`.
    /// The example therapist's credential cycle is the five years from the start of `today`'s year, so that
    /// a repository made on any day checks clean that day. Exit 0 when every file was written or left alone,
    /// 2 when there are no shipped defaults or a file could not be written (with `copyDefaults`, nothing is
    /// written when the defaults cannot be read).
    package static func run(directory: String, team: String, copyDefaults: Bool, installation: Installation?,
                            today: CalendarDate) -> ToolOutcome {
        guard isValidTeamName(team) else {
            return .invalid([Diagnostic(DocumentErrorCode.invalidValue, message: "'\(team)' is not a valid team name",
                                        hint: "use lower-case letters, digits and single hyphens, e.g. pediatrics")])
        }
        guard let installation else {
            return .invalid([Diagnostic(IOErrorCode.noShippedDefaults,
                                        message: "tacet init needs the shipped default policy and curricula, and this tacet finds none",
                                        hint: "install tacet with Scripts/install.sh, or set TACET_HOME to its share/tacet folder")])
        }
        var files = InitTemplates.files.map { template in
            (path: template.path.replacingOccurrences(of: "TEAM", with: team),
             text: fill(template.text, team: team, copyDefaults: copyDefaults, today: today))
        }
        files.append((".vscode/settings.json", vscodeSettings(schemas: installation.schemas)))
        var diagnostics: [Diagnostic] = []
        if copyDefaults {
            do {
                files += try shippedCopies(installation)
            } catch {
                // A project saying `defaults: none` without the defaults it copies would have no base policy.
                return .invalid(error.diagnostics)
            }
        }
        var written: [String] = []
        var leftAlone: [String] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let target = (directory as NSString).appendingPathComponent(file.path)
            do {
                try FileIO.createFolder((target as NSString).deletingLastPathComponent)
                if try FileIO.writeNew(file.text, to: target) { written.append(file.path) } else { leftAlone.append(file.path) }
            } catch {
                diagnostics += error.diagnostics
            }
        }
        var text = written.map { "wrote \($0)\n" }.joined()
        text += leftAlone.map { "left alone \($0): it exists\n" }.joined()
        let place = directory == "." ? "" : "cd \(directory) && "
        text += "\nNext: \(place)tacet check   (then describe your team's workflows in teams/\(team)/workflows/)\n"
        return ToolOutcome(output: text, diagnostics: diagnostics, status: diagnostics.isEmpty ? .ok : .invalid)
    }

    /// Whether `name` may name a team: an id, as every document name is.
    package static func isValidTeamName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("-") && !name.hasSuffix("-") && !name.contains("--")
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A template's text with its placeholders filled in.
    static func fill(_ text: String, team: String, copyDefaults: Bool, today: CalendarDate) -> String {
        // invariant: January 1 and December 31 exist in every year.
        let cycleStart = CalendarDate(year: today.year, month: 1, day: 1) ?? today
        let cycleEnd = CalendarDate(year: today.year + 4, month: 12, day: 31) ?? today
        return text.replacingOccurrences(of: "{{team}}", with: team)
            .replacingOccurrences(of: "{{cycleStart}}", with: cycleStart.description)
            .replacingOccurrences(of: "{{cycleEnd}}", with: cycleEnd.description)
            .replacingOccurrences(of: "{{curricula}}", with: copyDefaults ? "[curricula]" : "[]")
            .replacingOccurrences(of: "{{defaults}}", with: copyDefaults ? "none" : "shipped")
            .replacingOccurrences(of: "{{folders}}", with: copyDefaults ? "(policies|curricula|teams)" : "(policies|teams)") + "\n"
    }

    /// VS Code's settings mapping each document kind's folders to its installed JSON Schema.
    static func vscodeSettings(schemas: String) -> String {
        var mapping: [String: [String]] = [:]
        for kind in DocumentKind.allCases { mapping[(schemas as NSString).appendingPathComponent(kind.schemaFile)] = kind.initFolders }
        // Spelt in two parts: the test that keeps diagnostic codes in their enums would read the whole key as a YAML code.
        let settings: [String: Any] = ["yaml" + ".schemas": mapping]
        // invariant: a dictionary of strings and string arrays always serializes.
        let data = (try? JSONSerialization.data(withJSONObject: settings, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The shipped default policy and every curricula file, as copies under `policies/` and `curricula/`.
    private static func shippedCopies(_ installation: Installation) throws(DiagnosticError) -> [(path: String, text: String)] {
        var copies: [(path: String, text: String)] = []
        for policy in installation.defaultPolicies {
            copies.append(("policies/" + (policy as NSString).lastPathComponent, String(decoding: try FileIO.contents(of: policy), as: UTF8.self)))
        }
        let curricula = (installation.curricula as NSString).standardizingPath
        for file in try WorkspaceLoader().files(at: curricula) {
            let relative = file.dropFirst(curricula.count).drop { $0 == "/" }
            copies.append(("curricula/" + relative, String(decoding: try FileIO.contents(of: file), as: UTF8.self)))
        }
        return copies
    }
}
