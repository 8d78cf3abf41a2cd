import Testing
import TacetPluginProtocol
import TacetSchemas

/// The schema validator's own pattern matcher (`SchemaPattern`) against Swift's regex engine, which it
/// stands in for: the same answer for every pattern the schemas use and for the constructs of its subset,
/// ECMA-262's meaning where the two engines differ, and nothing compiled outside the subset.
@Suite struct SchemaPatternTests {
    /// Whether Swift's engine finds `pattern` in `text`, scalar by scalar, as the validator used it before.
    static func reference(_ pattern: String, _ text: String) throws -> Bool {
        try Regex(pattern).matchingSemantics(.unicodeScalar).firstMatch(in: text) != nil
    }

    /// The schemas' own (docs/schemas, the plugin schemas, SARIF 2.1.0) and the formats'.
    static let schemaPatterns = [
        "^[a-z0-9]+(-[a-z0-9]+)*$", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "^(/([^~/]|~[01])*)*$",
        #"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)([-+].*)?$"#,
        "^[a-z][a-z0-9]*(-[a-z0-9]+)*/[a-z][a-z0-9]*([-.][a-z0-9]+)*$", "^[0-9a-fA-F]{64}$", "^[0-9]{4}-Q[1-4]$",
        #"[0-9]+(\.[0-9]+){3}"#, "[^/]+/.+", "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$",
        #"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$"#, #"^[^\s]*$"#,
        #"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#,
    ]

    /// The rest of the subset: unanchored search, alternation, counted repeats, escapes, classes.
    static let patterns = schemaPatterns + [
        "ab|cd", "^(?:ab|a)c$", "a{2,}", "^a{1,3}$", "x?y+z*", #"\w+@\w+"#, #"^\S+$"#, #"^[\d\-]+$"#, "^.$",
        "(a*)*b", "^(|x)y$", #"\$\^\(\)"#,
    ]

    static let texts = [
        "", "a", "ab", "abc", "ac", "aac", "cd", "aaa", "aaaa", "phi-scan", "phi--scan", "Phi-scan", "phi-scan/record-number",
        "phi-scan/record.number", "1.0.0", "1.0.0-beta+7", "01.0.0", "2026-12-01", "2026-12-1", "2026-12-01T10:00:00+01:00",
        "2026-12-01t10:00:00.5Z", "2026-12-01 10:00", "2026-Q3", "2026-Q5", "/steps/0/ai", "/a~0b/~1", "/a~2", "steps",
        "0123456789abcdefABCDEF0123456789abcdefABCDEF0123456789abcdef0123", "1.2.3.4", "v1.2.3", "a/b", "/b", "en", "en-GB",
        "e", "ENG", "12345678-1234-1234-8234-123456789012", "12345678-1234-6234-8234-123456789012", "https://x.invalid/a",
        "mailto:a@b", "a b", "x", "yz", "xyyzz", "a@b", "a@", "12-34", "$^()", "]", "a]", "phi\nscan", "aaab",
        "y", "xy", "é", "Ä-scan",
    ]

    @Test func answersAsSwiftsEngineDoesOnEveryPatternTheSchemasUseAndTheSubset() throws {
        for pattern in Self.patterns {
            let compiled = try #require(SchemaPattern(pattern), "\(pattern) is within the subset")
            for text in Self.texts {
                let expected = try Self.reference(pattern, text)
                #expect(compiled.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
                // The schemas' patterns near the length limit too (the texts repeated), where the matcher recurses
                // deepest (`(a*)*b` and the like backtrack exponentially on long text in any backtracking engine).
                guard Self.schemaPatterns.contains(pattern) else { continue }
                let long = String(repeating: text, count: max(1, SchemaPattern.longestText / max(1, text.unicodeScalars.count)))
                if long.unicodeScalars.count <= SchemaPattern.longestText {
                    let expectedLong = try Self.reference(pattern, long)
                    #expect(compiled.matches(long) == expectedLong, "\(pattern) on \(long.debugDescription)")
                }
            }
        }
    }

    @Test func classEscapesMeanWhatECMA262Says() throws {
        // ECMA-262 (what JSON Schema's `pattern` means): \d and \w are ASCII, \s is Unicode white space.
        let digits = try #require(SchemaPattern(#"^\d+$"#))
        #expect(digits.matches("2026") == true)
        #expect(digits.matches("٢٠٢٦") == false)  // Arabic-Indic digits are not \d
        let word = try #require(SchemaPattern(#"^\w+$"#))
        #expect(word.matches("a_Z9") == true && word.matches("é") == false)
        let space = try #require(SchemaPattern(#"^\s$"#))
        #expect(space.matches("\u{A0}") == true && space.matches("\u{2028}") == true && space.matches("\t") == true && space.matches("x") == false)
        // `.` stops at line terminators; `$` holds only at the end of the whole text.
        let dot = try #require(SchemaPattern("^a.b$"))
        #expect(dot.matches("a-b") == true && dot.matches("a\nb") == false)
        let end = try #require(SchemaPattern("^a$"))
        #expect(end.matches("a") == true && end.matches("a\n") == false)
        // `[]` is a class of nothing, `[^]` one of every scalar.
        let nothing = try #require(SchemaPattern("^[]$"))
        let anything = try #require(SchemaPattern("^[^]$"))
        #expect(nothing.matches("]") == false && anything.matches("\n") == true)
    }

    @Test func aTextLongerThanTheMatcherTakesIsLeftToSwiftsEngineAndStillJudged() throws {
        let name = try #require(SchemaPattern("^[a-z][a-z0-9]*(-[a-z0-9]+)*$"))
        let long = String(repeating: "a", count: SchemaPattern.longestText + 1)
        #expect(name.matches(long) == nil)
        #expect(name.matches(String(long.dropFirst())) == true)
        // Through the validator, a hostile plugin's long name or pointer is judged, not a crash.
        let validator = try SchemaValidator(schema: #"{"type":"object","properties":{"name":{"type":"string","pattern":"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"},"#
                                            + #""pointer":{"type":"string","pattern":"^(/([^~/]|~[01])*)*$"}}}"#)
        let huge = String(repeating: "ab-", count: 20_000) + "c"
        #expect(validator.validate(.object(["name": .string(huge), "pointer": .string("/" + huge + "/~2")])).count == 1)
        #expect(validator.validate(.object(["name": .string(huge + "-"), "pointer": .string("/" + huge)])).count == 1)
    }

    @Test func leavesWhatIsOutsideTheSubsetToSwiftsEngine() {
        for pattern in [#"(?=a)"#, #"(?!a)"#, #"(?<=a)b"#, #"(a)\1"#, "a*?", "a+?", #"\bword\b"#, #"\p{L}"#, #"\u0041"#, "[[:alpha:]]",
                        "a{2", "(a", "a)", "*a", "[a", #"[\D]"#] {
            #expect(SchemaPattern(pattern) == nil, "\(pattern)")
        }
    }
}
