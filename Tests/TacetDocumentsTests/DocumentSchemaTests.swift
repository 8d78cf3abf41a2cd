import Foundation
import TacetDocuments
import TacetPluginProtocol
import TacetSchemas
import TacetTestSupport
import TacetYAML
import Testing

/// Keeps docs/schemas/*.schema.json and the decoders in step: every shipped document validates against
/// its kind's schema; every mapping the decoder reads has a schema object with exactly the keys the
/// decoder asks for, and no others allowed; a key is required by the schema exactly when the decoder
/// refuses to do without it; and a list is unique in the schema exactly when the decoder refuses a repeat.
@Suite struct DocumentSchemaTests {
    static let files: [DocumentKind: String] = [
        .framework: "framework", .policy: "policy", .workflow: "workflow", .therapist: "therapist", .catalog: "catalog",
        .requirements: "requirements", .learningPlan: "learning-plan", .policyTest: "policy-test", .plugin: "plugin-manifest",
        .exception: "exception", .project: "project",
    ]

    static func schema(_ kind: DocumentKind) throws -> (JSONValue, SchemaValidator) {
        let name = try #require(files[kind], "no schema file named for \(kind)")
        let text = try String(contentsOfFile: Repository.path("docs/schemas/\(name).schema.json"), encoding: .utf8)
        return (try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)), try SchemaValidator(schema: text))
    }

    /// Every YAML file the repository ships: policies and their tests' inputs, curricula, examples, plugin manifests,
    /// and the source tree's own project file.
    static func shippedDocuments() -> [String] {
        [Repository.path("tacet.yaml")] + ["Policies", "Curricula", "Examples", "Plugins"].flatMap { folder -> [String] in
            let base = Repository.path(folder)
            let names = FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []
            return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.contains(".build/") }.sorted().map { base + "/" + $0 }
        }
    }

    @Test func everyKindHasASchemaTheValidatorFullyUnderstands() throws {
        for kind in DocumentKind.allCases {
            let (_, validator) = try Self.schema(kind)
            #expect(validator.unsupportedKeywords().isEmpty, "\(kind): \(validator.unsupportedKeywords())")
        }
    }

    @Test func shippedDocumentsValidateAndEveryMappingMatchesItsSchema() throws {
        let paths = Self.shippedDocuments()
        #expect(paths.count > 20)
        var kindsSeen: Set<DocumentKind> = []
        var visited: [DocumentKind: Set<String>] = [:]
        for path in paths {
            let root = try YAMLParser().parse(Array(try #require(FileManager.default.contents(atPath: path))))
            let (document, trace) = DocumentDecoder.trace(root, file: path)
            guard let document else { continue }  // policy-test inputs that are invalid on purpose
            kindsSeen.insert(document.kind)
            let (schema, validator) = try Self.schema(document.kind)
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(try root.jsonText().utf8))
            #expect(validator.validate(json) == [], "\(path) does not validate against its schema")
            for mapping in trace {
                let candidates = SchemaWalk(root: schema).objects(at: mapping.pointer)
                let match = candidates.first { candidate in
                    Set(candidate.schema["properties"]?.objectValue?.keys ?? [:].keys) == Set(mapping.known)
                }
                guard let match else {
                    Issue.record("\(path)\(mapping.pointer) (\(mapping.what)): the decoder reads \(mapping.known.sorted()), the schema allows \(candidates.map { ($0.schema["properties"]?.objectValue ?? [:]).keys.sorted() })")
                    continue
                }
                #expect(match.schema["additionalProperties"] == .bool(false), "\(path)\(mapping.pointer): the decoder refuses unknown keys")
                visited[document.kind, default: []].insert(match.location)
            }
        }
        #expect(kindsSeen == Set(DocumentKind.allCases), "a shipped document of every kind: missing \(Set(DocumentKind.allCases).subtracting(kindsSeen))")
        // Every object the schemas describe was matched by some mapping a decoder read: no schema for a field the decoders dropped.
        for kind in DocumentKind.allCases {
            let (schema, _) = try Self.schema(kind)
            let described = SchemaWalk(root: schema).allObjectLocations()
            let unvisited = described.subtracting(visited[kind] ?? [])
            #expect(unvisited.isEmpty, "\(kind): schema objects no shipped document exercises: \(unvisited.sorted())")
        }
    }

    /// Each key of each kind of mapping in the shipped documents is removed in turn: the decoder must
    /// report `document.missing-key` exactly when the schema refuses the result. Asking the decoders
    /// which keys they read with `required(...)` missed Exception's `scope`, which its decoder checks
    /// by hand (and the schema did not require); this asks what they do, however they are written,
    /// so keys required only together with another (a condition's `value`) are covered too. Likewise
    /// the first value of each list of scalars is repeated: `document.duplicate-value` exactly when the
    /// schema says `uniqueItems`.
    @Test func requiredKeysAndUniqueListsAreTheSameInSchemaAndDecoder() throws {
        var tried: Set<String> = []
        var kindsTried: Set<DocumentKind> = []
        for path in Self.shippedDocuments() {
            let root = try YAMLParser().parse(Array(try #require(FileManager.default.contents(atPath: path))))
            guard let kind = DocumentDecoder.decode(root, file: path).document?.kind else { continue }
            kindsTried.insert(kind)
            let (_, validator) = try Self.schema(kind)
            func outcome(_ changed: Node, _ code: DocumentErrorCode) throws -> (decoder: Bool, schema: Bool) {
                let json = try JSONDecoder().decode(JSONValue.self, from: Data(try changed.jsonText().utf8))
                return (DocumentDecoder.decode(changed, file: path).diagnostics.contains { $0.code == code.rawValue },
                        !validator.validate(json).isEmpty)
            }
            for (tokens, node) in root.descendants() {
                // One of each kind of mapping and list is enough, and the framework alone has hundreds.
                let shape = "\(kind) " + tokens.map { Int($0) == nil ? $0 : "*" }.joined(separator: "/")
                let pointer = tokens.reduce("") { JSONPointer.appending($1, to: $0) }
                if let entries = node.mapping {
                    let keys = entries.compactMap { $0.key.scalar?.value }
                    guard tried.insert(shape + " \(keys.sorted())").inserted else { continue }
                    for key in keys {
                        let (decoder, schema) = try outcome(root.changing(tokens[...]) { $0.content = .mapping(entries.filter { $0.key.scalar?.value != key }) },
                                                            .missingKey)
                        #expect(decoder == schema, "\(path)\(pointer): without '\(key)', the decoder \(decoder ? "refuses" : "accepts") it and the schema \(schema ? "refuses" : "accepts") it")
                    }
                } else if let items = node.sequence, let first = items.first, first.scalar != nil {
                    guard tried.insert(shape).inserted else { continue }
                    let (decoder, schema) = try outcome(root.changing(tokens[...]) { $0.content = .sequence(items + [first]) },
                                                        .duplicateValue)
                    #expect(decoder == schema, "\(path)\(pointer): with '\(first.scalar?.value ?? "")' repeated, the decoder \(decoder ? "refuses" : "accepts") it and the schema \(schema ? "refuses" : "accepts") it")
                }
            }
        }
        #expect(kindsTried == Set(DocumentKind.allCases))
    }

    /// A layer's task states only what it changes; a base policy's task is whole. The schema says so
    /// with an `anyOf` (a layer, or every task whole), and agrees with the decoder both ways.
    @Test func aLayerMayStateATaskInPartAndABasePolicyMayNot() throws {
        let (_, validator) = try Self.schema(.policy)
        let layer = #"{"apiVersion": "tacet/v1", "kind": "Policy", "metadata": {"name": "team"}, "extends": ["base"], "tasks": [{"id": "notes", "maxAI": "ai-assisted", "requires": {"review": {"minLevel": "proficient"}}}]}"#
        let base = layer.replacingOccurrences(of: #""extends": ["base"], "#, with: "")
        let emptyExtends = layer.replacingOccurrences(of: #""extends": ["base"]"#, with: #""extends": []"#)
        for (text, valid) in [(layer, true), (base, false), (emptyExtends, false)] {
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            #expect(validator.validate(json).isEmpty == valid, "\(text)")
            let decoded = DocumentDecoder.decode(try YAMLParser().parse(text), file: "x.yaml")
            #expect((decoded.document != nil) == valid, "\(decoded.diagnostics.map(\.message))")
            if !valid {
                #expect(decoded.diagnostics.map(\.message) == ["a task is missing required key 'title'", "a task is missing required key 'area'",
                                                               "a review requirement is missing required key 'role'"])
            }
        }
    }

    @Test func theSchemasRejectWhatTheDecodersReject() throws {
        let cases: [(DocumentKind, String)] = [
            (.workflow, #"{"apiVersion": "tacet/v1", "kind": "Workflow", "metadata": {"name": "w"}, "steps": [{"id": "a", "task": "t", "ai": "ai-assisted", "performer": "p", "revewer": "r"}]}"#),
            (.workflow, #"{"apiVersion": "tacet/v1", "kind": "Workflow", "metadata": {"name": "w"}, "steps": [{"id": "a", "task": "t", "ai": "robot", "performer": "p"}]}"#),
            (.workflow, #"{"apiVersion": "tacet/v2", "kind": "Workflow", "metadata": {"name": "w"}, "steps": []}"#),
            (.workflow, #"{"apiVersion": "tacet/v1", "kind": "Workflow", "metadata": {"name": "Not An Id"}, "steps": []}"#),
            (.workflow, #"{"apiVersion": "tacet/v1", "kind": "Workflow", "metadata": {"name": "w"}, "steps": [{"id": "a", "task": "t", "ai": "ai-assisted", "performer": "p", "data": ["phi", "phi"]}]}"#),
            (.exception, #"{"apiVersion": "tacet/v1", "kind": "Exception", "metadata": {"name": "e"}, "rule": "r", "justification": "j", "owner": "o", "expires": "2027-01-31"}"#),
            (.plugin, #"{"apiVersion": "tacet/v1", "kind": "Plugin", "metadata": {"name": "p"}, "command": ["./p"], "protocols": [1], "kinds": ["Workflow"]}"#),
            (.plugin, #"{"apiVersion": "tacet/v1", "kind": "Plugin", "metadata": {"name": "p", "version": "1.0"}, "command": ["./p"], "protocols": [1], "kinds": ["Workflow"]}"#),
            (.therapist, #"{"apiVersion": "tacet/v1", "kind": "Therapist", "metadata": {"name": "t"}, "name": "T", "role": "r", "credential": {"name": "MT-BC", "cycleStart": "2024-01-01", "cycleEnd": "2028-12-31"}, "levels": {}, "completed": [{"date": "2025-01-01", "credits": 1, "category": "ethics"}]}"#),
            (.policy, #"{"apiVersion": "tacet/v1", "kind": "Policy", "metadata": {"name": "p"}, "rules": [{"id": "r", "severity": "error", "message": "m", "when": {"fact": "step.id", "operator": "equals"}}]}"#),
        ]
        for (kind, text) in cases {
            let (_, validator) = try Self.schema(kind)
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            #expect(!validator.validate(json).isEmpty, "\(text)")
            let root = try YAMLParser().parse(text)
            #expect(DocumentDecoder.decode(root, file: "x.yaml").document == nil, "the decoder refuses it too: \(text)")
        }
    }
}

/// Finds the object schemas a JSON Pointer of a document can be described by, following `$ref`,
/// `properties`, `items`, `additionalProperties` and every branch of `oneOf`/`anyOf`.
struct SchemaWalk {
    let root: JSONValue

    /// An object schema and where it is in the schema file (its JSON Pointer there).
    struct Object {
        var schema: JSONValue
        var location: String
    }

    func objects(at pointer: String) -> [Object] {
        var current = expand(Object(schema: root, location: ""))
        for segment in JSONPointer.tokens(pointer) ?? [] {
            current = current.flatMap { object -> [Object] in
                if let property = object.schema["properties"]?[segment] {
                    return expand(Object(schema: property, location: object.location + "/properties/" + segment))
                }
                if Int(segment) != nil, let items = object.schema["items"] {
                    return expand(Object(schema: items, location: object.location + "/items"))
                }
                if let extra = object.schema["additionalProperties"], extra.objectValue != nil {
                    return expand(Object(schema: extra, location: object.location + "/additionalProperties"))
                }
                return []
            }
        }
        return current.filter { $0.schema["properties"] != nil }
    }

    /// Every object schema with properties, by location: what the decoders must all be seen reading.
    func allObjectLocations() -> Set<String> {
        var found: Set<String> = []
        var queue = expand(Object(schema: root, location: ""))
        var seen: Set<String> = []
        while let next = queue.popLast() {
            guard seen.insert(next.location).inserted else { continue }
            if next.schema["properties"] != nil { found.insert(next.location) }
            for (name, sub) in next.schema["properties"]?.objectValue ?? [:] {
                queue += expand(Object(schema: sub, location: next.location + "/properties/" + name))
            }
            if let items = next.schema["items"] { queue += expand(Object(schema: items, location: next.location + "/items")) }
            if let extra = next.schema["additionalProperties"], extra.objectValue != nil {
                queue += expand(Object(schema: extra, location: next.location + "/additionalProperties"))
            }
        }
        return found
    }

    /// The schema with `$ref`s resolved and `oneOf`/`anyOf` split into their branches; a branch is
    /// located where it is written, so a recursive definition is visited once. Beside `properties`,
    /// `anyOf` only adds a constraint (which keys must come together), not another shape.
    private func expand(_ object: Object) -> [Object] {
        if let reference = object.schema["$ref"]?.stringValue, reference.hasPrefix("#"),
           let target = root.value(at: String(reference.dropFirst())) {
            return expand(Object(schema: target, location: String(reference.dropFirst())))
        }
        for combinator in ["oneOf", "anyOf"] where object.schema["properties"] == nil {
            if let branches = object.schema[combinator]?.arrayValue {
                return branches.enumerated().flatMap { index, branch in
                    expand(Object(schema: branch, location: object.location + "/\(combinator)/\(index)"))
                }
            }
        }
        return [object]
    }
}

extension Node {
    /// Every node below this one (itself included) with the reference tokens that lead to it.
    func descendants(_ tokens: [String] = []) -> [(tokens: [String], node: Node)] {
        var found = [(tokens, self)]
        switch content {
        case .scalar: break
        case .sequence(let items):
            for (index, item) in items.enumerated() { found += item.descendants(tokens + [String(index)]) }
        case .mapping(let entries):
            for entry in entries { found += entry.value.descendants(tokens + [entry.key.scalar?.value ?? ""]) }
        }
        return found
    }

    /// This node with the node at `tokens` changed by `change`.
    func changing(_ tokens: ArraySlice<String>, _ change: (inout Node) -> Void) -> Node {
        var copy = self
        guard let token = tokens.first else {
            change(&copy)
            return copy
        }
        switch content {
        case .scalar: break
        case .sequence(var items):
            if let index = Int(token), items.indices.contains(index) {
                items[index] = items[index].changing(tokens.dropFirst(), change)
                copy.content = .sequence(items)
            }
        case .mapping(var entries):
            if let index = entries.firstIndex(where: { $0.key.scalar?.value == token }) {
                entries[index].value = entries[index].value.changing(tokens.dropFirst(), change)
                copy.content = .mapping(entries)
            }
        }
        return copy
    }
}
