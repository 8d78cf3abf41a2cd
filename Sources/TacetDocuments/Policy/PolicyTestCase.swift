import TacetYAML

/// One policy test case: input documents and exactly the findings expected from them.
public struct PolicyTestCase: Sendable, Hashable, NodeDecodable {
    /// What the case shows.
    public var name: String
    /// Input document paths, relative to the test document.
    public var inputs: [String]
    /// The findings expected; an empty list expects none.
    public var expect: [ExpectedFinding]
    /// The day the case is judged on (exception expiry, training that lapses), so a case about time
    /// gives the same answer whenever it runs; nil: the run's day.
    public var today: CalendarDate?
    /// Where the case is in its document.
    public var pointer: String

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> PolicyTestCase? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a test case", in: &context) else { return nil }
        let name: String? = fields.required("name", in: &context)
        let inputs: [String]? = fields.required("inputs", in: &context)
        let expect: [ExpectedFinding]? = fields.required("expect", in: &context)
        let today: CalendarDate? = fields.optional("today", in: &context)
        fields.finish(&context)
        guard let name, let inputs, let expect else { return nil }
        return PolicyTestCase(name: name, inputs: inputs, expect: expect, today: today, pointer: pointer)
    }
}
