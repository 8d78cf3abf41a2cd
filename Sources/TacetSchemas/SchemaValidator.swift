import TacetPluginProtocol

/// Checks a JSON value against a JSON Schema (draft-04 to 2020-12, the keywords listed in
/// ``keywords``): enough for the plugin and document schemas in docs/schemas and the OASIS SARIF
/// 2.1.0 schema. Other keywords are not silently passed: ``unsupportedKeywords()`` lists them, and
/// the tests keep that list empty for every schema Tacet validates against.
package struct SchemaValidator: Sendable {
    /// The keywords this validator understands; anything else in a schema is reported by ``unsupportedKeywords()``.
    package static let keywords: Set<String> = [
        "$schema", "$id", "id", "$defs", "definitions", "$ref", "title", "description", "default", "examples", "type",
        "required", "properties", "additionalProperties", "items", "enum", "const", "pattern", "minLength", "maxLength",
        "minimum", "maximum", "minItems", "uniqueItems", "anyOf", "oneOf", "format",
    ]

    private let root: JSONValue
    /// The schema's patterns and the formats' patterns, each compiled once, by their text; a pattern outside
    /// ``SchemaPattern``'s subset is left out and matched by Swift's regex engine instead.
    private let patterns: [String: SchemaPattern]

    /// Creates a validator for `schema` (JSON text).
    package init(schema: String) throws {
        // JSONParser, not JSONDecoder: the describe cache builds a validator on every run with plugins, and
        // JSONDecoder's first use in a process costs more than the parse.
        root = try JSONParser.parse(Array(schema.utf8))
        var patterns: [String: SchemaPattern] = [:]
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for (key, member) in members {
                    if key == "pattern", let text = member.stringValue { patterns[text] = SchemaPattern(text) } else { collect(member) }
                }
            case .array(let elements):
                elements.forEach(collect)
            default:
                break
            }
        }
        collect(root)
        for text in Self.formats.values { patterns[text] = SchemaPattern(text) }
        self.patterns = patterns
    }

    /// Every violation, as `pointer: message`; empty when `value` conforms.
    package func validate(_ value: JSONValue) -> [String] {
        var problems: [String] = []
        check(value, against: root, at: "", into: &problems)
        return problems
    }

    /// Keywords in the schema this validator does not implement (should be none).
    package func unsupportedKeywords() -> Set<String> {
        var found: Set<String> = []
        func walk(_ schema: JSONValue, isSchema: Bool) {
            guard case .object(let members) = schema else { return }
            for (key, child) in members {
                if isSchema, !Self.keywords.contains(key) { found.insert(key) }
                if isSchema, key == "format", let name = child.stringValue, Self.formats[name] == nil { found.insert("format: \(name)") }
                switch key {
                case "properties", "$defs", "definitions":
                    for sub in (child.objectValue ?? [:]).values { walk(sub, isSchema: true) }
                case "items", "additionalProperties":
                    walk(child, isSchema: true)
                case "anyOf", "oneOf":
                    for sub in child.arrayValue ?? [] { walk(sub, isSchema: true) }
                default:
                    continue
                }
            }
        }
        walk(root, isSchema: true)
        return found
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at pointer: String, into problems: inout [String]) {
        let place = pointer.isEmpty ? "(top level)" : pointer
        if let reference = schema["$ref"]?.stringValue {
            guard reference.hasPrefix("#"), let target = root.value(at: String(reference.dropFirst())) else {
                problems.append("\(place): schema reference \(reference) cannot be resolved")
                return
            }
            check(value, against: target, at: pointer, into: &problems)
        }
        if let types = schema["type"] {
            let allowed = types.arrayValue?.compactMap(\.stringValue) ?? [types.stringValue].compactMap { $0 }
            guard allowed.contains(where: { Self.has(value, type: $0) }) else {
                problems.append("\(place): expected \(allowed.joined(separator: " or ")), found \(Self.typeName(value))")
                return
            }
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            problems.append("\(place): \(Self.short(value)) is not one of \(options.map(Self.short).joined(separator: ", "))")
        }
        if let constant = schema["const"], constant != value {
            problems.append("\(place): must be \(Self.short(constant))")
        }
        if let alternatives = schema["anyOf"]?.arrayValue {
            let matches = alternatives.contains { alternative in
                var scratch: [String] = []
                check(value, against: alternative, at: pointer, into: &scratch)
                return scratch.isEmpty
            }
            if !matches { problems.append("\(place): matches none of the allowed forms") }
        }
        if let alternatives = schema["oneOf"]?.arrayValue {
            let matching = alternatives.filter { alternative in
                var scratch: [String] = []
                check(value, against: alternative, at: pointer, into: &scratch)
                return scratch.isEmpty
            }.count
            if matching != 1 { problems.append("\(place): matches \(matching) of the forms where exactly one must match") }
        }
        switch value {
        case .object(let members):
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                problems.append("\(place): missing required '\(name)'")
            }
            let properties = schema["properties"]?.objectValue ?? [:]
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                let at = pointer + PluginProtocol.pointer([name])
                if let sub = properties[name] {
                    check(member, against: sub, at: at, into: &problems)
                } else if let extra = schema["additionalProperties"] {
                    if extra == .bool(false) {
                        problems.append("\(place): '\(name)' is not allowed here")
                    } else if extra.objectValue != nil {
                        check(member, against: extra, at: at, into: &problems)
                    }
                }
            }
        case .array(let elements):
            if let minimum = schema["minItems"]?.numberValue, Double(elements.count) < minimum {
                problems.append("\(place): needs at least \(Int(minimum)) items")
            }
            if schema["uniqueItems"] == .bool(true), Set(elements).count != elements.count {
                problems.append("\(place): items must be unique")
            }
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() {
                    check(element, against: items, at: pointer + "/\(index)", into: &problems)
                }
            }
        case .string(let text):
            if let minimum = schema["minLength"]?.numberValue, Double(text.count) < minimum {
                problems.append("\(place): must not be shorter than \(Int(minimum))")
            }
            if let maximum = schema["maxLength"]?.numberValue, Double(text.count) > maximum {
                problems.append("\(place): must not be longer than \(Int(maximum))")
            }
            if let pattern = schema["pattern"]?.stringValue, !matches(text, pattern) {
                problems.append("\(place): '\(text.prefix(80))' does not match \(pattern)")
            }
            if let format = schema["format"]?.stringValue, let pattern = Self.formats[format], !matches(text, pattern) {
                problems.append("\(place): '\(text.prefix(80))' is not a valid \(format)")
            }
        case .number(let number):
            if let minimum = schema["minimum"]?.numberValue, number < minimum {
                problems.append("\(place): \(number) is below the minimum \(minimum)")
            }
            if let maximum = schema["maximum"]?.numberValue, number > maximum {
                problems.append("\(place): \(number) is above the maximum \(maximum)")
            }
        default:
            break
        }
    }

    /// Formats checked by shape (RFC 3986 and RFC 3339 in outline): a URI has a scheme, a URI
    /// reference has no spaces or control characters, a date-time has a date, a time and a zone.
    private static let formats: [String: String] = [
        "uri": #"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$"#,
        "uri-reference": #"^[^\s]*$"#,
        "date-time": #"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#,
        "date": #"^\d{4}-\d{2}-\d{2}$"#,
    ]

    private static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number):
            return true
        case ("integer", .number(let number)):
            return number == number.rounded()
        default:
            return false
        }
    }

    private static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    private static func short(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "'\(text.prefix(40))'"
        default: typeName(value)
        }
    }

    /// Whether `pattern` matches within `text`, scalar by scalar as ECMA-262 reads a string: compiled once
    /// (``SchemaPattern``) when it is within the subset the schemas use and the text is not long, else by
    /// Swift's own regex engine (not ICU's: ICU's first compile in a process set up its Unicode tables, which
    /// cost a plugin run more CPU than the check).
    private func matches(_ text: String, _ pattern: String) -> Bool {
        if let compiled = patterns[pattern], let answer = compiled.matches(text) { return answer }
        guard let expression = try? Regex(pattern) else { return false }
        return (try? expression.matchingSemantics(.unicodeScalar).firstMatch(in: text)) != nil
    }
}
