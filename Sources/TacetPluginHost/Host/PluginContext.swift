import TacetDocuments
import TacetEngine
import TacetYAML

/// The parts of a check request shared by every call of a run (policy, framework, roster), turned
/// into JSON once so that each call only adds its document.
public struct PluginContext: Sendable {
    private let choice: PolicyChoice
    private let policyJSON: [String: String]
    private let framework: String
    private let roster: String

    /// Prepares the context of `documents`; `policies` are those already resolved from them, if any.
    public init(_ documents: [LoadedDocument], policies: [String: ResolvedPolicy]? = nil) {
        let resolved = policies ?? PolicyResolver.resolve(documents).policies
        choice = PolicyChoice(resolved)
        policyJSON = resolved.mapValues(Self.json)
        let frameworkDocument = documents.first { $0.kind == .framework }
        framework = frameworkDocument.map { Self.json($0.root) } ?? "null"
        roster = "[" + documents.filter { $0.kind == .therapist }.map { Self.json($0.root) }.joined(separator: ",") + "]"
    }

    /// The request bytes for checking `document` under protocol `version`.
    public func request(for document: LoadedDocument, version: Int) throws(YAMLError) -> [UInt8] {
        let content = try document.root.jsonText(pretty: false)
        let policy = choice.policy(for: document).flatMap { policyJSON[$0.name] } ?? "null"
        var text = "{\"protocolVersion\":\(version),\"document\":{\"file\":\(Node.jsonString(document.file)),"
        text += "\"kind\":\(Node.jsonString(document.kind.rawValue)),\"name\":\(Node.jsonString(document.name)),"
        text += "\"content\":\(content)},\"policy\":\(policy),\"framework\":\(framework),\"roster\":\(roster)}"
        return Array(text.utf8)
    }

    /// The request of a `describe` call: the versions the host speaks.
    public static func describeRequest(versions: [Int]) -> [UInt8] {
        Array("{\"protocols\":[\(versions.map(String.init).joined(separator: ","))]}".utf8)
    }

    /// The resolved policy: its layers, and the tasks, tools and rules in force as their layers wrote them.
    private static func json(_ policy: ResolvedPolicy) -> String {
        func nodes(_ items: [(LoadedDocument, String)]) -> String {
            "[" + items.compactMap { document, pointer in document.root.node(at: pointer).map(json) }.joined(separator: ",") + "]"
        }
        let layers = policy.layers.map { "{\"name\":\(Node.jsonString($0.name)),\"file\":\(Node.jsonString($0.file))}" }
        let citations = policy.layers.flatMap { layer -> [String] in
            guard case .sequence(let items) = layer.root["citations"]?.content else { return [] }
            return items.map(json)
        }
        var text = "{\"name\":\(Node.jsonString(policy.name)),\"layers\":[\(layers.joined(separator: ","))],"
        text += "\"tasks\":[\(policy.orderedTasks.map { json($0.value) }.joined(separator: ","))],"
        text += "\"tools\":\(nodes(policy.tools.keys.sorted().compactMap { policy.tools[$0] }.map { ($0.document, $0.value.pointer) })),"
        text += "\"rules\":\(nodes(policy.rules.map { ($0.document, $0.rule.pointer) })),"
        text += "\"citations\":[\(citations.joined(separator: ","))]}"
        return text
    }

    /// A task as in force: a layer states only what it changes, so its node alone may lack the rest.
    private static func json(_ task: PolicyTask) -> String {
        func strings(_ values: [String]) -> String { "[" + values.map(Node.jsonString).joined(separator: ",") + "]" }
        let requires = task.requires
        var fields = ["\"id\":\(Node.jsonString(task.id))", "\"title\":\(Node.jsonString(task.title))",
                      "\"area\":\(Node.jsonString(task.area))", "\"maxAI\":\(Node.jsonString(task.maxAI.rawValue))"]
        if let rationale = task.rationale { fields.append("\"rationale\":\(Node.jsonString(rationale))") }
        var needs = ["\"consent\":\(requires.consent)", "\"disclosure\":\(requires.disclosure)", "\"training\":\(strings(requires.training))"]
        if let review = requires.review {
            var parts = ["\"role\":\(Node.jsonString(review.role))", "\"minLevel\":\(Node.jsonString(review.minLevel.rawValue))"]
            if let area = review.area { parts.append("\"area\":\(Node.jsonString(area))") }
            needs.insert("\"review\":{\(parts.joined(separator: ","))}", at: 0)
        }
        if let data = requires.data { needs.append("\"data\":\(strings(data.map(\.rawValue)))") }
        fields += ["\"requires\":{\(needs.joined(separator: ","))}", "\"clinical\":\(task.clinical)",
                   "\"classifies\":\(strings(task.classifies))", "\"cite\":\(strings(task.cite))"]
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A node as compact JSON; a value JSON cannot hold (`.inf`) becomes null, as a rule would refuse it anyway.
    private static func json(_ node: Node) -> String {
        (try? node.jsonText(pretty: false)) ?? "null"
    }
}
