import Crypto

/// Fingerprints that stay the same for the same finding across runs, so code-scanning views can tell a
/// known finding from a new one. They hash the rule, the file and the node's JSON Pointer, not the line,
/// so adding lines above a finding does not make it new.
struct Fingerprint {
    private static let hex = Array("0123456789abcdef")
    private var seen: [String: Int] = [:]

    /// The fingerprint of the next finding with these facts; a repeat gets its occurrence number mixed in.
    mutating func next(rule: String, file: String, pointer: String?, fallback: String) -> String {
        let key = [rule, file, pointer ?? fallback].joined(separator: "\u{0}")
        let occurrence = seen[key, default: 0]
        seen[key] = occurrence + 1
        let digest = SHA256.hash(data: Array((key + "\u{0}\(occurrence)").utf8))
        return String(digest.prefix(16).flatMap { byte in [Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]] })
    }
}
