import TacetDiagnostics
import TacetYAML

/// Converts the competency framework's JSON export (`schemaVersion` 1.0) into a ``Framework``.
///
/// JSON is YAML 1.2, so the export is read with Tacet's own parser and every error points at its
/// line and column. Keys the importer does not use are ignored: the export is a foreign format.
public enum FrameworkImporter {
    /// The export versions this importer understands.
    public static let supportedSchemaVersions = ["1.0"]

    /// The separator between a statement's name and its description in the export.
    static let dash = " \u{2014} "

    /// Imports the export in `bytes`, read from `file`.
    public static func importExport(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(DiagnosticError) -> Framework {
        let root: Node
        do {
            root = try YAMLParser(limits: limits).parse(bytes)
        } catch {
            throw DiagnosticError(error.diagnostic(file: file))
        }
        var context = DecodingContext(file: file)
        let framework = read(root, in: &context)
        guard let framework, !context.hasErrors else {
            throw DiagnosticError(context.diagnostics.isEmpty
                ? [.error(DocumentErrorCode.importFormat, "not a framework export", at: root.mark.location(in: file))]
                : context.diagnostics)
        }
        return framework
    }

    private static func field(_ node: Node, _ key: String, _ pointer: String, _ context: inout DecodingContext) -> Node? {
        guard node.mapping != nil else {
            context.error(.importFormat, "expected an object, found \(node.shapeDescription)", at: node, pointer: pointer)
            return nil
        }
        guard let value = node[key] else {
            context.error(.importFormat, "the export is missing '\(key)'", at: node, pointer: pointer)
            return nil
        }
        return value
    }

    private static func read(_ root: Node, in context: inout DecodingContext) -> Framework? {
        guard let versionNode = field(root, "schemaVersion", "", &context),
              let version = String.decode(versionNode, at: "/schemaVersion", in: &context) else { return nil }
        guard supportedSchemaVersions.contains(version) else {
            context.error(.importFormat, "unsupported schemaVersion '\(version)'", at: versionNode, pointer: "/schemaVersion",
                          hint: "this importer reads schemaVersion \(supportedSchemaVersions.joined(separator: ", "))")
            return nil
        }
        guard let occupationNode = field(root, "occupation", "", &context),
              let socNode = field(occupationNode, "soc", "/occupation", &context),
              let titleNode = field(occupationNode, "title", "/occupation", &context),
              let soc = String.decode(socNode, at: "/occupation/soc", in: &context),
              let title = String.decode(titleNode, at: "/occupation/title", in: &context),
              let frameworkNode = field(root, "framework", "", &context),
              let levelsNode = field(frameworkNode, "levels", "/framework", &context) else { return nil }
        let frameworkVersion = frameworkNode["version"].flatMap { $0.string }
        var statements: [Statement] = []
        for level in CompetencyLevel.allCases {
            let pointer = "/framework/levels/\(level.rawValue)"
            guard let levelNode = field(levelsNode, level.rawValue, "/framework/levels", &context),
                  let listNode = field(levelNode, "statements", pointer, &context),
                  let texts = [String].decode(listNode, at: pointer + "/statements", in: &context) else { continue }
            for (index, text) in texts.enumerated() {
                let itemPointer = "\(pointer)/statements/\(index)"
                let itemNode = listNode.sequence?[index] ?? listNode
                guard let range = text.range(of: dash) else {
                    context.error(.importFormat, "statement has no ' \u{2014} ' between its name and description",
                                  at: itemNode, pointer: itemPointer)
                    continue
                }
                let name = String(text[..<range.lowerBound]).trimmingWhitespace()
                let description = String(text[range.upperBound...]).trimmingWhitespace()
                let id = Slug.make(name)
                if id.isEmpty {
                    context.error(.importFormat, "statement name '\(name)' gives an empty id", at: itemNode, pointer: itemPointer)
                    continue
                }
                if statements.contains(where: { $0.id == id }) {
                    context.error(.importFormat, "two statements have the id '\(id)'", at: itemNode, pointer: itemPointer)
                    continue
                }
                statements.append(Statement(id: id, level: level, title: name, description: description))
            }
        }
        if let extra = levelsNode.mapping?.first(where: { CompetencyLevel(rawValue: $0.key.scalar?.value ?? "") == nil }) {
            context.unknown(.importFormat, what: "level", value: extra.key.scalar?.value ?? "",
                            candidates: CompetencyLevel.allCases.map(\.rawValue), at: extra.key,
                            pointer: "/framework/levels/\(extra.key.scalar?.value ?? "")")
        }
        let metadata = Metadata(name: Slug.make(title), title: "\(title) competency framework", version: frameworkVersion)
        return Framework(metadata: metadata, occupation: .init(soc: soc, title: title), statements: statements)
    }
}

extension String {
    /// The string without leading and trailing white space.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
