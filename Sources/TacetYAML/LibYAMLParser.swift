import CYAML

/// Owns one libyaml parser over a byte buffer; a class because the C state must be freed exactly once.
///
/// The caller keeps `input` alive for the parser's lifetime (``YAMLParser`` parses inside
/// `withUnsafeBufferPointer`). Input is always read as UTF-8: libyaml would otherwise decode UTF-16,
/// whose offsets no editor would match.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// Bytes stripped before the buffer (a BOM), added back to reader error offsets.
    private let byteBase: Int
    /// Characters stripped before the buffer, added back to every mark's index.
    private let indexBase: Int

    init(input: UnsafeBufferPointer<UInt8>, strippedBOM: Bool) throws(YAMLError) {
        parser = .allocate(capacity: 1)
        byteBase = strippedBOM ? 3 : 0
        indexBase = strippedBOM ? 1 : 0
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw YAMLError(.memory, "libyaml could not allocate a parser", at: .start)
        }
        // invariant: ``YAMLParser`` refuses empty input before it gets here, so baseAddress is non-nil.
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Fills `event` with the next event; the caller must `yaml_event_delete` it.
    ///
    /// Checks both the return value and the parser's error state, as a failed call may leave a
    /// partly filled event and a successful one must not be trusted if an error was recorded.
    func next(_ event: inout yaml_event_t, source: [UInt8]) throws(YAMLError) {
        let ok = yaml_parser_parse(parser, &event)
        guard ok == 1, parser.pointee.error == YAML_NO_ERROR else { throw currentError(source: source) }
    }

    /// A mark from libyaml's 0-based line, column and character index.
    func mark(_ mark: yaml_mark_t) -> Mark {
        Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1, index: Int(mark.index) + indexBase)
    }

    private func currentError(source: [UInt8]) -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(.memory, "libyaml ran out of memory", at: .start)
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset, not a mark: compute line and column ourselves.
            var offset = Int(state.problem_offset) + byteBase
            // A bad trailing octet is reported at itself; point at the character it breaks instead.
            if problem.contains("trailing") {
                var back = offset - 1
                while back >= 0, back >= offset - 3, source[back] & 0xC0 == 0x80 { back -= 1 }
                if back >= 0, source[back] >= 0xC0 { offset = back }
            }
            var message = problem
            if state.problem_value != -1 {
                let hex = String(state.problem_value, radix: 16, uppercase: true)
                message += " (byte or character 0x\(hex.count % 2 == 1 ? "0" + hex : hex))"
            }
            let hint = problem.contains("UTF-8") || problem.contains("Unicode")
                ? "save the file as UTF-8 (Tacet reads no other encoding)"
                : "remove the control character; a NUL byte often means a binary or UTF-16 file"
            return YAMLError(.encoding, message, at: Mark.of(byteOffset: offset, in: source), hint: hint)
        default:
            return SyntaxErrorExplainer(problem: problem, context: state.context.map { String(cString: $0) },
                                        at: mark(state.problem_mark), contextMark: mark(state.context_mark),
                                        source: source).error()
        }
    }
}
