import TacetDocuments
import TacetPluginProtocol
import TacetYAML

extension LanguageServer {
    /// Answers a navigation request (hover, definition, references, completion, document symbols), or nil
    /// when `method` is none of them.
    func navigation(_ method: String, _ params: JSONValue) async throws -> JSONValue? {
        switch method {
        case "textDocument/hover": try await hover(params)
        case "textDocument/definition": try await definition(params)
        case "textDocument/references": try await references(params)
        case "textDocument/completion": try await completion(params)
        case "textDocument/documentSymbol": try await documentSymbols(params)
        case "textDocument/codeAction": try await codeActions(params)
        default: nil
        }
    }

    /// The document and position a `TextDocumentPositionParams` names.
    func place(_ params: JSONValue) throws -> (path: String, position: TextPosition) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let position = TextPosition(params["position"]) else {
            throw ResponseError.invalidParams("expected textDocument.uri and position")
        }
        return (DocumentURI.path(of: uri), position)
    }

    /// The text of `path` as last checked (an open buffer's, else the file's), or nil when it was not read.
    func sourceText(_ path: String, in analysis: Analysis) -> SourceText? {
        if let document = documents.values.first(where: { $0.path == path }) { return SourceText(document.text) }
        return analysis.run.sources[path].map(SourceText.init(bytes:))
    }

    /// The index of every id in the last check's documents, and in open documents that do not decode yet.
    func symbolIndex(_ analysis: Analysis) -> SymbolIndex {
        if let symbols { return symbols }
        var trees = analysis.documents.map { (file: $0.file, root: $0.root) }
        let decoded = Set(trees.map(\.file))
        for document in documents.values.sorted(by: { $0.path < $1.path }) where !decoded.contains(document.path) {
            if let root = try? YAMLParser(limits: options.limits).parse(document.bytes) { trees.append((document.path, root)) }
        }
        let index = SymbolIndex(trees)
        symbols = index
        return index
    }

    /// The id occurrence under the cursor.
    func occurrence(at path: String, _ position: TextPosition, in analysis: Analysis) -> SymbolOccurrence? {
        guard let source = sourceText(path, in: analysis) else { return nil }
        return symbolIndex(analysis).occurrences(in: path).first { occurrence in
            occurrence.mark.line == position.line + 1
                && source.tokenRange(line: occurrence.mark.line, column: occurrence.mark.column).contains(position)
        }
    }

    /// The LSP `Location` of an occurrence.
    func location(_ occurrence: SymbolOccurrence, in analysis: Analysis) -> JSONValue {
        let source = sourceText(occurrence.file, in: analysis) ?? SourceText("")
        return .object(["uri": .string(DocumentURI.uri(of: occurrence.file)),
                        "range": source.tokenRange(line: occurrence.mark.line, column: occurrence.mark.column).json])
    }

    func hover(_ params: JSONValue) async throws -> JSONValue {
        let (path, position) = try place(params)
        guard let analysis = await check(), let occurrence = occurrence(at: path, position, in: analysis),
              let text = SymbolDescription.markdown(occurrence.kind, occurrence.id, in: analysis),
              let source = sourceText(path, in: analysis) else { return .null }
        return .object(["contents": .object(["kind": "markdown", "value": .string(text)]),
                        "range": source.tokenRange(line: occurrence.mark.line, column: occurrence.mark.column).json])
    }

    func definition(_ params: JSONValue) async throws -> JSONValue {
        let (path, position) = try place(params)
        guard let analysis = await check(), let occurrence = occurrence(at: path, position, in: analysis) else { return .null }
        return .array(symbolIndex(analysis).definitions(of: occurrence.kind, occurrence.id).map { location($0, in: analysis) })
    }

    func references(_ params: JSONValue) async throws -> JSONValue {
        let (path, position) = try place(params)
        guard let analysis = await check(), let occurrence = occurrence(at: path, position, in: analysis) else { return .null }
        let declaration = params["context"]?["includeDeclaration"]?.boolValue ?? true
        return .array(symbolIndex(analysis).occurrences(of: occurrence.kind, occurrence.id)
            .filter { declaration || !$0.isDefinition }
            .map { location($0, in: analysis) })
    }

    func documentSymbols(_ params: JSONValue) async throws -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else { throw ResponseError.invalidParams("expected textDocument.uri") }
        let path = DocumentURI.path(of: uri)
        guard let analysis = await check(), let source = sourceText(path, in: analysis),
              let root = try? YAMLParser(limits: options.limits).parse(Array(source.text.utf8)) else { return .array([]) }
        return .array(DocumentOutline.symbols(root, in: source))
    }
}

extension LanguageServer {
    func completion(_ params: JSONValue) async throws -> JSONValue {
        let (path, position) = try place(params)
        guard let analysis = await check(), let source = sourceText(path, in: analysis) else { return .array([]) }
        let line = source.line(position.line)
        let prefix = String(String.UnicodeScalarView(line.prefix(source.column(of: position) - 1)))
        let kind = source.text.firstMatch(of: /(?m)^kind:[ \t]*([A-Za-z]+)/).map { String($0.output.1) }
        return .object(["isIncomplete": .bool(false),
                        "items": .array(CompletionItems.items(after: prefix, documentKind: kind, index: symbolIndex(analysis)))])
    }
}

extension LanguageServer {
    /// Quick fixes for the diagnostics the client sends back with the request.
    func codeActions(_ params: JSONValue) async throws -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else { throw ResponseError.invalidParams("expected textDocument.uri") }
        let path = DocumentURI.path(of: uri)
        guard let analysis = await check(), let source = sourceText(path, in: analysis) else { return .array([]) }
        let root = try? YAMLParser(limits: options.limits).parse(Array(source.text.utf8))
        let diagnostics = params["context"]?["diagnostics"]?.arrayValue ?? []
        return .array(diagnostics.flatMap { QuickFixes.actions(for: $0, uri: uri, source: source, root: root) })
    }
}
