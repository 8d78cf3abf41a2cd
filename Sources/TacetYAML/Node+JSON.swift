/// The JSON form of a node: what `tacet convert` prints and what plugins receive.
extension Node {
    /// Writes the node as JSON text: mappings as objects in key order, core-schema nulls, booleans,
    /// integers and floats as JSON literals, everything else as strings.
    ///
    /// Throws for values JSON cannot hold exactly (integers past 64 bits, `.inf`, `.nan`) rather
    /// than change them silently. Recursion is bounded by ``YAMLLimits/maxDepth``.
    public func jsonText(pretty: Bool = true) throws(YAMLError) -> String {
        var out = ""
        out.reserveCapacity(256)
        try writeJSON(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func writeJSON(into out: inout String, indent: Int?) throws(YAMLError) {
        let inner = indent.map { $0 + 2 }
        func newline(_ level: Int?) {
            guard let level else { return }
            out += "\n"
            out += String(repeating: " ", count: level)
        }
        switch content {
        case .scalar(let scalar):
            try Self.writeScalar(scalar, at: mark, into: &out)
        case .sequence(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                newline(inner)
                try item.writeJSON(into: &out, indent: inner)
            }
            newline(indent)
            out += "]"
        case .mapping(let entries):
            if entries.isEmpty { out += "{}"; return }
            out += "{"
            for (index, entry) in entries.enumerated() {
                if index > 0 { out += "," }
                newline(inner)
                Self.writeString(entry.key.scalar?.value ?? "", into: &out)
                out += indent == nil ? ":" : ": "
                try entry.value.writeJSON(into: &out, indent: inner)
            }
            newline(indent)
            out += "}"
        }
    }

    private static func writeScalar(_ scalar: Scalar, at mark: Mark, into out: inout String) throws(YAMLError) {
        switch scalar.kind {
        case .null: out += "null"
        case .bool: out += scalar.bool == true ? "true" : "false"
        case .int:
            guard let value = scalar.int else {
                throw YAMLError(.notRepresentableInJSON, "integer \(scalar.value) does not fit in 64 bits", at: mark,
                                hint: "quote it if it is an identifier rather than a number")
            }
            out += String(value)
        case .float:
            guard let value = scalar.double, value.isFinite else {
                throw YAMLError(.notRepresentableInJSON, "\(scalar.value) has no JSON form", at: mark,
                                hint: "quote it if it is meant as text")
            }
            out += value.description
        case .string:
            writeString(scalar.value, into: &out)
        }
    }

    /// `text` as a JSON string literal, quotes included.
    public static func jsonString(_ text: String) -> String {
        var out = ""
        writeString(text, into: &out)
        return out
    }

    /// Appends `text` as a JSON string literal (RFC 8259 escaping; non-ASCII kept as UTF-8).
    static func writeString(_ text: String, into out: inout String) {
        // U+2028 and U+2029 are valid JSON but break JavaScript consumers, so they are escaped too.
        DoubleQuoted.append(text, to: &out) { $0 == 0x2028 || $0 == 0x2029 }
    }
}
