import TacetDiagnostics

/// The findings a policy change adds and removes: the findings in force of a check on the head's side
/// that the base's check did not report, and the reverse, with the exceptions the change leaves unused.
///
/// A finding is the same on both sides when its code, file, line, column and message are. One left
/// unmatched then matches a finding of the other side with the same code, file and message at another
/// place, in file order: the same finding moved to other lines (a policy file's finding, when lines
/// were added above it), which is neither added nor removed.
public struct FindingDelta: Sendable {
    /// Findings in force on the head's side only, sorted.
    public var added: [Diagnostic]
    /// Findings in force on the base's side only, sorted.
    public var removed: [Diagnostic]
    /// Exceptions that suppressed a finding on the base's side and suppress none on the head's: the
    /// change made them unused, so they can go.
    public var unusedExceptions: [String]

    /// Creates a delta.
    public init(added: [Diagnostic], removed: [Diagnostic], unusedExceptions: [String]) {
        self.added = added
        self.removed = removed
        self.unusedExceptions = unusedExceptions
    }

    /// Compares the findings in force of two checks. `file` maps a finding's file to the name it has on
    /// both sides (a policy file read from two folders or two revisions is one file); files of the
    /// team's own documents, the same on both sides, map to themselves.
    public static func compare(base: CheckReport, head: CheckReport, file: (String) -> String = { $0 }) -> FindingDelta {
        let exact: (Diagnostic) -> [String] = { finding in
            [finding.code, finding.location.map { file($0.file) } ?? "", "\(finding.location?.line ?? 0)",
             "\(finding.location?.column ?? 0)", finding.message]
        }
        let moved: (Diagnostic) -> [String] = { finding in
            [finding.code, finding.location.map { file($0.file) } ?? "", finding.message]
        }
        var (baseLeft, headLeft) = unmatched(base.findings, head.findings, key: exact)
        (baseLeft, headLeft) = unmatched(baseLeft, headLeft, key: moved)
        let before = Set(base.suppressed.map(\.exception))
        let after = Set(head.suppressed.map(\.exception))
        return FindingDelta(added: headLeft.sorted(), removed: baseLeft.sorted(), unusedExceptions: before.subtracting(after).sorted())
    }

    /// The findings of each side that no finding of the other side with the same key matched, each
    /// finding matching at most one, in order.
    private static func unmatched(_ base: [Diagnostic], _ head: [Diagnostic], key: (Diagnostic) -> [String])
        -> (base: [Diagnostic], head: [Diagnostic]) {
        var waiting: [[String]: Int] = [:]
        for finding in base { waiting[key(finding), default: 0] += 1 }
        var headLeft: [Diagnostic] = []
        var matched: [[String]: Int] = [:]
        for finding in head {
            let id = key(finding)
            if let count = waiting[id], count > 0 {
                waiting[id] = count - 1
                matched[id, default: 0] += 1
            } else {
                headLeft.append(finding)
            }
        }
        let baseLeft = base.filter { finding in
            let id = key(finding)
            guard let count = matched[id], count > 0 else { return true }
            matched[id] = count - 1
            return false
        }
        return (baseLeft, headLeft)
    }
}
