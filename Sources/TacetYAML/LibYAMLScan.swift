import CYAML

/// A bare libyaml event scan: the baseline the benchmarks compare Tacet's loading against.
public enum LibYAMLScan {
    /// Parses `bytes` with libyaml and counts events, building nothing; nil if libyaml reports an error.
    public static func countEvents(in bytes: [UInt8]) -> Int? {
        guard !bytes.isEmpty else { return 0 }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var count = 0
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let type = event.type
                yaml_event_delete(&event)
                count += 1
                if type == YAML_STREAM_END_EVENT { return count }
            }
        }
    }
}

extension LibYAMLScan {
    /// The value of the top-level mapping's scalar `key` (`kind` of a Tacet document), read by libyaml's
    /// events and stopping there: what a loader peeks at to choose how to load a file before building
    /// its tree. Nil when the document is not a mapping, lacks the key, gives it a non-scalar value, or
    /// libyaml fails before reaching it (the full parse then reports why).
    ///
    /// The file's first kilobyte is read first: libyaml decodes its whole input (up to 16 KB) before it
    /// gives the first event, which made peeking at 2,000 workflows of 12 KB cost 120 ms of CPU for three
    /// lines each. A value found in the head counts only once the next top-level key has begun after it,
    /// so a cut cannot shorten it; anything else is settled by reading the whole file. Bytes libyaml
    /// cannot decode past the head are then left to the full load, which reports them.
    public static func topLevelScalar(_ key: String, in bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            let head = 1024
            if buffer.count > head, let cut = buffer[..<head].lastIndex(of: UInt8(ascii: "\n")),
               let found = scan(key, in: UnsafeBufferPointer(rebasing: buffer[...cut]), confirmed: true) {
                return found
            }
            return scan(key, in: buffer, confirmed: false)
        }
    }

    /// The scan of ``topLevelScalar(_:in:)`` over `buffer`; when `confirmed`, a value is returned only when
    /// the next top-level key follows it (the buffer is a head cut from a longer file).
    private static func scan(_ key: String, in buffer: UnsafeBufferPointer<UInt8>, confirmed: Bool) -> String? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var event = yaml_event_t()
        // Depth of open collections; the root mapping's entries are read at depth 1.
        var depth = 0
        // Whether the next node at depth 1 is a key (true) or a value (false).
        var atKey = true
        var matched = false
        // The value found, waiting for the next key to show that the cut did not shorten it.
        var found: String?
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            if let value = found { return event.type == YAML_SCALAR_EVENT && depth == 1 ? value : nil }
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT:
                continue
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                if depth == 0 && event.type != YAML_MAPPING_START_EVENT { return nil }
                if depth == 1 && matched { return nil }
                depth += 1
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                depth -= 1
                if depth == 0 { return nil }
                if depth == 1 { atKey.toggle() }
            case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT:
                if depth == 0 { return nil }
                guard depth == 1 else { continue }
                if event.type == YAML_SCALAR_EVENT {
                    let scalar = event.data.scalar
                    let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    if matched {
                        guard confirmed else { return text }
                        found = text
                        continue
                    }
                    if atKey && text == key { matched = true }
                } else if matched {
                    return nil
                }
                atKey.toggle()
            default:
                return nil
            }
        }
    }
}
