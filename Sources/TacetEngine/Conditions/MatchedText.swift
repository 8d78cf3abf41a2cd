import TacetDocuments

/// One `contains` or `matches` test on a text fact that helped a rule's condition hold, with the text it
/// matched: what a rule's finding quotes, so the reader sees which words set it off.
public struct MatchedText: Sendable, Hashable {
    /// The fact tested.
    public var fact: Fact
    /// `contains` or `matches`.
    public var op: ConditionOperator
    /// The value the rule tests for: the text, or the pattern.
    public var expected: TestValue
    /// The part of the fact's text that matched.
    public var text: String

    /// How a finding's note says it: `matched "Transcribe" in step.description (matches /(?i)transcri/)`.
    public var description: String {
        let test = op == .matches ? "matches \(expected.shortDescription)" : "contains \(Self.quoted(expected))"
        return "matched \(Self.quote(text)) in \(fact.rawValue) (\(test))"
    }

    /// How many characters of a matched text a note quotes; longer ones end in an ellipsis.
    public static let maxQuoted = 60

    /// `text` in double quotes, at most ``maxQuoted`` characters, with quotes, backslashes and control characters escaped.
    public static func quote(_ text: String) -> String {
        var out = "\""
        var count = 0
        for character in text {
            if count == maxQuoted - 1, text.count > maxQuoted {
                out += "…"
                break
            }
            count += 1
            for scalar in character.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u{" + hex + "}"
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func quoted(_ value: TestValue) -> String {
        if case .string(let text) = value { return quote(text) }
        return value.shortDescription
    }
}
