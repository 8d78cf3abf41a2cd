import CYAML

/// Parses one YAML document into a ``Node`` tree with positions, within ``YAMLLimits``.
///
/// Built on libyaml's event API with an explicit stack, so nothing recurses on input depth. Plain
/// scalars resolve by the YAML 1.2 core schema. Merge keys (`<<`) are refused: they are YAML 1.1 only
/// and would let a short document fan out; write the keys, or alias the whole mapping.
public struct YAMLParser: Sendable {
    /// The bounds applied to every document.
    public var limits: YAMLLimits

    /// Creates a parser with the given limits.
    public init(limits: YAMLLimits = .default) { self.limits = limits }

    /// Parses exactly one document from `bytes`.
    public func parse(_ bytes: [UInt8]) throws(YAMLError) -> Node {
        guard bytes.count <= limits.maxInputBytes else {
            throw YAMLError(.inputTooLarge,
                            "input is \(bytes.count) bytes, over the limit of \(limits.maxInputBytes) bytes (maxInputBytes)",
                            at: .start)
        }
        let bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes.count > bomLength else { throw YAMLError(.emptyDocument, "empty document: the file has no content", at: .start) }
        let result: Result<Node, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            let body = UnsafeBufferPointer(rebasing: buffer[bomLength...])
            do throws(YAMLError) {
                let parser = try LibYAMLParser(input: body, strippedBOM: bomLength > 0)
                var composer = Composer(limits: limits, parser: parser, source: bytes)
                return .success(try composer.run())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses exactly one document from a string.
    public func parse(_ text: String) throws(YAMLError) -> Node { try parse(Array(text.utf8)) }
}

/// Builds the node tree from events; one per parse.
private struct Composer {
    struct Anchored {
        var node: Node
        var size: Int
        var height: Int
    }

    struct Frame {
        var isMapping: Bool
        var mark: Mark
        var tag: String?
        var anchor: String?
        var items: [Node] = []
        var entries: [MappingEntry] = []
        var pendingKey: Node?
        /// Key texts in order, for the duplicate check; an index takes over past 16 keys.
        var keyTexts: [String] = []
        var keyIndex: [String: Int]?
        var size = 1
        var height = 1
    }

    let limits: YAMLLimits
    let parser: LibYAMLParser
    let source: [UInt8]
    var frames: [Frame] = []
    var anchors: [String: Anchored] = [:]
    var nodeCount = 0
    var aliasNodes = 0
    var root: Node?
    var sawDocument = false

    init(limits: YAMLLimits, parser: LibYAMLParser, source: [UInt8]) {
        self.limits = limits
        self.parser = parser
        self.source = source
    }

    mutating func run() throws(YAMLError) -> Node {
        var event = yaml_event_t()
        while true {
            try parser.next(&event, source: source)
            defer { yaml_event_delete(&event) }
            let mark = parser.mark(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                guard let root else { throw YAMLError(.emptyDocument, "empty document: the file has no content", at: mark) }
                return root
            case YAML_DOCUMENT_START_EVENT:
                if sawDocument {
                    throw YAMLError(.multipleDocuments, "expected a single document, found a second one", at: mark,
                                    hint: "split the documents into separate files, one document each")
                }
                sawDocument = true
            case YAML_SCALAR_EVENT:
                try scalar(event.data.scalar, at: mark)
            case YAML_SEQUENCE_START_EVENT:
                let data = event.data.sequence_start
                try open(isMapping: false, tag: data.tag, anchor: data.anchor, at: mark)
            case YAML_MAPPING_START_EVENT:
                let data = event.data.mapping_start
                try open(isMapping: true, tag: data.tag, anchor: data.anchor, at: mark)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try close()
            case YAML_ALIAS_EVENT:
                try alias(string(event.data.alias.anchor) ?? "", at: mark)
            default:
                continue
            }
        }
    }

    func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    mutating func countNode(at mark: Mark) throws(YAMLError) {
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            throw YAMLError(.tooManyNodes, "document has more than \(limits.maxNodes) nodes (maxNodes)", at: mark,
                            hint: "split the document into smaller files")
        }
    }

    mutating func scalar(_ data: yaml_event_t.__Unnamed_union_data.__Unnamed_struct_scalar, at mark: Mark) throws(YAMLError) {
        try countNode(at: mark)
        let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
        let style: ScalarStyle = switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
        let tag = Self.shortTag(string(data.tag))
        let kind: ScalarKind
        switch tag {
        case nil: kind = style == .plain ? CoreSchema.resolve(value) : .string
        case "!", "!!str": kind = .string
        case "!!null", "!!bool", "!!int", "!!float":
            let resolved = CoreSchema.resolve(value)
            let wanted = ScalarKind(rawValue: String(tag?.dropFirst(2) ?? ""))
            guard resolved == wanted || (wanted == .float && resolved == .int) else {
                throw YAMLError(.unsupportedTag, "'\(value)' cannot be read as \(tag ?? "")", at: mark)
            }
            kind = wanted ?? .string
        default:
            throw Self.unsupported(tag ?? "", on: "a scalar", at: mark)
        }
        let node = Node(.scalar(Scalar(value: value, style: style, kind: kind)), mark: mark, tag: tag,
                        anchor: string(data.anchor))
        if let anchor = node.anchor { anchors[anchor] = Anchored(node: node, size: 1, height: 0) }
        try add(node, size: 1, height: 0)
    }

    mutating func open(isMapping: Bool, tag rawTag: UnsafeMutablePointer<yaml_char_t>?,
                       anchor: UnsafeMutablePointer<yaml_char_t>?, at mark: Mark) throws(YAMLError) {
        try countNode(at: mark)
        if frames.count + 1 > limits.maxDepth {
            throw YAMLError(.tooDeep, "nesting is deeper than \(limits.maxDepth) levels (maxDepth)", at: mark)
        }
        let tag = Self.shortTag(string(rawTag))
        let expected = isMapping ? "!!map" : "!!seq"
        if let tag, tag != "!", tag != expected {
            throw Self.unsupported(tag, on: isMapping ? "a mapping" : "a sequence", at: mark)
        }
        frames.append(Frame(isMapping: isMapping, mark: mark, tag: tag, anchor: string(anchor)))
    }

    mutating func close() throws(YAMLError) {
        // invariant: libyaml only emits an end event after the matching start, which pushed a frame.
        guard let frame = frames.popLast() else { return }
        if frame.isMapping, let key = frame.pendingKey {
            throw YAMLError(.syntax, "mapping key has no value", at: key.mark)
        }
        let content: Node.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
        let node = Node(content, mark: frame.mark, tag: frame.tag, anchor: frame.anchor)
        if let anchor = frame.anchor { anchors[anchor] = Anchored(node: node, size: frame.size, height: frame.height) }
        try add(node, size: frame.size, height: frame.height)
    }

    mutating func alias(_ name: String, at mark: Mark) throws(YAMLError) {
        if frames.contains(where: { $0.anchor == name }) {
            throw YAMLError(.undefinedAlias, "alias *\(name) refers to a node that contains it", at: mark)
        }
        guard let target = anchors[name] else {
            throw YAMLError(.undefinedAlias, "alias *\(name) refers to an undefined anchor", at: mark,
                            hint: "define the anchor with &\(name) before using it")
        }
        aliasNodes += target.size
        if aliasNodes > limits.maxAliasExpansion {
            throw YAMLError(.aliasExpansion,
                            "aliases expand to more than \(limits.maxAliasExpansion) nodes (maxAliasExpansion)", at: mark,
                            hint: "a document whose aliases multiply like this is refused rather than expanded")
        }
        if frames.count + target.height > limits.maxDepth {
            throw YAMLError(.tooDeep, "alias *\(name) nests deeper than \(limits.maxDepth) levels (maxDepth)", at: mark)
        }
        try add(target.node, size: target.size, height: target.height)
    }

    mutating func add(_ node: consuming Node, size: Int, height: Int) throws(YAMLError) {
        let top = frames.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        frames[top].size += size
        if height + 1 > frames[top].height { frames[top].height = height + 1 }
        guard frames[top].isMapping else {
            frames[top].items.append(node)
            return
        }
        if let key = frames[top].pendingKey.take() {
            frames[top].entries.append(MappingEntry(key: key, value: node))
            return
        }
        guard case .scalar(let key) = node.content else {
            throw YAMLError(.complexKey, "a mapping key must be a scalar, not \(node.shapeDescription)", at: node.mark)
        }
        if key.style == .plain, node.tag == nil, key.value == "<<" {
            throw YAMLError(.mergeKey, "merge keys (<<) are not supported: they are not part of YAML 1.2", at: node.mark,
                            hint: "write the keys out, or quote \"<<\" if it is meant as a key")
        }
        if let first = firstIndex(ofKey: key.value, inFrame: top) {
            throw YAMLError(.duplicateKey, "duplicate key '\(key.value)'", at: node.mark,
                            notes: [("first defined here", frames[top].entries[first].key.mark)])
        }
        let position = frames[top].keyTexts.count
        if position == 0 {
            // Most mappings in Tacet documents have 4 to 12 keys: grow once, not four times.
            frames[top].keyTexts.reserveCapacity(12)
            frames[top].entries.reserveCapacity(12)
        }
        frames[top].keyIndex?[key.value] = position
        frames[top].keyTexts.append(key.value)
        frames[top].pendingKey = node
    }

    /// The entry index of an earlier key with the same text: a linear scan for small mappings, an
    /// index from the 16th key on, so a mapping with many keys stays linear overall.
    mutating func firstIndex(ofKey key: String, inFrame top: Int) -> Int? {
        if frames[top].keyIndex == nil {
            if frames[top].keyTexts.count < 16 { return frames[top].keyTexts.firstIndex(of: key) }
            var index: [String: Int] = [:]
            for (position, text) in frames[top].keyTexts.enumerated() where index[text] == nil { index[text] = position }
            frames[top].keyIndex = index
        }
        return frames[top].keyIndex?[key]
    }

    static func shortTag(_ tag: String?) -> String? {
        guard let tag else { return nil }
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    static func unsupported(_ tag: String, on shape: String, at mark: Mark) -> YAMLError {
        YAMLError(.unsupportedTag, "tag \(tag) is not supported on \(shape)", at: mark,
                  hint: "Tacet reads the YAML 1.2 core schema only: !!str, !!int, !!float, !!bool, !!null, !!seq, !!map")
    }
}
