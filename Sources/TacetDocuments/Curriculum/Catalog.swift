import TacetYAML

/// A catalog of continuing-education courses.
public struct Catalog: Sendable, Hashable, DocumentBody {
    public static let kind = DocumentKind.catalog

    /// The document's metadata.
    public var metadata: Metadata
    /// The currency of every course's cost.
    public var currency: String
    /// The courses.
    public var courses: [Course]

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> Catalog? {
        let currency = fields.optional("currency", default: "USD", in: &context)
        let courses: [Course]? = fields.required("courses", in: &context)
        guard let courses else { return nil }
        let root = fields.node
        UniqueIDs.check(courses, id: \.id, pointer: \.pointer, what: "course", root: root, in: &context)
        let ids = courses.map(\.id)
        for course in courses {
            for (index, prerequisite) in course.prerequisites.enumerated() where !ids.contains(prerequisite) {
                let pointer = "\(course.pointer)/prerequisites/\(index)"
                context.unknown(.undefinedReference, what: "course", value: prerequisite, candidates: ids,
                                at: root.node(at: pointer) ?? root, pointer: pointer)
            }
        }
        return Catalog(metadata: metadata, currency: currency, courses: courses)
    }
}
