import TacetDiagnostics
import TacetYAML

extension Array where Element: NodeDecodable & Hashable {
    /// Decodes a sequence that stands for a set (data classes, the ids a document refers to): as
    /// ``decode(_:at:in:)``, and a value written twice is an error at the repeat
    /// (`document.duplicate-value`), left out of the result.
    ///
    /// A repeat is refused rather than ignored because a list that says `[phi, phi]` was most likely
    /// meant to say something else, and because every check that reads the set would otherwise see
    /// the value twice.
    public static func decodeSet(_ node: Node, at pointer: @autoclosure () -> String,
                                 in context: inout DecodingContext) -> [Element]? {
        guard let values = decode(node, at: pointer(), in: &context) else { return nil }
        // Items that failed to decode are already reported and left out, so indexes no longer line
        // up with the nodes; the document is refused anyway, and a repeat can wait for the next run.
        guard let items = node.sequence, items.count == values.count, values.count > 1 else { return values }
        var first: [Element: Int] = [:]
        var result: [Element] = []
        result.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            if let earlier = first[value] {
                let text = items[index].scalar?.value ?? "\(value)"
                context.error(.duplicateValue, "'\(text)' is already in the list", at: items[index],
                              pointer: JSONPointer.appending(index, to: pointer()),
                              hint: "the list is a set: remove the repeat",
                              notes: [DiagnosticNote("first listed here", at: items[earlier].mark.location(in: context.file))])
            } else {
                first[value] = index
                result.append(value)
            }
        }
        return result
    }
}
