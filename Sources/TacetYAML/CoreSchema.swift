/// Resolution of plain scalars by the YAML 1.2 core schema (section 10.3.2).
///
/// Unlike YAML 1.1, `yes`/`no`/`on`/`off` stay strings, `010` is the decimal 10, and `1:20` is a
/// string, not a sexagesimal number.
public enum CoreSchema {
    /// The kind a plain scalar's text resolves to.
    public static func resolve(_ text: String) -> ScalarKind {
        let utf8 = text.utf8
        guard let first = utf8.first else { return .null }
        // Fast exit: most scalars in Tacet documents are ids and prose.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."): break
        case UInt8(ascii: "~"): return utf8.count == 1 ? .null : .string
        // The length first: ids and prose that merely start like `null` or `true` (`none`, `task-3`, `therapist-2`)
        // are most scalars, and comparing each with six words was 3% of loading a workflow.
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return utf8.count == 4 && (text == "null" || text == "Null" || text == "NULL") ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return (utf8.count == 4 || utf8.count == 5) && bool(text) != nil ? .bool : .string
        default: return .string
        }
        if isInt(utf8) { return .int }
        if isFloat(utf8) { return .float }
        return .string
    }

    /// The value of a core-schema boolean.
    public static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// The value of a core-schema integer, or nil when it does not fit in `Int`.
    public static func int(_ text: String) -> Int? {
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text, radix: 10)
    }

    /// The value of a core-schema float (or integer).
    public static func double(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default:
            if let int = int(text) { return Double(int) }
            return Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isInt(_ utf8: String.UTF8View) -> Bool {
        let bytes = Array(utf8)
        if bytes.count > 2 && bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") {
                return bytes[2...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
            }
            if bytes[1] == UInt8(ascii: "x") {
                return bytes[2...].allSatisfy { isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20) }
            }
        }
        var digits = bytes[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    static func isFloat(_ utf8: String.UTF8View) -> Bool {
        var rest = Array(utf8)[...]
        if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { rest = rest.dropFirst() }
        let special = String(decoding: rest, as: UTF8.self)
        if special == ".inf" || special == ".Inf" || special == ".INF" { return true }
        if utf8.count == rest.count, special == ".nan" || special == ".NaN" || special == ".NAN" { return true }
        // [0-9]+(\.[0-9]*)? | \.[0-9]+
        let intDigits = rest.prefix(while: isDigit)
        rest = rest.dropFirst(intDigits.count)
        var fractionDigits = 0
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let fraction = rest.prefix(while: isDigit)
            fractionDigits = fraction.count
            rest = rest.dropFirst(fraction.count)
            if intDigits.isEmpty && fractionDigits == 0 { return false }
        } else if intDigits.isEmpty {
            return false
        }
        if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { rest = rest.dropFirst() }
            let exponent = rest.prefix(while: isDigit)
            if exponent.isEmpty { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }
}
