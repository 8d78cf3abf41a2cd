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
        /// Bytes of scalar text in the node, keys included: what an alias to it adds.
        var bytes: Int
    }

    /// An open collection, or the document around the root node.
    struct Frame {
        enum Kind { case document, sequence, mapping }
        var kind: Kind
        var mark: Mark
        var tag: String?
        var anchor: String?
        var items: [Node] = []
        var entries: [MappingEntry] = []
        var pendingKey: Node?
        /// Where this mapping's keys start in ``Composer/keySignatures``.
        var firstKey = 0
        /// Key texts to entry positions, built once a mapping has 16 keys so the check stays linear.
        var keyIndex: [KeyText: Int]?
        var size = 1
        var height = 1
        var bytes = 0
    }

    /// A key's text compared by its bytes, as YAML compares keys: Swift's == would call `é` and `e`
    /// with a combining accent one key, and a JSON Pointer could then lead to the wrong one.
    struct KeyText: Hashable {
        var text: String

        static func == (lhs: KeyText, rhs: KeyText) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

        func hash(into hasher: inout Hasher) {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }

    let limits: YAMLLimits
    let parser: LibYAMLParser
    let source: [UInt8]
    /// The innermost open collection, or the document when none is open. Kept out of `enclosing`
    /// because almost every event touches it: a stored property is updated in place, where an
    /// array element pays a uniqueness and bounds check on every access.
    var current = Frame(kind: .document, mark: .start)
    /// The frames around `current`, the document's first: as many as there are open collections.
    var enclosing: [Frame] = []
    /// ``signature(of:)`` of each key of every open mapping, innermost mapping's last: a mapping's
    /// keys stay together because a nested mapping closes before its parent reads another key.
    /// One array for the whole parse, so a mapping allocates nothing for its duplicate check.
    var keySignatures: [UInt64] = []
    var anchors: [String: Anchored] = [:]
    var nodeCount = 0
    var aliasNodes = 0
    var aliasBytes = 0
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
        let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
        let value = String(decoding: bytes, as: UTF8.self)
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
        if let anchor = node.anchor { anchors[anchor] = Anchored(node: node, size: 1, height: 0, bytes: bytes.count) }
        try add(node, size: 1, height: 0, bytes: bytes.count, scalarSignature: Self.signature(of: bytes))
    }

    mutating func open(isMapping: Bool, tag rawTag: UnsafeMutablePointer<yaml_char_t>?,
                       anchor: UnsafeMutablePointer<yaml_char_t>?, at mark: Mark) throws(YAMLError) {
        try countNode(at: mark)
        if enclosing.count + 1 > limits.maxDepth {
            throw YAMLError(.tooDeep, "nesting is deeper than \(limits.maxDepth) levels (maxDepth)", at: mark)
        }
        let tag = Self.shortTag(string(rawTag))
        let expected = isMapping ? "!!map" : "!!seq"
        if let tag, tag != "!", tag != expected {
            throw Self.unsupported(tag, on: isMapping ? "a mapping" : "a sequence", at: mark)
        }
        enclosing.append(current)
        current = Frame(kind: isMapping ? .mapping : .sequence, mark: mark, tag: tag, anchor: string(anchor),
                        firstKey: keySignatures.count)
    }

    mutating func close() throws(YAMLError) {
        // invariant: libyaml only emits an end event after the matching start, which pushed a frame.
        guard current.kind != .document, !enclosing.isEmpty else { return }
        let frame = current
        // Moved straight in: a binding of the parent kept alive would share its arrays, and the
        // next append would copy them whole.
        current = enclosing.removeLast()
        if frame.kind == .mapping, let key = frame.pendingKey {
            throw YAMLError(.syntax, "mapping key has no value", at: key.mark)
        }
        keySignatures.removeSubrange(frame.firstKey...)
        let content: Node.Content = frame.kind == .mapping ? .mapping(frame.entries) : .sequence(frame.items)
        let node = Node(content, mark: frame.mark, tag: frame.tag, anchor: frame.anchor)
        if let anchor = frame.anchor {
            anchors[anchor] = Anchored(node: node, size: frame.size, height: frame.height, bytes: frame.bytes)
        }
        try add(node, size: frame.size, height: frame.height, bytes: frame.bytes)
    }

    mutating func alias(_ name: String, at mark: Mark) throws(YAMLError) {
        if current.anchor == name || enclosing.contains(where: { $0.anchor == name }) {
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
        aliasBytes += target.bytes
        if aliasBytes > limits.maxAliasBytes {
            throw YAMLError(.aliasExpansion,
                            "aliases expand to more than \(limits.maxAliasBytes) bytes of text (maxAliasBytes)", at: mark,
                            hint: "a document whose aliases multiply like this is refused rather than expanded")
        }
        if enclosing.count + target.height > limits.maxDepth {
            throw YAMLError(.tooDeep, "alias *\(name) nests deeper than \(limits.maxDepth) levels (maxDepth)", at: mark)
        }
        try add(target.node, size: target.size, height: target.height, bytes: target.bytes)
    }

    mutating func add(_ node: consuming Node, size: Int, height: Int, bytes: Int, scalarSignature: UInt64? = nil) throws(YAMLError) {
        current.size += size
        current.bytes += bytes
        if height + 1 > current.height { current.height = height + 1 }
        switch current.kind {
        case .document:
            root = node
            return
        case .sequence:
            current.items.append(node)
            return
        case .mapping:
            if let key = current.pendingKey.take() {
                current.entries.append(MappingEntry(key: key, value: node))
                return
            }
        }
        guard case .scalar(let key) = node.content else {
            throw YAMLError(.complexKey, "a mapping key must be a scalar, not \(node.shapeDescription)", at: node.mark)
        }
        if key.style == .plain, node.tag == nil, key.value == "<<" {
            throw YAMLError(.mergeKey, "merge keys (<<) are not supported: they are not part of YAML 1.2", at: node.mark,
                            hint: "write the keys out, or quote \"<<\" if it is meant as a key")
        }
        // Scalars bring the signature of their bytes; a key written as an alias works it out here.
        let signature: UInt64
        if let scalarSignature {
            signature = scalarSignature
        } else {
            var text = key.value
            signature = text.withUTF8 { Self.signature(of: $0) }
        }
        if let first = firstIndex(ofKey: key.value, signature: signature) {
            throw YAMLError(.duplicateKey, "duplicate key '\(key.value)'", at: node.mark,
                            notes: [("first defined here", current.entries[first].key.mark)])
        }
        let position = keySignatures.count - current.firstKey
        // Most mappings in Tacet documents have 4 to 12 keys: grow once, not four times.
        if position == 0 { current.entries.reserveCapacity(12) }
        if current.keyIndex != nil { current.keyIndex?[KeyText(text: key.value)] = position }
        keySignatures.append(signature)
        current.pendingKey = node
    }

    /// The entry index of an earlier key with the same text. Small mappings compare signatures and
    /// only read a key's text when they match; from the 16th key on an index by text takes over,
    /// so a mapping with many keys stays linear overall, however its keys begin.
    mutating func firstIndex(ofKey key: String, signature: UInt64) -> Int? {
        let first = current.firstKey
        let count = keySignatures.count - first
        if current.keyIndex == nil {
            if count < 16 {
                for position in 0..<count where keySignatures[first + position] == signature
                    && current.entries[position].key.scalar?.value.utf8.elementsEqual(key.utf8) == true {
                    return position
                }
                return nil
            }
            var index: [KeyText: Int] = [:]
            for (position, entry) in current.entries.enumerated() {
                let text = KeyText(text: entry.key.scalar?.value ?? "")
                if index[text] == nil { index[text] = position }
            }
            current.keyIndex = index
        }
        return current.keyIndex?[KeyText(text: key)]
    }

    /// A key's length and first bytes in one word: different keys mostly differ here, and
    /// comparing a word is much cheaper than comparing two strings that turn out unequal.
    static func signature(of key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var signature = UInt64(truncatingIfNeeded: key.count)
        for offset in 0..<min(key.count, 7) { signature |= UInt64(key[offset]) << (8 * (offset + 1)) }
        return signature
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
