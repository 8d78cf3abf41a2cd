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
