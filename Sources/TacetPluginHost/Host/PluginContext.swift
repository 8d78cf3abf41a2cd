import TacetDocuments
import TacetEngine
import TacetYAML

/// The parts of a check request shared by every call of a run (policies, framework, roster), turned
/// into JSON once, and the documents' own parts, each encoded once (``encode(_:)``) and shared by every
/// call and plugin that sends it.
public struct PluginContext: Sendable {
    private let choice: PolicyChoice
    private let policyJSON: [String: [UInt8]]
    private let framework: [UInt8]
    private let roster: [UInt8]

    /// Prepares the context of `documents`; `policies` are those already resolved from them, if any.
    public init(_ documents: [LoadedDocument], policies: [String: ResolvedPolicy]? = nil) {
        let resolved = policies ?? PolicyResolver.resolve(documents).policies
        choice = PolicyChoice(resolved)
        policyJSON = resolved.mapValues { Array(Self.json($0).utf8) }
        let frameworkDocument = documents.first { $0.kind == .framework }
        framework = Array((frameworkDocument.map { Self.json($0.root) } ?? "null").utf8)
        roster = Array(("[" + documents.filter { $0.kind == .therapist }.map { Self.json($0.root) }.joined(separator: ",") + "]").utf8)
    }

    /// `document`'s part of a request, encoded once: every call that sends it shares these bytes.
    public func encode(_ document: LoadedDocument) throws(YAMLError) -> EncodedDocument {
        let content = try document.root.jsonText(pretty: false)
        let head = "{\"file\":\(Node.jsonString(document.file)),\"kind\":\(Node.jsonString(document.kind.rawValue)),"
            + "\"name\":\(Node.jsonString(document.name)),\"content\":"
        let policy = choice.policy(for: document).map(\.name).flatMap { policyJSON[$0] == nil ? nil : $0 }
        return EncodedDocument(document: document, head: Array(head.utf8), content: Array(content.utf8), policy: policy)
    }

    /// The request bytes for checking `document` under protocol `version` (1), as one array.
    public func request(for document: LoadedDocument, version: Int) throws(YAMLError) -> [UInt8] {
        Array(request(for: try encode(document), version: version).joined())
    }

    /// The parts of a protocol 1 request for `document`: one document, its policy, framework and roster.
    public func request(for document: EncodedDocument, version: Int) -> [[UInt8]] {
        let policy = document.policy.flatMap { policyJSON[$0] } ?? Array("null".utf8)
        return [Array("{\"protocolVersion\":\(version),\"document\":".utf8), document.head, document.content,
                Array("},\"policy\":".utf8), policy, Array(",\"framework\":".utf8), framework,
                Array(",\"roster\":".utf8), roster, Array("}".utf8)]
    }

    /// The request bytes of a protocol 2 check of `documents`, as one array (``BatchCheckRequest``).
    public func batchRequest(for documents: [LoadedDocument]) throws(YAMLError) -> [UInt8] {
        var encoded: [EncodedDocument] = []
        for document in documents { encoded.append(try encode(document)) }
        return Array(batchRequest(for: encoded).joined())
    }

    /// The parts of a protocol 2 request (``BatchCheckRequest``): the policies the batch names, the
    /// framework and the roster once, then each document with the name of its policy. The documents' parts
    /// are the shared encodings themselves, so a batch costs its small separators, not a copy.
    public func batchRequest(for documents: [EncodedDocument]) -> [[UInt8]] {
        let names = Set(documents.compactMap(\.policy)).sorted()
        var parts: [[UInt8]] = [Array("{\"protocolVersion\":2,\"policies\":{".utf8)]
        for (index, name) in names.enumerated() {
            // invariant: `encode` names only policies that policyJSON holds
            parts.append(Array(((index == 0 ? "" : ",") + Node.jsonString(name) + ":").utf8))
            parts.append(policyJSON[name] ?? Array("null".utf8))
        }
        parts += [Array("},\"framework\":".utf8), framework, Array(",\"roster\":".utf8), roster, Array(",\"documents\":[".utf8)]
        for (index, document) in documents.enumerated() {
            if index > 0 { parts.append(Array(",".utf8)) }
            parts += [document.head, document.content,
                      Array((",\"policy\":" + (document.policy.map(Node.jsonString) ?? "null") + "}").utf8)]
        }
        parts.append(Array("]}".utf8))
        return parts
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
