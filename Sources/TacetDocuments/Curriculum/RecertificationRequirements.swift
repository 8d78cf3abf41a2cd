import TacetYAML

/// Recertification rules as data (kind `Requirements`), e.g. CBMT's 100 credits per 5-year cycle.
public struct RecertificationRequirements: Sendable, Hashable, DocumentBody {
    public static let kind = DocumentKind.requirements

    /// The document's metadata.
    public var metadata: Metadata
    /// The certifying body.
    public var body: String
    /// The credential the rules renew, e.g. `MT-BC`.
    public var credential: String
    /// The cycle's length in years.
    public var cycleYears: Int
    /// Credits needed per cycle.
    public var totalCredits: Double
    /// Contact minutes per credit.
    public var minutesPerCredit: Int
    /// Whether surplus credits carry into the next cycle.
    public var carryOver: Bool
    /// Whether taking a course again (renewing training that lapses) earns its credits again; false,
    /// the safe reading, unless the certifying body says otherwise.
    public var repeatsEarnCredits: Bool
    /// The credit categories recognised.
    public var categories: [String]
    /// Minimum credits per category, or per topic within one (e.g. 3 in ethics within Continuing Music
    /// Therapy Education).
    public var minimums: [CategoryCredits]
    /// Maximum credits per category, where a cap applies.
    public var caps: [CategoryCredits]
    /// Professional activities the body credits (service, presenting, supervising an intern): routes to
    /// credits the planner may use for a therapist whose profile makes them available.
    public var activities: [CreditActivity] = []
    /// How long proof of credits is kept for an audit, when the body audits.
    public var audit: AuditRule?
    /// The sources cited.
    public var citations: [Citation]
    /// Citation ids for the rules as a whole.
    public var cite: [String]

    /// Whether any of `cite` names a citation marked `assumption: true`: a figure the sources do not confirm,
    /// which outputs say is to be confirmed.
    public func isAssumption(_ cite: [String]) -> Bool {
        cite.contains { id in citations.contains { $0.id == id && $0.assumption } }
    }

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> RecertificationRequirements? {
        let body: String? = fields.required("body", in: &context)
        let credential: String? = fields.required("credential", in: &context)
        let cycleYears: Int? = fields.required("cycleYears", in: &context)
        let totalCredits: Double? = fields.required("totalCredits", in: &context)
        let minutesPerCredit: Int? = fields.required("minutesPerCredit", in: &context)
        let carryOver = fields.optional("carryOver", default: false, in: &context)
        let repeatsEarnCredits = fields.optional("repeatsEarnCredits", default: false, in: &context)
        let categories: [String]? = fields.requiredSet("categories", in: &context)
        let minimums: [CategoryCredits] = fields.optional("minimums", default: [], in: &context)
        let caps: [CategoryCredits] = fields.optional("caps", default: [], in: &context)
        let activities: [CreditActivity] = fields.optional("activities", default: [], in: &context)
        let audit: AuditRule? = fields.optional("audit", in: &context)
        let citations: [Citation] = fields.optional("citations", default: [], in: &context)
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        guard let body, let credential, let cycleYears, let totalCredits, let minutesPerCredit, let categories else {
            return nil
        }
        let root = fields.node
        for (list, key) in [(minimums, "minimums"), (caps, "caps")] {
            for (index, amount) in list.enumerated() where !categories.contains(amount.category) {
                let pointer = "/\(key)/\(index)/category"
                context.unknown(.undefinedReference, what: "credit category", value: amount.category,
                                candidates: categories, at: root.node(at: pointer) ?? root, pointer: pointer)
            }
        }
        for (index, cap) in caps.enumerated() where cap.topic != nil {
            let pointer = "/caps/\(index)/topic"
            context.error(.invalidValue, "a cap applies to a whole category: leave out 'topic'", at: root.node(at: pointer) ?? root,
                          pointer: pointer)
        }
        var activityIds = Set<String>()
        for (index, activity) in activities.enumerated() {
            if !categories.contains(activity.category) {
                let pointer = "/activities/\(index)/category"
                context.unknown(.undefinedReference, what: "credit category", value: activity.category, candidates: categories,
                                at: root.node(at: pointer) ?? root, pointer: pointer)
            }
            if !activityIds.insert(activity.id).inserted {
                let pointer = "/activities/\(index)/id"
                context.error(.duplicateID, "activity '\(activity.id)' is listed twice", at: root.node(at: pointer) ?? root,
                              pointer: pointer)
            }
        }
        let citing = [(cite, "/cite")] + activities.enumerated().map { ($0.element.cite, "/activities/\($0.offset)/cite") }
            + [(audit?.cite ?? [], "/audit/cite")]
        for (ids, base) in citing {
            for (index, id) in ids.enumerated() where !citations.map(\.id).contains(id) {
                let pointer = "\(base)/\(index)"
                context.unknown(.undefinedReference, what: "citation", value: id, candidates: citations.map(\.id),
                                at: root.node(at: pointer) ?? root, pointer: pointer)
            }
        }
        return RecertificationRequirements(metadata: metadata, body: body, credential: credential, cycleYears: cycleYears,
                                           totalCredits: totalCredits, minutesPerCredit: minutesPerCredit,
                                           carryOver: carryOver, repeatsEarnCredits: repeatsEarnCredits, categories: categories, minimums: minimums, caps: caps,
                                           activities: activities, audit: audit, citations: citations, cite: cite)
    }
}
