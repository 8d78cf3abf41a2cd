import TacetYAML

/// What a certifying body's audit asks of a therapist: how long after the cycle they keep proof of the
/// credits they claim (certificates, attendance records), and whether audits are random.
public struct AuditRule: Sendable, Hashable, NodeDecodable {
    /// Whether the body audits a random sample of renewals.
    public var random: Bool
    /// Months after the cycle's last day for which proof of every credit is kept.
    public var keepRecordsMonths: Int
    /// Citation ids for the rule.
    public var cite: [String]

    /// The last day proof must be kept for a cycle ending on `cycleEnd`.
    public func keepRecordsUntil(cycleEnd: CalendarDate) -> CalendarDate {
        cycleEnd.adding(months: keepRecordsMonths)
    }

    /// What the rule asks of a therapist whose cycle ends on `cycleEnd`, in one sentence; `assumed` when the
    /// rule's period is an assumption of the Requirements, which the sentence then says.
    public func keepProof(cycleEnd: CalendarDate, assumed: Bool) -> String {
        "Keep proof of every credit (certificates, attendance records) until \(keepRecordsUntil(cycleEnd: cycleEnd))"
            + (random ? ": renewals are audited at random" : "")
            + (assumed ? " (how long is an assumption in the Requirements: confirm it with the certifying body)." : ".")
    }

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> AuditRule? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "an audit rule", in: &context) else { return nil }
        let random = fields.optional("random", default: true, in: &context)
        let keepRecordsMonths: Int? = fields.required("keepRecordsMonths", in: &context)
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        fields.finish(&context)
        guard let keepRecordsMonths else { return nil }
        if keepRecordsMonths < 0 {
            context.error(.invalidValue, "keepRecordsMonths cannot be negative", at: node["keepRecordsMonths"] ?? node,
                          pointer: JSONPointer.appending("keepRecordsMonths", to: pointer))
        }
        return AuditRule(random: random, keepRecordsMonths: keepRecordsMonths, cite: cite)
    }
}
