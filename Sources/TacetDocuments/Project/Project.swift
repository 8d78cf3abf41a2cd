import TacetDiagnostics
import TacetYAML

/// A repository's project file, `tacet.yaml` at its root (kind `Project`): the folders it holds, whether
/// the shipped defaults are loaded beside them, and the defaults of `--fail-on` and `--format`.
///
/// Every command run with no paths finds it in the working directory or a parent, as git finds `.git`,
/// and loads what it names. Folders are written relative to the project file.
public struct Project: Sendable, Hashable, DocumentBody {
    public static let kind = DocumentKind.project

    /// The project file's name.
    public static let fileName = "tacet.yaml"

    /// The document's metadata.
    public var metadata: Metadata
    /// Policy folders or files: the team's layers (and the base policy, with `defaults: none`).
    public var policies: [String]
    /// Curricula folders or files: framework, catalogs, recertification requirements.
    public var curricula: [String]
    /// Team folders: workflows, therapists, learning plans, exceptions.
    public var teams: [String]
    /// Checker-plugin folders, each holding `NAME/plugin.yaml` folders.
    public var plugins: [String]
    /// Whether the shipped default policy and curricula are loaded as well.
    public var defaults: ProjectDefaults
    /// The lowest severity that fails a run when `--fail-on` is not given.
    public var failOn: Severity?
    /// The output format of `check` when `--format` is not given.
    public var format: ProjectOutputFormat?

    /// Creates a project file's content.
    public init(metadata: Metadata, policies: [String] = [], curricula: [String] = [], teams: [String] = [],
                plugins: [String] = [], defaults: ProjectDefaults = .shipped, failOn: Severity? = nil,
                format: ProjectOutputFormat? = nil) {
        self.metadata = metadata
        self.policies = policies
        self.curricula = curricula
        self.teams = teams
        self.plugins = plugins
        self.defaults = defaults
        self.failOn = failOn
        self.format = format
    }

    /// Every folder of documents the project names, in load order: policies, curricula, teams.
    public var documentFolders: [String] { policies + curricula + teams }

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> Project? {
        let policies = folders("policies", in: &fields, &context)
        let curricula = folders("curricula", in: &fields, &context)
        let teams = folders("teams", in: &fields, &context)
        let plugins = folders("plugins", in: &fields, &context)
        // Required: whether a clinic's checks rest on the shipped base is a choice to write down, not a default to miss.
        let defaults: ProjectDefaults? = fields.required("defaults", in: &context,
                                                         hint: "write `defaults: shipped` to load the installed default policy "
                                                             + "and curricula, or `defaults: none` when the repository holds its own")
        let failOn: Severity? = fields.optional("failOn", in: &context)
        let format: ProjectOutputFormat? = fields.optional("format", in: &context)
        guard let defaults else { return nil }
        return Project(metadata: metadata, policies: policies, curricula: curricula, teams: teams, plugins: plugins,
                       defaults: defaults, failOn: failOn, format: format)
    }

    /// The folder list under `key`; one folder written without brackets (`teams: teams`) is an error whose
    /// hint shows the list to write.
    private static func folders(_ key: String, in fields: inout MappingFields, _ context: inout DecodingContext) -> [String] {
        guard let node = fields.node[key], let scalar = node.scalar, scalar.kind != .null else {
            return fields.optional(key, default: [], in: &context)
        }
        _ = fields.raw(key)
        context.error(.wrongType, "expected \(key) as a list of folders, found \(node.shapeDescription)", at: node,
                      pointer: fields.pointer(key), hint: "write `\(key): [\(scalar.value)]`")
        return []
    }
}
