/// Constants and name rules of the Tacet plugin protocol (docs/plugin-protocol.md).
public enum PluginProtocol {
    /// The protocol versions this build speaks, oldest first. Host and plugin use the highest both speak.
    public static let versions: [Int] = [1, 2]

    /// The first argument of a call that asks a plugin to describe itself.
    public static let describeVerb = "describe"

    /// The first argument of a call that asks a plugin to check documents (one in protocol 1, a batch in 2).
    public static let checkVerb = "check"

    /// The highest version in both lists, or nil when they share none.
    public static func negotiate(host: [Int], plugin: [Int]) -> Int? {
        Set(host).intersection(plugin).max()
    }

    /// Whether `name` is a valid plugin name: lowercase ASCII letters and digits in hyphen-separated
    /// words, starting with a letter, at most 64 characters (`phi-scan`, `consent-coverage`).
    public static func isValidPluginName(_ name: String) -> Bool {
        guard (1...64).contains(name.utf8.count), let first = name.utf8.first, isLower(first) else { return false }
        return isSlug(Substring(name))
    }

    /// Whether `rule` is a valid rule id for plugin `plugin`: the plugin's name, a slash, and a slug of
    /// lowercase words joined by hyphens or dots (`phi-scan/phone-number`). The prefix makes ids unique
    /// across plugins and keeps them apart from policy rule ids, which have no slash.
    public static func isValidRuleID(_ rule: String, plugin: String) -> Bool {
        guard rule.hasPrefix(plugin + "/"), rule.utf8.count <= 128 else { return false }
        let slug = rule.dropFirst(plugin.count + 1)
        guard let first = slug.utf8.first, isLower(first) else { return false }
        return isSlug(slug, separators: [UInt8(ascii: "-"), UInt8(ascii: ".")])
    }

    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

    private static func isSlug(_ text: Substring, separators: Set<UInt8> = [UInt8(ascii: "-")]) -> Bool {
        var previousWasSeparator = true
        for byte in text.utf8 {
            if separators.contains(byte) {
                if previousWasSeparator { return false }
                previousWasSeparator = true
            } else if isLower(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                previousWasSeparator = false
            } else {
                return false
            }
        }
        return !previousWasSeparator
    }
}

extension PluginProtocol {
    /// The RFC 6901 pointer made of `tokens` (`["steps", "2", "description"]` → `/steps/2/description`).
    public static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }

    private static func escape(_ token: String) -> String {
        var result = ""
        for character in token {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.append(character)
            }
        }
        return result
    }
}
