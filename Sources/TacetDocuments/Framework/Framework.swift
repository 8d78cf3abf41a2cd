import TacetDiagnostics
import TacetYAML

/// The competency framework: statements by level, the areas that chain them, the AI-at-Work
/// statements and the durable-skill domains.
public struct Framework: Sendable, Hashable, DocumentBody {
    public static let kind = DocumentKind.framework

    /// The document's metadata.
    public var metadata: Metadata
    /// The occupation, e.g. `{soc: 29-1129.02, title: Music Therapists}`.
    public var occupation: Occupation
    /// Every competency statement, grouped by level in level order.
    public var statements: [Statement]
    /// Areas chaining statements across levels.
    public var areas: [CompetencyArea]
    /// The AI-at-Work statements.
    public var aiAtWork: [AIAtWorkStatement]
    /// The durable-skill domains.
    public var durableSkills: [DurableSkillDomain]
    /// The occupation's O*NET task statements.
    public var onetTasks: [OnetTask]
    /// The sources cited.
    public var citations: [Citation]

    /// The occupation a framework is for.
    public struct Occupation: Sendable, Hashable, NodeDecodable {
        /// The SOC / O*NET code.
        public var soc: String
        /// The occupation's title.
        public var title: String

        public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> Occupation? {
            let pointer = pointer()
            guard var fields = MappingFields(node, at: pointer, what: "the occupation", in: &context) else { return nil }
            let soc: String? = fields.required("soc", in: &context)
            let title: String? = fields.required("title", in: &context)
            fields.finish(&context)
            guard let soc, let title else { return nil }
            return Occupation(soc: soc, title: title)
        }
    }

    /// Creates a framework.
    public init(metadata: Metadata, occupation: Occupation, statements: [Statement], areas: [CompetencyArea] = [],
                aiAtWork: [AIAtWorkStatement] = [], durableSkills: [DurableSkillDomain] = [], onetTasks: [OnetTask] = [],
                citations: [Citation] = []) {
        self.metadata = metadata
        self.occupation = occupation
        self.statements = statements
        self.areas = areas
        self.aiAtWork = aiAtWork
        self.durableSkills = durableSkills
        self.onetTasks = onetTasks
        self.citations = citations
    }

    /// The ids a policy task may classify: AI-at-Work statements and O*NET tasks.
    public var classifiableIDs: [String] { aiAtWork.map(\.id) + onetTasks.map(\.id) }

    /// Whether `id` names any statement of the framework: competency, AI-at-Work, durable-skill or O*NET task.
    public func containsStatement(_ id: String) -> Bool {
        statements.contains { $0.id == id } || aiAtWork.contains { $0.id == id } || onetTasks.contains { $0.id == id }
            || durableSkills.contains { $0.statements.contains { $0.id == id } }
    }

    /// The area with `id`.
    public func area(_ id: String) -> CompetencyArea? { areas.first { $0.id == id } }

    public static func decodeBody(_ fields: inout MappingFields, metadata: Metadata,
                                  in context: inout DecodingContext) -> Framework? {
        let occupation: Occupation? = fields.required("occupation", in: &context)
        let levels: [CompetencyLevel]? = fields.required("levels", in: &context)
        let statements: [Statement]? = fields.required("statements", in: &context)
        let areas: [CompetencyArea] = fields.optional("areas", default: [], in: &context)
        let aiAtWork: [AIAtWorkStatement] = fields.optional("aiAtWork", default: [], in: &context)
        let durableSkills: [DurableSkillDomain] = fields.optional("durableSkills", default: [], in: &context)
        let onetTasks: [OnetTask] = fields.optional("onetTasks", default: [], in: &context)
        let citations: [Citation] = fields.optional("citations", default: [], in: &context)
        if let levels, levels != CompetencyLevel.allCases, let node = fields.raw("levels") {
            context.error(.invalidValue, "levels must be \(CompetencyLevel.allCases.map(\.rawValue).joined(separator: ", ")) in that order",
                          at: node, pointer: fields.pointer("levels"))
        }
        guard let occupation, let statements else { return nil }
        let framework = Framework(metadata: metadata, occupation: occupation, statements: statements, areas: areas,
                                  aiAtWork: aiAtWork, durableSkills: durableSkills, onetTasks: onetTasks,
                                  citations: citations)
        framework.checkReferences(root: fields.node, in: &context)
        return framework
    }

    /// Unique ids; every chained statement exists, in level order, in exactly one area; citations resolve.
    func checkReferences(root: Node, in context: inout DecodingContext) {
        let statementIDs = statements.map(\.id)
        UniqueIDs.check(Array(statements.enumerated()), id: { $0.element.id },
                        pointer: { "/statements/\($0.offset)" }, what: "statement", root: root, in: &context)
        UniqueIDs.check(areas, id: \.id, pointer: \.pointer, what: "area", root: root, in: &context)
        UniqueIDs.check(Array(aiAtWork.enumerated()), id: { $0.element.id },
                        pointer: { "/aiAtWork/\($0.offset)" }, what: "AI-at-Work statement", root: root, in: &context)
        UniqueIDs.check(Array(citations.enumerated()), id: { $0.element.id },
                        pointer: { "/citations/\($0.offset)" }, what: "citation", root: root, in: &context)
        UniqueIDs.check(Array(onetTasks.enumerated()), id: { $0.element.id },
                        pointer: { "/onetTasks/\($0.offset)" }, what: "O*NET task", root: root, in: &context)
        let levelOf = Dictionary(statements.map { ($0.id, $0.level) }, uniquingKeysWith: { first, _ in first })
        var owner: [String: String] = [:]
        for area in areas {
            var previous: CompetencyLevel?
            for (index, id) in area.chain.enumerated() {
                let pointer = JSONPointer.appending(index, to: JSONPointer.appending("chain", to: area.pointer))
                let node = root.node(at: pointer) ?? root
                guard let level = levelOf[id] else {
                    context.unknown(.undefinedReference, what: "statement", value: id, candidates: statementIDs,
                                    at: node, pointer: pointer)
                    continue
                }
                if let first = owner[id] {
                    context.error(.duplicateID, "statement '\(id)' is already in area '\(first)'", at: node, pointer: pointer,
                                  hint: "each statement belongs to exactly one area")
                }
                owner[id] = owner[id] ?? area.id
                if let previous, level < previous {
                    context.error(.invalidValue, "area '\(area.id)' goes down from \(previous.rawValue) to \(level.rawValue) at '\(id)'",
                                  at: node, pointer: pointer, hint: "list an area's statements from emerging to advanced")
                }
                previous = level
            }
        }
        if !areas.isEmpty {
            for (index, statement) in statements.enumerated() where owner[statement.id] == nil {
                let pointer = "/statements/\(index)"
                context.error(.invalidValue, "statement '\(statement.id)' is in no area", at: root.node(at: pointer) ?? root,
                              pointer: pointer, hint: "add it to the chain of the area it grows")
            }
        }
        checkCitations(root: root, in: &context)
    }

    private func checkCitations(root: Node, in context: inout DecodingContext) {
        let known = citations.map(\.id)
        var cited: [(String, String)] = []
        for area in areas {
            for (index, id) in area.cite.enumerated() { cited.append((id, "\(area.pointer)/cite/\(index)")) }
        }
        for (a, statement) in aiAtWork.enumerated() {
            for (index, id) in statement.cite.enumerated() { cited.append((id, "/aiAtWork/\(a)/cite/\(index)")) }
        }
        for (d, domain) in durableSkills.enumerated() {
            for (index, id) in domain.cite.enumerated() { cited.append((id, "/durableSkills/\(d)/cite/\(index)")) }
        }
        for (t, task) in onetTasks.enumerated() {
            for (index, id) in task.cite.enumerated() { cited.append((id, "/onetTasks/\(t)/cite/\(index)")) }
        }
        for (id, pointer) in cited where !known.contains(id) {
            context.unknown(.undefinedReference, what: "citation", value: id, candidates: known,
                            at: root.node(at: pointer) ?? root, pointer: pointer)
        }
    }
}
