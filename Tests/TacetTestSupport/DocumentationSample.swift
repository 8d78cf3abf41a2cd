import Foundation

/// Samples in the docs that tests produce from the real files, so that they cannot go stale.
///
/// A sample is the fenced block right after a `<!-- output: NAME -->` line. A test computes what the
/// block must hold and calls `update`; with `TACET_WRITE_DOCS=1` in the environment the blocks are
/// rewritten instead of compared.
public enum DocumentationSample {
    /// Whether this run rewrites the samples (`TACET_WRITE_DOCS=1`).
    public static var rewriting: Bool { ProcessInfo.processInfo.environment["TACET_WRITE_DOCS"] == "1" }

    /// The fenced block after each `<!-- KIND: NAME -->` line of `text`, by name.
    public static func blocks(_ kind: String, in text: String) throws -> [String: String] {
        var found: [String: String] = [:]
        for match in text.matches(of: try pattern(kind: kind, name: "[^ ]+")) {
            if let name = match.output[1].substring, let body = match.output[2].substring { found[String(name)] = String(body) }
        }
        return found
    }

    /// Compares each `<!-- output: NAME -->` block of `file` with `samples[NAME]` or, when rewriting,
    /// writes the samples into the blocks. Returns the names whose block is missing or out of date (none
    /// when rewriting succeeded).
    public static func update(_ file: String, with samples: [String: String]) throws -> [String] {
        var text = try String(contentsOfFile: file, encoding: .utf8)
        var stale: [String] = []
        for (name, sample) in samples.sorted(by: { $0.key < $1.key }) {
            let escaped = NSRegularExpression.escapedPattern(for: name)
            guard let match = text.firstMatch(of: try pattern(kind: "output", name: escaped)),
                  let body = match.output[2].substring else {
                stale.append(name)
                continue
            }
            guard body != sample else { continue }
            if rewriting {
                text.replaceSubrange(body.startIndex..<body.endIndex, with: sample)
            } else {
                stale.append(name)
            }
        }
        if rewriting { try text.write(toFile: file, atomically: true, encoding: .utf8) }
        return stale
    }

    /// The marker line, the opening fence (with any language) and the block up to the closing fence.
    private static func pattern(kind: String, name: String) throws -> Regex<AnyRegexOutput> {
        try Regex("<!-- \(kind): (\(name)) -->\n```[a-z]*\n((?:.*\n)*?)```")
    }
}
