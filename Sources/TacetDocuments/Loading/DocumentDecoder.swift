import TacetDiagnostics
import TacetYAML

/// Decodes a parsed file into a typed document: checks `apiVersion`, dispatches on `kind`, and
/// reports every problem it finds.
public enum DocumentDecoder {
    /// The `apiVersion` every document carries.
    public static let apiVersion = "tacet/v1"

    /// Decodes `root`, parsed from `file`; the document is nil when any error was found.
    public static func decode(_ root: Node, file: String) -> (document: LoadedDocument?, diagnostics: [Diagnostic]) {
        var context = DecodingContext(file: file)
        return decode(root, file: file, in: &context)
    }

    /// Decodes `root` like ``decode(_:file:)`` and also returns the keys read from every mapping.
    public static func trace(_ root: Node, file: String) -> (document: LoadedDocument?, trace: [MappingTrace]) {
        var context = DecodingContext(file: file, tracing: true)
        let document = decode(root, file: file, in: &context).document
        return (document, context.trace ?? [])
    }

    private static func decode(_ root: Node, file: String, in context: inout DecodingContext)
        -> (document: LoadedDocument?, diagnostics: [Diagnostic]) {
        guard var fields = MappingFields(root, at: "", what: "the document", in: &context) else {
            return (nil, context.diagnostics)
        }
        let version: String? = fields.required("apiVersion", in: &context,
                                               hint: "add `apiVersion: \(apiVersion)` as the first line of the file")
        if let version, version != apiVersion {
            context.error(.apiVersion, "unsupported apiVersion '\(version)'", at: root["apiVersion"] ?? root,
                          pointer: "/apiVersion", hint: "Tacet reads apiVersion: \(apiVersion)")
        }
        let kind: DocumentKind? = fields.required("kind", in: &context)
        let metadata: Metadata? = fields.required("metadata", in: &context)
        guard let kind else {
            // Without a kind the other keys cannot be judged; reporting them as unknown would be noise.
            return (nil, context.diagnostics)
        }
        // Decode the body even when metadata failed, so its errors are reported in the same run.
        let document = decodeBody(kind, &fields, metadata ?? Metadata(name: ""), &context)
        fields.finish(&context)
        guard let document, let metadata, !context.hasErrors else { return (nil, context.diagnostics) }
        return (LoadedDocument(file: file, root: root, metadata: metadata, document: document), context.diagnostics)
    }

    private static func decodeBody(_ kind: DocumentKind, _ fields: inout MappingFields, _ metadata: Metadata,
                                   _ context: inout DecodingContext) -> Document? {
        switch kind {
        case .framework: Framework.decodeBody(&fields, metadata: metadata, in: &context).map(Document.framework)
        case .policy: Policy.decodeBody(&fields, metadata: metadata, in: &context).map(Document.policy)
        case .workflow: Workflow.decodeBody(&fields, metadata: metadata, in: &context).map(Document.workflow)
        case .therapist: Therapist.decodeBody(&fields, metadata: metadata, in: &context).map(Document.therapist)
        case .catalog: Catalog.decodeBody(&fields, metadata: metadata, in: &context).map(Document.catalog)
        case .requirements:
            RecertificationRequirements.decodeBody(&fields, metadata: metadata, in: &context).map(Document.requirements)
        case .learningPlan: LearningPlan.decodeBody(&fields, metadata: metadata, in: &context).map(Document.learningPlan)
        case .policyTest: PolicyTest.decodeBody(&fields, metadata: metadata, in: &context).map(Document.policyTest)
        case .plugin: PluginManifest.decodeBody(&fields, metadata: metadata, in: &context).map(Document.plugin)
        case .exception: PolicyException.decodeBody(&fields, metadata: metadata, in: &context).map(Document.exception)
        case .project: Project.decodeBody(&fields, metadata: metadata, in: &context).map(Document.project)
        }
    }
}
