import TacetYAML

/// A task as one policy document states it: in a base policy the whole task; in a layer (a policy
/// that `extends` another) only the fields the layer changes, everything else inherited.
///
/// A stated field replaces the inherited one (the resolver refuses it if that loosens the base);
/// `cite` adds to the inherited citations instead, since a layer cannot take away the sources its
/// base's settings rest on. `review: null` states that there is no review, which over a base that
/// requires one is a loosening, not an omission.
public struct TaskStatement: Sendable, Hashable, NodeDecodable {
    /// The id workflow steps name in `task:`.
    public var id: String
    /// What the task is, when stated.
    public var title: String?
    /// The competency area, when stated.
    public var area: String?
    /// The highest AI-use level allowed, when stated.
    public var maxAI: AIUseLevel?
    /// Why it is classified so, when stated.
    public var rationale: String?
    /// The task's name for clients, when stated.
    public var clientTitle: String?
    /// What AI does in the task, for clients, when stated.
    public var clientDescription: String?
    /// Whether the task involves clinical judgement, when stated.
    public var clinical: Bool?
    /// The review requirement's stated parts.
    public var review: ReviewStatement?
    /// Whether the document writes `review: null`: no review at all.
    public var removesReview: Bool
    /// Whether the client's consent must be recorded, when stated.
    public var consent: Bool?
    /// Whether AI involvement must be disclosed, when stated.
    public var disclosure: Bool?
    /// The data classes the task may send to AI, when stated.
    public var data: [DataClass]?
    /// Catalog course ids the performer must hold, when stated.
    public var training: [String]?
    /// Framework items the task classifies, when stated.
    public var classifies: [String]?
    /// Citation ids the document adds.
    public var cite: [String]?
    /// Where the task is in its document.
    public var pointer: String

    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> TaskStatement? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "a task", in: &context) else { return nil }
        let id = fields.id(in: &context)
        var task = TaskStatement(id: id ?? "", removesReview: false, pointer: pointer)
        task.title = fields.optional("title", in: &context)
        task.area = fields.optional("area", in: &context)
        task.maxAI = fields.optional("maxAI", in: &context)
        task.rationale = fields.optional("rationale", in: &context)
        task.clientTitle = fields.optional("clientTitle", in: &context)
        task.clientDescription = fields.optional("clientDescription", in: &context)
        if let requires = fields.raw("requires"), requires.scalar?.kind != .null,
           var inner = MappingFields(requires, at: fields.pointer("requires"), what: "task requirements", in: &context) {
            let review = inner.raw("review")
            task.removesReview = review?.scalar?.kind == .null
            if let review, !task.removesReview {
                task.review = ReviewStatement.decode(review, at: inner.pointer("review"), in: &context)
            }
            task.consent = inner.optional("consent", in: &context)
            task.disclosure = inner.optional("disclosure", in: &context)
            task.data = inner.optionalSet("data", in: &context)
            task.training = inner.optionalSet("training", in: &context)
            inner.finish(&context)
        }
        task.clinical = fields.optional("clinical", in: &context)
        task.classifies = fields.optionalSet("classifies", in: &context)
        task.cite = fields.optionalSet("cite", in: &context)
        fields.finish(&context)
        return id == nil ? nil : task
    }

    /// The fields this statement writes, in the order `explain` lists them.
    public var fields: [TaskField] {
        let stated: [(TaskField, Bool)] = [
            (.title, title != nil), (.area, area != nil), (.maxAI, maxAI != nil), (.clinical, clinical != nil),
            (.consent, consent != nil), (.disclosure, disclosure != nil), (.data, data != nil), (.training, training != nil),
            (.rationale, rationale != nil), (.clientTitle, clientTitle != nil), (.clientDescription, clientDescription != nil),
            (.classifies, classifies != nil), (.cite, cite != nil),
        ]
        let review = removesReview ? TaskField.review : (self.review?.fields ?? [])
        return Array(stated.prefix(4).compactMap { $1 ? $0 : nil } + review + stated.dropFirst(4).compactMap { $1 ? $0 : nil })
    }

    /// The required keys neither this statement nor `base` gives, each with what misses it and where:
    /// for a base policy's task (`base` nil) every one of title, area and maxAI it lacks.
    public func missingKeys(over base: PolicyTask?) -> [(what: String, key: String, pointer: String)] {
        var missing: [(what: String, key: String, pointer: String)] = []
        if title == nil && base == nil { missing.append(("a task", "title", pointer)) }
        if area == nil && base == nil { missing.append(("a task", "area", pointer)) }
        if maxAI == nil && base == nil { missing.append(("a task", "maxAI", pointer)) }
        if let review {
            missing += review.missingKeys(over: base?.requires.review).map { ("a review requirement", $0, review.pointer) }
        }
        return missing
    }

    /// The task in force once this statement is laid over `base` (nil for a task the document adds):
    /// stated fields replace the base's, citations add to them; nil when a required key is missing.
    public func task(over base: PolicyTask?) -> PolicyTask? {
        guard let title = title ?? base?.title, let area = area ?? base?.area, let maxAI = maxAI ?? base?.maxAI else { return nil }
        let baseRequires = base?.requires ?? .none
        var reviewInForce = baseRequires.review
        if removesReview {
            reviewInForce = nil
        } else if let review {
            guard let merged = review.review(over: baseRequires.review) else { return nil }
            reviewInForce = merged
        }
        let requires = TaskRequirements(review: reviewInForce, consent: consent ?? baseRequires.consent,
                                        disclosure: disclosure ?? baseRequires.disclosure, data: data ?? baseRequires.data,
                                        training: training ?? baseRequires.training)
        let inherited = base?.cite ?? []
        return PolicyTask(id: id, title: title, area: area, maxAI: maxAI, rationale: rationale ?? base?.rationale,
                          clientTitle: clientTitle ?? base?.clientTitle, clientDescription: clientDescription ?? base?.clientDescription,
                          requires: requires,
                          clinical: clinical ?? base?.clinical ?? true, classifies: classifies ?? base?.classifies ?? [],
                          cite: inherited + (cite ?? []).filter { !inherited.contains($0) }, pointer: pointer)
    }
}
