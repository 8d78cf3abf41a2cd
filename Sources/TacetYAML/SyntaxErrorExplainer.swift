/// Turns one libyaml scanner or parser error into words a person who edits YAML but does not
/// program can act on: what is wrong, at the place to fix it, and the line to write where that is
/// likely. libyaml's own words stay in a last note, so nothing it said is lost.
///
/// libyaml reports where it gave up, which is often not where the mistake is (an unclosed quote is
/// reported at the end of the file); so the explainer reads the source lines around both of
/// libyaml's marks and may move the error to the mark of the real problem.
struct SyntaxErrorExplainer {
    /// libyaml's problem, e.g. "mapping values are not allowed in this context".
    let problem: String
    /// libyaml's context, e.g. "while parsing a block mapping", when it gave one.
    let context: String?
    /// Where libyaml gave up.
    let at: Mark
    /// Where the construct of `context` started.
    let contextMark: Mark
    /// The source split into lines of Unicode scalars, without line breaks or a leading BOM.
    private let lines: [[Unicode.Scalar]]

    init(problem: String, context: String?, at: Mark, contextMark: Mark, source: [UInt8]) {
        self.problem = problem
        self.context = context
        self.at = at
        self.contextMark = contextMark
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in String(decoding: source, as: UTF8.self).unicodeScalars {
            if scalar == "\n" {
                lines.append(current)
                current = []
            } else if scalar != "\r", !(scalar == "\u{FEFF}" && lines.isEmpty && current.isEmpty) {
                current.append(scalar)
            }
        }
        lines.append(current)
        self.lines = lines
    }

    /// The error to report: a plain message at the real problem, a fix when one is likely, and libyaml's words.
    func error() -> YAMLError {
        var explained = explanation()
        if explained.message == problem {
            // Nothing plainer to say: libyaml's words are the message, with where its context started.
            if let context {
                if contextMark == at {
                    explained.message += " \(context)"
                } else {
                    explained.notes.append(("\(context) that started here", contextMark))
                }
            }
        } else {
            let words = context.map { contextMark == at ? "\(problem) \($0)" : "\(problem), \($0) at \(contextMark.description)" }
            explained.notes.append(("libyaml's words: \(words ?? problem)", at))
        }
        return YAMLError(.syntax, explained.message, at: explained.mark, hint: explained.hint, notes: explained.notes)
    }

    /// What ``error()`` reports, before libyaml's words are added.
    private struct Explanation {
        var message: String
        var mark: Mark
        var hint: String?
        var notes: [(message: String, mark: Mark)] = []
    }

    private func explanation() -> Explanation {
        if problem.contains("tab character") || (problem.contains("cannot start any token") && indentsWithTab(line: at.line)) {
            return Explanation(message: "this line is indented with a tab", mark: at,
                               hint: "YAML does not allow tabs for indentation; indent with spaces")
        }
        switch problem {
        case "mapping values are not allowed in this context": return colonInValue()
        case "did not find expected key": return expectedKey()
        case "did not find expected '-' indicator": return expectedItem()
        case "could not find expected ':'": return missingColon()
        case "found unexpected end of stream": return unexpectedEnd()
        case "did not find expected ',' or ']'": return unclosedFlow(open: "[", close: "]", what: "list")
        case "did not find expected ',' or '}'": return unclosedFlow(open: "{", close: "}", what: "mapping")
        case "found character that cannot start any token": return reservedCharacter()
        case "found undefined tag handle":
            return quoting("a value that starts with '!' is read as a tag, and YAML knows no tag of this name")
        case "did not find expected alphabetic or numeric character" where context == "while scanning an alias":
            return quoting("a value that starts with '*' is read as an alias, which needs a name right after the '*'")
        case "did not find expected alphabetic or numeric character" where context == "while scanning an anchor":
            return quoting("a value that starts with '&' is read as an anchor, which needs a name right after the '&'")
        case "found unknown escape character", "did not find expected hexdecimal number",
             "found invalid Unicode character escape code":
            return badEscape()
        case "block sequence entries are not allowed in this context": return itemAfterKey()
        case "found an indentation indicator equal to 0" where context == "while scanning a block scalar",
             "did not find expected comment or line break" where context == "while scanning a block scalar":
            return Explanation(message: "after '|' or '>' only '+', '-', a digit 1 to 9 or a comment may follow on the line",
                               mark: at, hint: "start the text on the next line, indented under the key; "
                                   + "or put the value in quotes if the '|' or '>' is part of it")
        default: return Explanation(message: problem, mark: at)
        }
    }

    // MARK: - The error classes

    /// "mapping values are not allowed": a `: ` inside a plain value, or a key indented deeper than the line above.
    private func colonInValue() -> Explanation {
        let line = text(at.line)
        let column = at.column - 1
        if let separator = keySeparator(in: line, before: column) {
            let key = String(String.UnicodeScalarView(line[contentStart(of: line)..<separator]))
            var explanation = Explanation(
                message: "the value of '\(key)' contains ': ', which YAML reads as the start of another key", mark: at)
            if let fixed = quotedLine(line, valueAfter: separator) {
                explanation.hint = "put the value in quotes: \(fixed)"
            } else {
                explanation.hint = "put the value in quotes"
            }
            return explanation
        }
        let start = mark(onProblemLineAt: contentStart(of: line))
        let name = self.name(in: line)
        guard let above = lineAbove(at.line) else {
            return Explanation(message: "YAML cannot read '\(name)' as a key here", mark: start,
                               hint: "put the value in quotes if the ': ' is part of it")
        }
        let aboveLine = text(above)
        let aboveStart = contentStart(of: aboveLine)
        if contentStart(of: line) > aboveStart, let aboveKey = keySeparator(in: aboveLine, before: aboveLine.count) {
            let sibling = String(String.UnicodeScalarView(aboveLine[aboveStart..<aboveKey]))
            return Explanation(
                message: "'\(name)' is indented deeper than '\(sibling)' on line \(above), so YAML reads it as part of the value of '\(sibling)'",
                mark: start,
                hint: "line '\(name)' up with '\(sibling)' (line \(above), column \(aboveStart + 1)): "
                    + "indent it by \(spaces(aboveStart))")
        }
        return Explanation(
            message: "YAML reads '\(name)' as going on from the value on line \(above), and a value cannot hold a key",
            mark: start,
            hint: "line each key up with the keys beside it; if line \(above) is meant as a key, end it with ':'")
    }

    /// "did not find expected key": a line that lines up with no key, a list item in a mapping, or text after a closing quote.
    private func expectedKey() -> Explanation {
        let line = text(at.line)
        let column = at.column - 1
        let indent = firstNonSpace(in: line, from: 0)
        if column > indent {
            return textAfterValue(line)
        }
        let mapping = "the mapping that starts at line \(contextMark.line), column \(contextMark.column)"
        if column == indent, isItem(line, at: column) {
            return Explanation(message: "a list item ('- ') where \(mapping) expects 'key: value'", mark: at,
                               hint: "a key with a list has nothing after its ':' and the items below it; "
                                   + "if the item belongs to the key above, remove that key's value")
        }
        let name = self.name(in: line)
        let outer = self.name(in: text(contextMark.line), from: contextMark.column - 1)
        let outerPlace = "line \(contextMark.line), column \(contextMark.column)"
        if column == indent, column != contextMark.column - 1 {
            guard let inner = innerSibling(above: at.line, deeperThan: column) else {
                return Explanation(
                    message: "'\(name)' is indented deeper than '\(outer)' on line \(contextMark.line), "
                        + "under a value that cannot hold a key",
                    mark: at, hint: "line '\(name)' up with '\(outer)' (\(outerPlace)): indent it by \(spaces(contextMark.column - 1))")
            }
            return Explanation(
                message: "'\(name)' is indented by \(spaces(column)), which lines up with no key above it", mark: at,
                hint: "line it up with '\(inner.name)' (line \(inner.line), column \(inner.column)) or with '\(outer)' (\(outerPlace))")
        }
        return Explanation(message: "YAML expected a key here, in \(mapping)", mark: at,
                           hint: "each line of a mapping is 'key: value', every key in the same column")
    }

    /// Text after a quoted value or a closing bracket on the same line: the quote closed early, or
    /// it closed a quote opened on an earlier line.
    private func textAfterValue(_ line: [Unicode.Scalar]) -> Explanation {
        var before = min(at.column - 2, line.count - 1)
        while before >= 0, line[before] == " " { before -= 1 }
        guard before >= 0 else { return Explanation(message: problem, mark: at) }
        let closer = line[before]
        if closer == "\"" || closer == "'" {
            let kind = closer == "\"" ? "double-quoted" : "single-quoted"
            let separator = keySeparator(in: line, before: before)
            let valueStart = separator.map { firstNonSpace(in: line, from: $0 + 1) } ?? contentStart(of: line)
            if valueStart == before, let opener = unclosedQuote(closer, before: at.line) {
                // The quote before the text is the first of its value: it closes one opened earlier.
                return Explanation(
                    message: "the \(kind) value that starts here is not closed on its line, so it runs on to the "
                        + "\(closer) at line \(at.line), column \(before + 1)",
                    mark: opener, hint: "add the closing \(closer) at the end of the value on line \(opener.line)")
            }
            var explanation = Explanation(
                message: "the \(kind) value ends at its closing \(closer), and YAML cannot read the text after it", mark: at)
            let inside = closer == "\"" ? "to write \" inside double quotes, write \\\"" : "to write ' inside single quotes, write ''"
            if let separator, let fixed = quotedLine(line, valueAfter: separator, unwrapping: closer) {
                explanation.hint = "\(inside); or put the whole value in the other quotes: \(fixed)"
            } else {
                explanation.hint = inside
            }
            return explanation
        }
        if closer == "]" || closer == "}" {
            return Explanation(message: "YAML cannot read the text after the closing '\(closer)'", mark: at,
                               hint: "put the whole value in quotes if the brackets are part of the text")
        }
        return Explanation(message: "YAML cannot read the text here, after the value", mark: at)
    }

    /// "did not find expected '-' indicator": a line in a list that is not an item.
    private func expectedItem() -> Explanation {
        let name = self.name(in: text(at.line))
        let list = "the list that starts at line \(contextMark.line), column \(contextMark.column)"
        var choices = ["start it with '- ' if it is another item"]
        if let above = lineAbove(at.line), above >= contextMark.line {
            let aboveLine = text(above)
            let start = contentStart(of: aboveLine)
            if start > at.column - 1, keySeparator(in: aboveLine, before: aboveLine.count) != nil {
                choices.append("line it up with '\(self.name(in: aboveLine))' (line \(above), column \(start + 1)) "
                               + "if it belongs to the item above")
            }
        }
        if let owner = lineAbove(contextMark.line), contentStart(of: text(owner)) < contextMark.column - 1 {
            let ownerLine = text(owner)
            let ownerName = self.name(in: ownerLine)
            choices.append("line it up with '\(ownerName)' (line \(owner), column \(contentStart(of: ownerLine) + 1)) "
                           + "if it is a key beside it")
        }
        return Explanation(message: "'\(name)' is not a list item ('- '), but it is inside \(list)", mark: at,
                           hint: choices.joined(separator: "; or "))
    }

    /// "could not find expected ':'": a line with neither `key:` nor `- `, reported by libyaml a line later.
    private func missingColon() -> Explanation {
        let line = text(contextMark.line)
        let name = self.name(in: line, from: contextMark.column - 1)
        return Explanation(message: "'\(name)' has no ':' after it, so it is neither 'key: value' nor a list item",
                           mark: contextMark,
                           hint: "write '\(name): ' and its value, or join the line to the value it continues")
    }

    /// "found unexpected end of stream": the file ends inside something, most often a quote never closed.
    private func unexpectedEnd() -> Explanation {
        if context == "while scanning a quoted scalar" {
            let quote = character(at: contextMark) ?? "\""
            let kind = quote == "'" ? "single-quoted" : "double-quoted"
            return Explanation(message: "the \(kind) value that starts here is never closed", mark: contextMark,
                               hint: "add the closing \(quote) at the end of the value")
        }
        return Explanation(message: "the file ends in the middle of a value", mark: at)
    }

    /// "did not find expected ',' or ']'" (or '}'): a bracket never closed, closed with the wrong bracket, or a missing comma.
    private func unclosedFlow(open: Unicode.Scalar, close: Unicode.Scalar, what: String) -> Explanation {
        let opened = "the \(what) that opens with '\(open)' at line \(contextMark.line), column \(contextMark.column)"
        let found = character(at: at)
        let other: Unicode.Scalar = close == "]" ? "}" : "]"
        if found == other {
            return Explanation(message: "'\(other)' does not close \(opened)", mark: at, hint: "close it with '\(close)'")
        }
        if !closes(close, after: contextMark) {
            return Explanation(message: "the \(what) that opens with '\(open)' here is never closed", mark: contextMark,
                               hint: "add '\(close)' after its last item")
        }
        return Explanation(message: "YAML expected ',' or '\(close)' here, in \(opened)", mark: at,
                           hint: "separate the items with ', '; put an item in quotes if it holds ': ', ',' or brackets")
    }

    /// "found character that cannot start any token": `@` and `` ` `` are reserved, so a value cannot start with them.
    private func reservedCharacter() -> Explanation {
        let found = character(at: at).map { String($0) } ?? "?"
        return quoting("a value cannot start with '\(found)': YAML reserves it")
    }

    /// A value that starts with an indicator YAML reads specially, explained by `message`; the fix is quotes.
    private func quoting(_ message: String) -> Explanation {
        let line = text(at.line)
        var explanation = Explanation(message: message, mark: at)
        if let separator = keySeparator(in: line, before: at.column - 1),
           let fixed = quotedLine(line, valueAfter: separator, quotingIndicators: true) {
            explanation.hint = "put the value in quotes: \(fixed)"
        } else {
            explanation.hint = "put the value in quotes"
        }
        return explanation
    }

    /// An unknown or incomplete escape in a double-quoted value.
    private func badEscape() -> Explanation {
        var hint = "write \\\\ for a backslash, or put the value in single quotes, where '\\' has no special meaning"
        let line = text(contextMark.line)
        // Only a value on one line with no other escape reads the same in single quotes.
        if line.last == "\"", let separator = keySeparator(in: line, before: contextMark.column - 1),
           let fixed = quotedLine(line, valueAfter: separator, unwrapping: "\""),
           !fixed.contains("''"), !fixed.contains("\\\"") {
            hint += ": \(fixed)"
        }
        return Explanation(
            message: "inside double quotes '\\' starts an escape such as \\n or \\\", and this one is not one YAML knows",
            mark: at, hint: hint)
    }

    /// "block sequence entries are not allowed": `key: - item` on one line.
    private func itemAfterKey() -> Explanation {
        Explanation(message: "a list item ('- ') cannot start on the same line as its key", mark: at,
                    hint: "put each item on a line of its own below the key, indented; "
                        + "or put the value in quotes if the '-' is part of it")
    }

    // MARK: - Reading the source

    /// Line `number` (1-based), empty past the end.
    private func text(_ number: Int) -> [Unicode.Scalar] {
        number >= 1 && number <= lines.count ? lines[number - 1] : []
    }

    private func character(at mark: Mark) -> Unicode.Scalar? {
        let line = text(mark.line)
        return mark.column >= 1 && mark.column <= line.count ? line[mark.column - 1] : nil
    }

    /// A mark on libyaml's problem line at 0-based `column`.
    private func mark(onProblemLineAt column: Int) -> Mark {
        Mark(line: at.line, column: column + 1, index: max(0, at.index - (at.column - 1 - column)))
    }

    private func spaces(_ count: Int) -> String { count == 1 ? "1 space" : "\(count) spaces" }

    /// Whether `line`'s leading white space holds a tab, the usual cause of "cannot start any token".
    private func indentsWithTab(line number: Int) -> Bool {
        for scalar in text(number) {
            if scalar == "\t" { return true }
            if scalar != " " { return false }
        }
        return false
    }

    private func firstNonSpace(in line: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < line.count, line[index] == " " || line[index] == "\t" { index += 1 }
        return index
    }

    /// Where a line's content starts: past its indentation and any `- ` list indicators.
    private func contentStart(of line: [Unicode.Scalar]) -> Int {
        var index = firstNonSpace(in: line, from: 0)
        while index < line.count, isItem(line, at: index) { index = firstNonSpace(in: line, from: index + 1) }
        return index
    }

    private func isItem(_ line: [Unicode.Scalar], at index: Int) -> Bool {
        index < line.count && line[index] == "-" && (index + 1 == line.count || line[index + 1] == " ")
    }

    /// The first `:` that ends a key (followed by a space or the end of the line) before `limit`,
    /// outside quotes and brackets; nil when the line has none there.
    private func keySeparator(in line: [Unicode.Scalar], before limit: Int) -> Int? {
        var quote: Unicode.Scalar?
        var depth = 0
        var index = contentStart(of: line)
        while index < min(limit, line.count) {
            let scalar = line[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "[" || scalar == "{" {
                depth += 1
            } else if scalar == "]" || scalar == "}" {
                depth -= 1
            } else if scalar == "#", index > 0, line[index - 1] == " " {
                return nil
            } else if scalar == ":", depth == 0, index + 1 == line.count || line[index + 1] == " " {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The key or text a line starts with (from `start`, default its content), as a person would name it.
    private func name(in line: [Unicode.Scalar], from start: Int? = nil) -> String {
        let from = min(start ?? contentStart(of: line), line.count)
        var end = keySeparator(in: line, before: line.count) ?? line.count
        if end < from { end = line.count }
        if let comment = (from..<end).first(where: { line[$0] == "#" && $0 > 0 && line[$0 - 1] == " " }) { end = comment }
        let name = String(String.UnicodeScalarView(line[from..<end])).trimmingSpaces()
        return name.count > 40 ? String(name.prefix(39)) + "…" : name
    }

    /// The nearest line above `line` whose content starts deeper than `column` and shallowest of
    /// those: the key an under-indented line most likely meant to line up with.
    private func innerSibling(above line: Int, deeperThan column: Int) -> (name: String, line: Int, column: Int)? {
        var best: (name: String, line: Int, column: Int)?
        var number = line - 1
        while number >= max(1, contextMark.line) {
            let candidate = text(number)
            let start = contentStart(of: candidate)
            if start < candidate.count, candidate[start] != "#" {
                if start <= column { break }
                if best == nil || start < (best?.column ?? 0) - 1 {
                    best = (name(in: candidate), number, start + 1)
                }
            }
            number -= 1
        }
        return best
    }

    /// The nearest line above `line` with content (not blank, not only a comment).
    private func lineAbove(_ line: Int) -> Int? {
        var number = line - 1
        while number >= 1 {
            let candidate = text(number)
            let start = firstNonSpace(in: candidate, from: 0)
            if start < candidate.count, candidate[start] != "#" { return number }
            number -= 1
        }
        return nil
    }

    /// The opening mark of the nearest value above `line` that starts with `quote` and is not closed on its line.
    private func unclosedQuote(_ quote: Unicode.Scalar, before line: Int) -> Mark? {
        var number = line - 1
        while number >= 1 {
            let candidate = text(number)
            if let separator = keySeparator(in: candidate, before: candidate.count) {
                let start = firstNonSpace(in: candidate, from: separator + 1)
                if start < candidate.count, candidate[start] == quote,
                   !candidate[(start + 1)...].contains(quote) {
                    // The index only orders marks; a syntax error is the one mark of its file.
                    return Mark(line: number, column: start + 1, index: 0)
                }
            }
            number -= 1
        }
        return nil
    }

    /// Whether `close` appears anywhere after `mark`: if not, the bracket opened there is never closed.
    private func closes(_ close: Unicode.Scalar, after mark: Mark) -> Bool {
        let first = text(mark.line)
        if first.count >= mark.column, first[mark.column...].contains(close) { return true }
        return ((mark.line + 1)...max(mark.line + 1, lines.count)).contains { text($0).contains(close) }
    }

    /// `line` (without its indentation) with the value after the key's `:` at `separator` in quotes;
    /// nil when the value is empty or starts with something quotes would change the meaning of.
    ///
    /// `unwrapping` strips that quote from both ends of the value first (a value already quoted
    /// that went wrong); `quotingIndicators` allows values starting with `!`, `&`, `*`, `@` or a backtick.
    private func quotedLine(_ line: [Unicode.Scalar], valueAfter separator: Int, unwrapping: Unicode.Scalar? = nil,
                            quotingIndicators: Bool = false) -> String? {
        let start = firstNonSpace(in: line, from: separator + 1)
        guard start < line.count else { return nil }
        var end = line.count
        if unwrapping == nil, let comment = (start..<line.count).first(where: { line[$0] == "#" && line[$0 - 1] == " " }) {
            end = comment
        }
        var value = Array(line[start..<end])
        while value.last == " " { value.removeLast() }
        if let unwrapping {
            guard value.first == unwrapping else { return nil }
            value.removeFirst()
            if value.last == unwrapping { value.removeLast() }
        } else if let first = value.first, "\"'[{|>".unicodeScalars.contains(first)
                    || (!quotingIndicators && "!&*@`".unicodeScalars.contains(first)) {
            return nil
        }
        let text = String(String.UnicodeScalarView(value))
        let useSingle = unwrapping == "\"" || (unwrapping == nil && text.contains("\"") && !text.contains("'"))
        var quoted = ""
        if useSingle {
            quoted = "'" + text.replacingAll("'", with: "''") + "'"
        } else {
            DoubleQuoted.append(text, to: &quoted, alsoEscape: { _ in false })
        }
        let prefix = String(String.UnicodeScalarView(line[firstNonSpace(in: line, from: 0)..<start]))
        let comment = end < line.count ? " " + String(String.UnicodeScalarView(line[end...])) : ""
        return prefix + quoted + comment
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var scalars = Array(unicodeScalars)
        while scalars.last == " " { scalars.removeLast() }
        while scalars.first == " " { scalars.removeFirst() }
        return String(String.UnicodeScalarView(scalars))
    }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
