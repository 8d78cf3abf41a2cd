import Testing
import TacetDiagnostics
import TacetYAML

/// Each class of libyaml syntax error, as a person who edits YAML but does not program reads it:
/// the exact text written and the exact message `tacet` prints for it.
@Suite("YAML syntax errors in plain words")
struct SyntaxErrorMessageTests {
    /// The error `text` gives, rendered as the command line prints it for a file `f.yaml`.
    static func rendered(_ text: String) -> String {
        let bytes = Array(text.utf8)
        do {
            _ = try YAMLParser().parse(bytes)
            return "parsed"
        } catch {
            return DiagnosticRenderer(source: { _ in bytes }).render(error.diagnostic(file: "f.yaml"))
        }
    }

    @Test("a plain value with ': ' in it: quote it, and the line to write")
    func colonInPlainValue() {
        #expect(Self.rendered("task: drafting\nhint: Set ai: human-only\n") == #"""
            f.yaml:2:13: error: the value of 'hint' contains ': ', which YAML reads as the start of another key [yaml.syntax]
             2 | hint: Set ai: human-only
               |             ^
              hint: put the value in quotes: hint: "Set ai: human-only"
              note: libyaml's words: mapping values are not allowed in this context (f.yaml:2:13)

            """#)
    }

    @Test("a colon in a list item's value: the line to write keeps its '- ' and its comment")
    func colonInListItemValue() {
        #expect(Self.rendered("steps:\n  - hint: Set ai: human-only # why\n") == #"""
            f.yaml:2:17: error: the value of 'hint' contains ': ', which YAML reads as the start of another key [yaml.syntax]
             2 |   - hint: Set ai: human-only # why
               |                 ^
              hint: put the value in quotes: - hint: "Set ai: human-only" # why
              note: libyaml's words: mapping values are not allowed in this context (f.yaml:2:17)

            """#)
    }

    @Test("a colon in a value that holds double quotes: the line to write uses single quotes")
    func colonInValueWithQuotes() {
        #expect(Self.rendered("hint: Say \"yes\": now\n") == #"""
            f.yaml:1:16: error: the value of 'hint' contains ': ', which YAML reads as the start of another key [yaml.syntax]
             1 | hint: Say "yes": now
               |                ^
              hint: put the value in quotes: hint: 'Say "yes": now'
              note: libyaml's words: mapping values are not allowed in this context (f.yaml:1:16)

            """#)
    }

    @Test("a key indented deeper than the one above: which line and column to line up with")
    func overIndentedKey() {
        #expect(Self.rendered("task:\n  id: drafting\n    title: Drafting notes\n") == #"""
            f.yaml:3:5: error: 'title' is indented deeper than 'id' on line 2, so YAML reads it as part of the value of 'id' [yaml.syntax]
             3 |     title: Drafting notes
               |     ^
              hint: line 'title' up with 'id' (line 2, column 3): indent it by 2 spaces
              note: libyaml's words: mapping values are not allowed in this context (f.yaml:3:10)

            """#)
    }

    @Test("a key indented deeper than a quoted value above it")
    func overIndentedAfterQuotedValue() {
        #expect(Self.rendered("task:\n  id: \"drafting\"\n    title: Drafting notes\n") == #"""
            f.yaml:3:5: error: 'title' is indented deeper than 'id' on line 2, under a value that cannot hold a key [yaml.syntax]
             3 |     title: Drafting notes
               |     ^
              hint: line 'title' up with 'id' (line 2, column 3): indent it by 2 spaces
              note: libyaml's words: did not find expected key, while parsing a block mapping at 2:3 (f.yaml:3:5)

            """#)
    }

    @Test("a key between two indentations: both keys it could line up with")
    func keyLinedUpWithNothing() {
        #expect(Self.rendered("task:\n  id: drafting\n title: Drafting notes\n") == #"""
            f.yaml:3:2: error: 'title' is indented by 1 space, which lines up with no key above it [yaml.syntax]
             3 |  title: Drafting notes
               |  ^
              hint: line it up with 'id' (line 2, column 3) or with 'task' (line 1, column 1)
              note: libyaml's words: did not find expected key, while parsing a block mapping at 1:1 (f.yaml:3:2)

            """#)
    }

    @Test("a list item among a mapping's keys")
    func listItemInMapping() {
        #expect(Self.rendered("ai: human-only\n- drafting\n") == #"""
            f.yaml:2:1: error: a list item ('- ') where the mapping that starts at line 1, column 1 expects 'key: value' [yaml.syntax]
             2 | - drafting
               | ^
              hint: a key with a list has nothing after its ':' and the items below it; if the item belongs to the key above, remove that key's value
              note: libyaml's words: did not find expected key, while parsing a block mapping at 1:1 (f.yaml:2:1)

            """#)
    }

    @Test("an apostrophe inside single quotes ends the value early")
    func textAfterClosingQuote() {
        #expect(Self.rendered("hint: 'don't'\n") == #"""
            f.yaml:1:12: error: the single-quoted value ends at its closing ', and YAML cannot read the text after it [yaml.syntax]
             1 | hint: 'don't'
               |            ^
              hint: to write ' inside single quotes, write ''; or put the whole value in the other quotes: hint: "don't"
              note: libyaml's words: did not find expected key, while parsing a block mapping at 1:1 (f.yaml:1:12)

            """#)
    }

    @Test("a quote never closed is reported where it opened, not at the end of the file")
    func unclosedQuote() {
        #expect(Self.rendered("title: \"Drafting notes\nai: human-only\n") == #"""
            f.yaml:1:8: error: the double-quoted value that starts here is never closed [yaml.syntax]
             1 | title: "Drafting notes
               |        ^
              hint: add the closing " at the end of the value
              note: libyaml's words: found unexpected end of stream, while scanning a quoted scalar at 1:8 (f.yaml:3:1)

            """#)
    }

    @Test("a quote not closed on its line, closed by a later value's opening quote")
    func quoteClosedLater() {
        #expect(Self.rendered("title: \"Drafting notes\nai: human-only\nhint: \"x\"\n") == #"""
            f.yaml:1:8: error: the double-quoted value that starts here is not closed on its line, so it runs on to the " at line 3, column 7 [yaml.syntax]
             1 | title: "Drafting notes
               |        ^
              hint: add the closing " at the end of the value on line 1
              note: libyaml's words: did not find expected key, while parsing a block mapping at 1:1 (f.yaml:3:8)

            """#)
    }

    @Test("a bracket never closed is reported where it opened")
    func unclosedBracket() {
        #expect(Self.rendered("data: [phi, deidentified\nai: ai-assisted\n") == #"""
            f.yaml:1:7: error: the list that opens with '[' here is never closed [yaml.syntax]
             1 | data: [phi, deidentified
               |       ^
              hint: add ']' after its last item
              note: libyaml's words: did not find expected ',' or ']', while parsing a flow sequence at 1:7 (f.yaml:2:3)

            """#)
    }

    @Test("a list closed with '}'")
    func wrongClosingBracket() {
        #expect(Self.rendered("data: [phi, deidentified}\n") == #"""
            f.yaml:1:25: error: '}' does not close the list that opens with '[' at line 1, column 7 [yaml.syntax]
             1 | data: [phi, deidentified}
               |                         ^
              hint: close it with ']'
              note: libyaml's words: did not find expected ',' or ']', while parsing a flow sequence at 1:7 (f.yaml:1:25)

            """#)
    }

    @Test("a missing comma in a list that is closed")
    func missingComma() {
        #expect(Self.rendered("data: [\"phi\" deidentified]\n") == #"""
            f.yaml:1:14: error: YAML expected ',' or ']' here, in the list that opens with '[' at line 1, column 7 [yaml.syntax]
             1 | data: ["phi" deidentified]
               |              ^
              hint: separate the items with ', '; put an item in quotes if it holds ': ', ',' or brackets
              note: libyaml's words: did not find expected ',' or ']', while parsing a flow sequence at 1:7 (f.yaml:1:14)

            """#)
    }

    @Test("a line with no ':' in a mapping, at that line")
    func missingColon() {
        #expect(Self.rendered("title: x\nconsent\nai: human-only\n") == #"""
            f.yaml:2:1: error: 'consent' has no ':' after it, so it is neither 'key: value' nor a list item [yaml.syntax]
             2 | consent
               | ^
              hint: write 'consent: ' and its value, or join the line to the value it continues
              note: libyaml's words: could not find expected ':', while scanning a simple key at 2:1 (f.yaml:3:1)

            """#)
    }

    @Test("a key inside a list: the item it may belong to, or the key beside the list")
    func notAListItem() {
        #expect(Self.rendered("steps:\n  - id: a\n  task: drafting\n") == #"""
            f.yaml:3:3: error: 'task' is not a list item ('- '), but it is inside the list that starts at line 2, column 3 [yaml.syntax]
             3 |   task: drafting
               |   ^
              hint: start it with '- ' if it is another item; or line it up with 'id' (line 2, column 5) if it belongs to the item above; or line it up with 'steps' (line 1, column 1) if it is a key beside it
              note: libyaml's words: did not find expected '-' indicator, while parsing a block collection at 2:3 (f.yaml:3:3)

            """#)
    }

    @Test("a tab in the indentation")
    func tabIndentation() {
        #expect(Self.rendered("a:\n\tb: 1\n") == #"""
            f.yaml:2:1: error: this line is indented with a tab [yaml.syntax]
             2 | 	b: 1
               | ^
              hint: YAML does not allow tabs for indentation; indent with spaces
              note: libyaml's words: found character that cannot start any token while scanning for the next token (f.yaml:2:1)

            """#)
    }

    @Test("a tab in the indentation after a value")
    func tabAfterSpaces() {
        #expect(Self.rendered("a:\n  b: 1\n\t c: 2\n") == #"""
            f.yaml:3:1: error: this line is indented with a tab [yaml.syntax]
             3 | 	 c: 2
               | ^
              hint: YAML does not allow tabs for indentation; indent with spaces
              note: libyaml's words: found a tab character that violates indentation, while scanning a plain scalar at 2:6 (f.yaml:3:1)

            """#)
    }

    @Test("a value starting with '@'")
    func reservedCharacter() {
        #expect(Self.rendered("owner: @fay\n") == #"""
            f.yaml:1:8: error: a value cannot start with '@': YAML reserves it [yaml.syntax]
             1 | owner: @fay
               |        ^
              hint: put the value in quotes: owner: "@fay"
              note: libyaml's words: found character that cannot start any token while scanning for the next token (f.yaml:1:8)

            """#)
    }

    @Test("a value starting with '!'")
    func undefinedTagHandle() {
        #expect(Self.rendered("note: !x!y z\n") == #"""
            f.yaml:1:7: error: a value that starts with '!' is read as a tag, and YAML knows no tag of this name [yaml.syntax]
             1 | note: !x!y z
               |       ^
              hint: put the value in quotes: note: "!x!y z"
              note: libyaml's words: found undefined tag handle while parsing a node (f.yaml:1:7)

            """#)
    }

    @Test("a value starting with '* '")
    func aliasWithoutName() {
        #expect(Self.rendered("hint: * important\n") == #"""
            f.yaml:1:8: error: a value that starts with '*' is read as an alias, which needs a name right after the '*' [yaml.syntax]
             1 | hint: * important
               |        ^
              hint: put the value in quotes: hint: "* important"
              note: libyaml's words: did not find expected alphabetic or numeric character, while scanning an alias at 1:7 (f.yaml:1:8)

            """#)
    }

    @Test("an unknown escape in double quotes")
    func unknownEscape() {
        #expect(Self.rendered("hint: \"use \\d for digits\"\n") == #"""
            f.yaml:1:12: error: inside double quotes '\' starts an escape such as \n or \", and this one is not one YAML knows [yaml.syntax]
             1 | hint: "use \d for digits"
               |            ^
              hint: write \\ for a backslash, or put the value in single quotes, where '\' has no special meaning: hint: 'use \d for digits'
              note: libyaml's words: found unknown escape character, while parsing a quoted scalar at 1:7 (f.yaml:1:12)

            """#)
    }

    @Test("a Windows path in double quotes")
    func incompleteEscape() {
        #expect(Self.rendered("path: \"C:\\Users\\fay\"\n") == #"""
            f.yaml:1:12: error: inside double quotes '\' starts an escape such as \n or \", and this one is not one YAML knows [yaml.syntax]
             1 | path: "C:\Users\fay"
               |            ^
              hint: write \\ for a backslash, or put the value in single quotes, where '\' has no special meaning: path: 'C:\Users\fay'
              note: libyaml's words: did not find expected hexdecimal number, while parsing a quoted scalar at 1:7 (f.yaml:1:12)

            """#)
    }

    @Test("a list item on its key's line")
    func itemAfterKey() {
        #expect(Self.rendered("data: - phi\n") == #"""
            f.yaml:1:7: error: a list item ('- ') cannot start on the same line as its key [yaml.syntax]
             1 | data: - phi
               |       ^
              hint: put each item on a line of its own below the key, indented; or put the value in quotes if the '-' is part of it
              note: libyaml's words: block sequence entries are not allowed in this context (f.yaml:1:7)

            """#)
    }

    @Test("text after '|'")
    func blockScalarHeader() {
        #expect(Self.rendered("notes: |x\n  text\n") == #"""
            f.yaml:1:9: error: after '|' or '>' only '+', '-', a digit 1 to 9 or a comment may follow on the line [yaml.syntax]
             1 | notes: |x
               |         ^
              hint: start the text on the next line, indented under the key; or put the value in quotes if the '|' or '>' is part of it
              note: libyaml's words: did not find expected comment or line break, while scanning a block scalar at 1:8 (f.yaml:1:9)

            """#)
    }

    @Test("a key under a line with no ':'")
    func valueGoesOn() {
        #expect(Self.rendered("ab\ncd: 1\n") == #"""
            f.yaml:2:1: error: YAML reads 'cd' as going on from the value on line 1, and a value cannot hold a key [yaml.syntax]
             2 | cd: 1
               | ^
              hint: line each key up with the keys beside it; if line 1 is meant as a key, end it with ':'
              note: libyaml's words: mapping values are not allowed in this context (f.yaml:2:3)

            """#)
    }

    @Test("an error with nothing plainer to say keeps libyaml's words as its message")
    func fallback() throws {
        let error = try #require(Self.error("a: 1\n%YAML 1.2\n"))
        #expect(error.message == "did not find expected <document start>")
        #expect(error.mark.line == 3)
        #expect(error.hint == nil)
    }

    @Test("every one-character slip in a real document gives a syntax error inside the file, never a crash")
    func slips() {
        let document = """
            apiVersion: tacet/v1
            kind: Workflow
            metadata: {name: intake, team: adult-mh}
            population: "Adults in crisis care"
            steps:
              - id: s1
                task: progress-note-drafting
                data: [phi, deidentified]
                description: 'Draft the note' # reviewed
                notes: |
                  kept as written
            \u{FEFF}
            """
        let slips = Array(":\"'[]{}\t -#\n|*&!@\\>%?,`\r")
        let characters = Array(document)
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false).count
        for index in characters.indices {
            var variants = [characters.enumerated().filter { $0.offset != index }.map(\.element)]
            for slip in slips {
                var inserted = characters
                inserted.insert(slip, at: index)
                variants.append(inserted)
            }
            for variant in variants {
                guard let error = Self.error(String(variant)) else { continue }
                #expect((1...lines + 2).contains(error.mark.line), "\(error) for \(String(variant).debugDescription)")
                #expect(error.mark.column >= 1 && !error.message.isEmpty)
            }
        }
    }

    static func error(_ text: String) -> YAMLError? {
        do {
            _ = try YAMLParser().parse(text)
            return nil
        } catch {
            return error
        }
    }
}
