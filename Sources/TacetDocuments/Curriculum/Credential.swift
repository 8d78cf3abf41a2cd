import TacetYAML

/// A credential and its current recertification cycle.
public struct Credential: Sendable, Hashable, NodeDecodable {
    /// The credential, e.g. `MT-BC`.
    public var name: String
    /// The first day of the current cycle.
    public var cycleStart: CalendarDate
    /// The last day of the current cycle, by which every credit must be earned.
    public var cycleEnd: CalendarDate

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Credential? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a credential", in: &context) else { return nil }
        let name: String? = fields.required("name", in: &context)
        let cycleStart: CalendarDate? = fields.required("cycleStart", in: &context)
        let cycleEnd: CalendarDate? = fields.required("cycleEnd", in: &context)
        fields.finish(&context)
        guard let name, let cycleStart, let cycleEnd else { return nil }
        if cycleEnd <= cycleStart {
            context.error(.invalidValue, "cycleEnd \(cycleEnd) is not after cycleStart \(cycleStart)",
                          at: node["cycleEnd"] ?? node, pointer: JSONPointer.appending("cycleEnd", to: pointer))
            return nil
        }
        return Credential(name: name, cycleStart: cycleStart, cycleEnd: cycleEnd)
    }
}
