import TacetDocuments

extension DocumentKind {
    /// The file name of this kind's JSON Schema in the schemas folder (`docs/schemas`, `share/tacet/schemas`).
    package var schemaFile: String { schemaStem + ".schema.json" }

    private var schemaStem: String {
        switch self {
        case .framework: "framework"
        case .policy: "policy"
        case .workflow: "workflow"
        case .therapist: "therapist"
        case .catalog: "catalog"
        case .requirements: "requirements"
        case .learningPlan: "learning-plan"
        case .policyTest: "policy-test"
        case .plugin: "plugin-manifest"
        case .exception: "exception"
        case .project: "project"
        }
    }

    /// Where documents of this kind live in a repository `tacet init` made, as editor globs.
    package var initFolders: [String] {
        switch self {
        case .project: [Project.fileName]
        case .policy: ["policies/*.yaml"]
        case .policyTest: ["policies/tests/*.yaml"]
        case .workflow: ["teams/*/workflows/*.yaml"]
        case .therapist: ["teams/*/therapists/*.yaml"]
        case .learningPlan: ["teams/*/plans/*.yaml"]
        case .exception: ["teams/*/exceptions/*.yaml"]
        case .plugin: ["plugins/*/plugin.yaml"]
        case .framework: ["curricula/frameworks/*.yaml"]
        case .catalog: ["curricula/catalog/*.yaml"]
        case .requirements: ["curricula/requirements/*.yaml"]
        }
    }
}
