import TacetDocuments

extension CompiledCondition {
    /// The texts that `contains` and `matches` tests on text facts matched, for a condition that
    /// holds for `source`, in the condition's order; empty matches are left out, as they say nothing.
    ///
    /// Only the tests that make the condition hold count: every part of an `all`, the parts of an
    /// `any` that hold, nothing under a `not` (a `not` holds because its part does not match).
    /// Evaluates again what ``holds(_:)`` decided, so call it only for a finding, never per step.
    public func matchedTexts<Source: FactSource>(_ source: Source) -> [MatchedText] {
        var found: [MatchedText] = []
        collect(source, into: &found)
        return found
    }

    private func collect<Source: FactSource>(_ source: Source, into found: inout [MatchedText]) {
        switch self {
        case .all(let parts):
            for part in parts { part.collect(source, into: &found) }
        case .any(let parts):
            for part in parts where part.holds(source) { part.collect(source, into: &found) }
        case .not:
            return
        case .test(let fact, let op, let expected):
            guard op == .contains || op == .matches, case .string(let text) = source.value(fact) else { return }
            let range: Range<String.Index>? = switch expected {
            case .string(let part): part.isEmpty ? nil : text.firstRange(of: part)
            case .pattern(let pattern): text.firstMatch(of: pattern.regex)?.range
            default: nil
            }
            guard let range, !range.isEmpty else { return }
            found.append(MatchedText(fact: fact, op: op, expected: expected, text: String(text[range])))
        }
    }
}
