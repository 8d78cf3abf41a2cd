import Foundation
import TacetPluginProtocol

/// Checks a JSON value against a JSON Schema, for the keywords the plugin schemas use: `type`,
/// `required`, `properties`, `items`, `enum`, `pattern`, `minLength`, `maxLength`, `minimum`,
/// `minItems`, `anyOf` and local `$ref`s (`#/$defs/NAME`). Other keywords are ignored, never
/// treated as passing something they would reject: the schemas in docs/schemas use no others
/// (a test keeps it so).
public struct SchemaValidator: Sendable {
    /// The keywords this validator understands; anything else in a schema is reported by ``unsupportedKeywords()``.
    public static let keywords: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "required", "properties", "items", "enum",
        "pattern", "minLength", "maxLength", "minimum", "minItems", "anyOf",
    ]

    private let root: JSONValue

    /// Creates a validator for `schema` (JSON text).
    public init(schema: String) throws {
        root = try JSONDecoder().decode(JSONValue.self, from: Data(schema.utf8))
    }

    /// Every violation, as `pointer: message`; empty when `value` conforms.
    public func validate(_ value: JSONValue) -> [String] {
        var problems: [String] = []
        check(value, against: root, at: "", into: &problems)
        return problems
    }

    /// Keywords in the schema this validator does not implement (should be none).
    public func unsupportedKeywords() -> Set<String> {
        var found: Set<String> = []
        func walk(_ schema: JSONValue, isSchema: Bool) {
            guard case .object(let members) = schema else { return }
            for (key, child) in members {
                if isSchema, !Self.keywords.contains(key) { found.insert(key) }
                switch key {
                case "properties", "$defs":
                    for sub in (child.objectValue ?? [:]).values { walk(sub, isSchema: true) }
                case "items":
                    walk(child, isSchema: true)
                case "anyOf":
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
        if let alternatives = schema["anyOf"]?.arrayValue {
            let matches = alternatives.contains { alternative in
                var scratch: [String] = []
                check(value, against: alternative, at: pointer, into: &scratch)
                return scratch.isEmpty
            }
            if !matches { problems.append("\(place): matches none of the allowed forms") }
        }
        switch value {
        case .object(let members):
            for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                problems.append("\(place): missing required '\(name)'")
            }
            for (name, sub) in schema["properties"]?.objectValue ?? [:] {
                if let member = members[name] { check(member, against: sub, at: pointer + PluginProtocol.pointer([name]), into: &problems) }
            }
        case .array(let elements):
            if let minimum = schema["minItems"]?.numberValue, Double(elements.count) < minimum {
                problems.append("\(place): needs at least \(Int(minimum)) items")
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
            if let pattern = schema["pattern"]?.stringValue, !Self.matches(text, pattern) {
                problems.append("\(place): '\(text.prefix(80))' does not match \(pattern)")
            }
        case .number(let number):
            if let minimum = schema["minimum"]?.numberValue, number < minimum {
                problems.append("\(place): \(number) is below the minimum \(minimum)")
            }
        default:
            break
        }
    }

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

    private static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
