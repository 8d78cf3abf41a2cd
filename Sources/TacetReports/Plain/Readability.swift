/// The Flesch-Kincaid grade level of English text: the US school grade a reader needs, from how long
/// the sentences are and how many syllables the words have.
///
///     grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59
///
/// Counted as documented in docs/readability.md: a word is a run of letters (with apostrophes and
/// hyphens inside; numbers alone are not words); a sentence ends at `.`, `!` or `?` followed by a space
/// or the end, and at the end of each line (a list item or table cell is a sentence of its own); the
/// syllables of a word are its groups of vowels (a, e, i, o, u, y), less a silent final `e` (but not in
/// `-le` after a consonant) and a silent `-es` or `-ed` (but not after `t` or `d`, or `-es` after `s`,
/// `x`, `z`, `ch`, `sh`, `ce`, `ge`), at least one; a hyphenated word's parts are counted apart.
package enum Readability {
    /// The counts the grade is computed from.
    package struct Counts: Sendable, Equatable {
        /// Words.
        package var words: Int
        /// Sentences.
        package var sentences: Int
        /// Syllables.
        package var syllables: Int

        /// The Flesch-Kincaid grade; 0 for text without words.
        package var grade: Double {
            guard words > 0, sentences > 0 else { return 0 }
            return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
        }
    }

    /// The counts of `text`.
    package static func counts(_ text: String) -> Counts {
        var counts = Counts(words: 0, sentences: 0, syllables: 0)
        for line in text.split(whereSeparator: \.isNewline) {
            var wordsInSentence = 0
            let characters = Array(line)
            var index = 0
            var word = ""
            func endWord() {
                if word.contains(where: \.isLetter) {
                    counts.words += 1
                    wordsInSentence += 1
                    counts.syllables += syllables(in: word)
                }
                word = ""
            }
            while index < characters.count {
                let character = characters[index]
                if character.isLetter || character.isNumber {
                    word.append(character)
                } else if (character == "'" || character == "’" || character == "-"), !word.isEmpty,
                          index + 1 < characters.count, characters[index + 1].isLetter {
                    word.append(character)
                } else {
                    endWord()
                    if ".!?".contains(character), index + 1 == characters.count || characters[index + 1].isWhitespace,
                       wordsInSentence > 0 {
                        counts.sentences += 1
                        wordsInSentence = 0
                    }
                }
                index += 1
            }
            endWord()
            if wordsInSentence > 0 { counts.sentences += 1 }
        }
        return counts
    }

    /// The syllables of one word by the heuristic above.
    package static func syllables(in word: String) -> Int {
        let parts = word.lowercased().split(separator: "-")
        guard parts.count == 1 else { return parts.reduce(0) { $0 + syllables(in: String($1)) } }
        let letters = Array(word.lowercased().filter { $0.isLetter && $0 != "'" && $0 != "’" })
        guard !letters.isEmpty else { return 0 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var groups = 0
        var previousVowel = false
        for letter in letters {
            let vowel = vowels.contains(letter)
            if vowel && !previousVowel { groups += 1 }
            previousVowel = vowel
        }
        let count = letters.count
        func ends(_ suffix: String) -> Bool { String(letters).hasSuffix(suffix) }
        if count > 2, letters[count - 1] == "e", !vowels.contains(letters[count - 2]) {
            let le = letters[count - 2] == "l" && count > 3 && !vowels.contains(letters[count - 3])
            if !le { groups -= 1 }
        } else if count > 3, ends("ed"), !vowels.contains(letters[count - 3]), !"td".contains(letters[count - 3]) {
            groups -= 1
        } else if count > 3, ends("es"), !vowels.contains(letters[count - 3]),
                  !["s", "x", "z"].contains(letters[count - 3]), !ends("ches"), !ends("shes"), !ends("ces"), !ends("ges") {
            groups -= 1
        }
        return max(1, groups)
    }
}
