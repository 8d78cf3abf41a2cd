/// Small pieces of English the commands' summaries share.
package enum Wording {
    /// "1 file", "2 files"; `plural` for nouns that do not just add an s.
    package static func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// Phrases joined as a sentence says them: "a", "a and b", "a, b and c"; "" for none.
    package static func series(_ phrases: [String]) -> String {
        guard let last = phrases.last else { return "" }
        return phrases.count == 1 ? last : phrases.dropLast().joined(separator: ", ") + " and " + last
    }

    /// `10` for 10.0, `2.5` for 2.5: numbers as people write them.
    package static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
