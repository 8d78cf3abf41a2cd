/// A JSON Schema `pattern` of the subset the schemas use, compiled once and matched by backtracking over
/// Unicode scalars with ECMA-262's meaning (what JSON Schema says a pattern means): anchors `^` and `$` at the
/// ends of the whole text, `.`, literals and escaped punctuation, `\d` `\w` `\s` and their negations,
/// bracket classes with ranges, groups (`(...)`, `(?:...)`), alternation and greedy quantifiers
/// (`*` `+` `?` `{n}` `{n,}` `{n,m}`). A pattern is searched for anywhere in the text, as in ECMA-262.
///
/// Anything outside the subset (lookaround, back-references, lazy quantifiers, Unicode properties, word
/// boundaries) is not compiled: ``init(_:)`` returns nil and the validator uses Swift's regex engine for it,
/// as it does for a text longer than ``longestText``.
/// Swift's engine parses a pattern each time it is built, which cost a one-workflow check with plugins more
/// CPU than everything else the describe cache does.
package struct SchemaPattern: Sendable {
    /// What one position of the pattern matches. A struct holding its parts in plain arrays, not an indirect
    /// enum: an enum's case tag rides in the spare bits of its boxes' pointers, which LeakSanitizer cannot
    /// follow, so every pattern a fuzz target's validators kept for the whole run was reported leaked.
    struct Node: Sendable {
        enum Kind: Sendable {
            /// Each part in turn.
            case sequence
            /// The first part that leads to a match.
            case alternatives
            /// The one part at least `min` and at most `max` (nil: no limit) times, as many as lead to a match.
            case repeating
            /// One scalar of `set`.
            case scalar
            /// The start of the text.
            case start
            /// The end of the text.
            case end
        }

        let kind: Kind
        var parts: [Node] = []
        var min = 0
        var max: Int?
        var set = ScalarClass()

        static func sequence(_ parts: [Node]) -> Node { Node(kind: .sequence, parts: parts) }
        static func alternatives(_ parts: [Node]) -> Node { Node(kind: .alternatives, parts: parts) }
        static func repeating(_ part: Node, min: Int, max: Int?) -> Node { Node(kind: .repeating, parts: [part], min: min, max: max) }
        static func scalar(_ set: ScalarClass) -> Node { Node(kind: .scalar, set: set) }
        static let start = Node(kind: .start)
        static let end = Node(kind: .end)
    }

    /// A set of scalars: ranges and named classes, or everything outside them.
    struct ScalarClass: Sendable {
        var ranges: [ClosedRange<UInt32>] = []
        var negated = false

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            ranges.contains { $0.contains(scalar.value) } != negated
        }
    }

    let root: Node

    /// Compiles `pattern`, or returns nil when it uses anything outside the subset.
    package init?(_ pattern: String) {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        guard let root = parser.alternatives(), parser.position == parser.scalars.count else { return nil }
        self.root = root
    }

    /// The longest text this matcher takes, in scalars. It recurses a few frames deep for each scalar it
    /// consumes, so a longer text (a hostile plugin's megabyte-long name or pointer) is left to Swift's
    /// engine, whose backtracking lives on the heap; every field the schemas give a pattern is shorter in
    /// practice (names at most 64, rule identifiers at most 128).
    package static let longestText = 128

    /// Whether the pattern matches somewhere in `text`; nil when `text` is longer than ``longestText``.
    package func matches(_ text: String) -> Bool? {
        let scalars = Array(text.unicodeScalars.prefix(Self.longestText + 1))
        guard scalars.count <= Self.longestText else { return nil }
        return (0...scalars.count).contains { start in Self.match(root, scalars, start) { _ in true } }
    }

    /// Whether `node` matches `scalars` from `position` with a continuation `next` that accepts where it ends.
    private static func match(_ node: Node, _ scalars: [Unicode.Scalar], _ position: Int, _ next: (Int) -> Bool) -> Bool {
        switch node.kind {
        case .start:
            return position == 0 && next(position)
        case .end:
            return position == scalars.count && next(position)
        case .scalar:
            return position < scalars.count && node.set.contains(scalars[position]) && next(position + 1)
        case .sequence:
            return sequence(node.parts[...], scalars, position, next)
        case .alternatives:
            return node.parts.contains { match($0, scalars, position, next) }
        case .repeating:
            guard let inner = node.parts.first else { return next(position) }
            return repeating(inner, min: node.min, max: node.max, count: 0, scalars, position, next)
        }
    }

    private static func sequence(_ nodes: ArraySlice<Node>, _ scalars: [Unicode.Scalar], _ position: Int, _ next: (Int) -> Bool) -> Bool {
        guard let first = nodes.first else { return next(position) }
        return match(first, scalars, position) { sequence(nodes.dropFirst(), scalars, $0, next) }
    }

    /// Greedy: one more iteration first, then what follows. An iteration that consumes nothing ends the loop
    /// (ECMA-262's rule), so `(a*)*` cannot loop for ever.
    private static func repeating(_ inner: Node, min: Int, max: Int?, count: Int, _ scalars: [Unicode.Scalar], _ position: Int,
                                  _ next: (Int) -> Bool) -> Bool {
        if max.map({ count < $0 }) ?? true {
            let more = match(inner, scalars, position) { end in
                guard end != position || count < min else { return false }
                return repeating(inner, min: min, max: max, count: count + 1, scalars, end, next)
            }
            if more { return true }
        }
        return count >= min && next(position)
    }

    /// A recursive-descent reader of the subset; every method returns nil on anything outside it.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        mutating func alternatives() -> Node? {
            var options: [Node] = []
            while true {
                guard let sequence = sequence() else { return nil }
                options.append(sequence)
                guard current == "|" else { break }
                position += 1
            }
            return options.count == 1 ? options[0] : .alternatives(options)
        }

        mutating func sequence() -> Node? {
            var nodes: [Node] = []
            while let scalar = current, scalar != "|", scalar != ")" {
                guard let atom = atom() else { return nil }
                guard let quantified = quantifier(on: atom) else { return nil }
                nodes.append(quantified)
            }
            return nodes.count == 1 ? nodes[0] : .sequence(nodes)
        }

        mutating func atom() -> Node? {
            guard let scalar = current else { return nil }
            position += 1
            switch scalar {
            case "^": return .start
            case "$": return .end
            case ".": return .scalar(ScalarClass(ranges: Self.lineTerminators, negated: true))
            case "(":
                if current == "?" {
                    guard position + 1 < scalars.count, scalars[position + 1] == ":" else { return nil }
                    position += 2
                }
                guard let inner = alternatives(), current == ")" else { return nil }
                position += 1
                return inner
            case "[": return bracket()
            case "\\": return escape(inClass: false).map { .scalar($0) }
            case "*", "+", "?", "{", "}", "]", ")": return nil
            default: return .scalar(ScalarClass(ranges: [scalar.value...scalar.value]))
            }
        }

        mutating func quantifier(on atom: Node) -> Node? {
            let bounds: (Int, Int?)
            switch current {
            case "*": bounds = (0, nil); position += 1
            case "+": bounds = (1, nil); position += 1
            case "?": bounds = (0, 1); position += 1
            case "{":
                position += 1
                guard let low = number() else { return nil }
                var high: Int? = low
                if current == "," {
                    position += 1
                    high = current == "}" ? nil : number()
                    if high == nil && current != "}" { return nil }
                }
                guard current == "}", high.map({ $0 >= low }) ?? true else { return nil }
                position += 1
                bounds = (low, high)
            default:
                return atom
            }
            // A lazy or possessive quantifier, or one on an anchor: outside the subset.
            if current == "?" || current == "+" { return nil }
            if atom.kind == .start || atom.kind == .end { return nil }
            return .repeating(atom, min: bounds.0, max: bounds.1)
        }

        mutating func number() -> Int? {
            var value = 0
            var digits = 0
            while let scalar = current, ("0"..."9").contains(scalar), digits < 6 {
                value = value * 10 + Int(scalar.value - 0x30)
                digits += 1
                position += 1
            }
            return digits == 0 ? nil : value
        }

        mutating func bracket() -> Node? {
            var set = ScalarClass()
            if current == "^" {
                set.negated = true
                position += 1
            }
            // As in ECMA-262, `]` right after `[` or `[^` closes the class (`[]` matches nothing).
            while let scalar = current, scalar != "]" {
                position += 1
                let low: UInt32
                if scalar == "\\" {
                    guard let escaped = escape(inClass: true) else { return nil }
                    guard escaped.ranges.count == 1, let only = escaped.ranges.first, only.count == 1, !escaped.negated else {
                        // A class escape (\d, \w, \s) cannot start a range.
                        if escaped.negated { return nil }  // [\D] and the like: outside the subset
                        set.ranges += escaped.ranges
                        if current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" { return nil }
                        continue
                    }
                    low = only.lowerBound
                } else if scalar == "[" {
                    return nil  // nested or POSIX classes: outside the subset
                } else {
                    low = scalar.value
                }
                if current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                    position += 1
                    guard let end = current else { return nil }
                    position += 1
                    let high: UInt32
                    if end == "\\" {
                        guard let escaped = escape(inClass: true), !escaped.negated, escaped.ranges.count == 1,
                              let only = escaped.ranges.first, only.count == 1 else { return nil }
                        high = only.lowerBound
                    } else {
                        high = end.value
                    }
                    guard low <= high else { return nil }
                    set.ranges.append(low...high)
                } else {
                    set.ranges.append(low...low)
                }
            }
            guard current == "]" else { return nil }
            position += 1
            return .scalar(set)
        }

        /// After a backslash: a class escape, a control escape, or escaped punctuation.
        mutating func escape(inClass: Bool) -> ScalarClass? {
            guard let scalar = current else { return nil }
            position += 1
            switch scalar {
            case "d": return ScalarClass(ranges: Self.digits)
            case "D": return ScalarClass(ranges: Self.digits, negated: true)
            case "w": return ScalarClass(ranges: Self.word)
            case "W": return ScalarClass(ranges: Self.word, negated: true)
            case "s": return ScalarClass(ranges: Self.space)
            case "S": return ScalarClass(ranges: Self.space, negated: true)
            case "t": return ScalarClass(ranges: [0x09...0x09])
            case "n": return ScalarClass(ranges: [0x0A...0x0A])
            case "v": return ScalarClass(ranges: [0x0B...0x0B])
            case "f": return ScalarClass(ranges: [0x0C...0x0C])
            case "r": return ScalarClass(ranges: [0x0D...0x0D])
            default:
                // Only punctuation stands for itself: a letter or digit escape (\b, \1, \p, \u, \x...) means
                // something this subset does not implement.
                guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return nil }
                return ScalarClass(ranges: [scalar.value...scalar.value])
            }
        }

        static let digits: [ClosedRange<UInt32>] = [0x30...0x39]
        static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
        /// ECMA-262's WhiteSpace and LineTerminator.
        static let space: [ClosedRange<UInt32>] = [0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
                                                    0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF]
        static let lineTerminators: [ClosedRange<UInt32>] = [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029]
    }
}
