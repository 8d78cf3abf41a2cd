import TacetDocuments

/// The value of a list-of-keywords fact (`step.consentBy`, `step.recording.media`, ...): a set of the
/// fact's ``Fact/vocabulary`` as bits, bit `i` for its `i`-th word, so a test on it is a bit lookup.
public struct Keywords: Sendable, Hashable {
    /// The words present, as bits over the fact's vocabulary.
    public let bits: UInt8
    /// The fact whose vocabulary the bits index.
    public let fact: Fact

    /// The set with these bits of `fact`'s vocabulary.
    public init(bits: UInt8, of fact: Fact) {
        self.bits = bits
        self.fact = fact
    }

    /// The set of `words` of `fact`'s vocabulary; words outside it are left out.
    public init<Word: RawRepresentable<String>>(_ words: [Word], of fact: Fact) {
        let vocabulary = fact.vocabulary ?? []
        self.init(bits: words.reduce(into: 0) { bits, word in
            if let index = vocabulary.firstIndex(of: word.rawValue) { bits |= 1 << index }
        }, of: fact)
    }

    /// Whether the set holds `word`.
    public func contains(_ word: String) -> Bool {
        guard let index = fact.vocabulary?.firstIndex(of: word) else { return false }
        return bits & (1 << index) != 0
    }

    /// The words present, in vocabulary order.
    public var words: [String] {
        (fact.vocabulary ?? []).enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element)
    }

    /// Every set `fact` can take, the empty one included.
    static func all(of fact: Fact) -> [Keywords] {
        (0..<(1 << (fact.vocabulary?.count ?? 0))).map { Keywords(bits: UInt8($0), of: fact) }
    }
}
