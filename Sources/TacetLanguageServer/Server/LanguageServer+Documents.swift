import TacetDocuments
import TacetPluginProtocol
import TacetTool

extension LanguageServer {
    /// Answers `initialize`: remembers the workspace folders and says what this server offers.
    func initialize(_ params: JSONValue) -> JSONValue {
        var folders = (params["workspaceFolders"]?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue }
        if folders.isEmpty, let root = params["rootUri"]?.stringValue { folders = [root] }
        if folders.isEmpty, let root = params["rootPath"]?.stringValue { folders = [root] }
        roots = folders.map(DocumentURI.path(of:)).filter { $0.hasPrefix("/") }
        if let base = params["initializationOptions"]?["documentationBase"]?.stringValue { documentationBase = base }
        phase = .running
        return .object([
            "capabilities": .object(capabilities),
            "serverInfo": .object(["name": "tacet", "version": .string(TacetVersion.current)]),
        ])
    }

    /// What the server offers (LSP's `ServerCapabilities`).
    var capabilities: [String: JSONValue] {
        [
            "positionEncoding": "utf-16",
            // 2: incremental changes; a save does not need the text, which the last change already gave.
            "textDocumentSync": .object(["openClose": .bool(true), "change": .number(2), "save": .object(["includeText": .bool(false)])]),
            "hoverProvider": .bool(true),
            "definitionProvider": .bool(true),
            "referencesProvider": .bool(true),
            "documentSymbolProvider": .bool(true),
            // After `key: `, after `[` or `, ` in a flow list, and at a new line's indentation.
            "completionProvider": .object(["triggerCharacters": .array([":", " ", "[", ","])]),
            "codeActionProvider": .object(["codeActionKinds": .array(["quickfix"])]),
        ]
    }

    func didOpen(_ params: JSONValue) {
        guard let item = params["textDocument"], let uri = item["uri"]?.stringValue, let text = item["text"]?.stringValue else {
            return log("textDocument/didOpen without a uri and text: ignored", type: 1)
        }
        documents[uri] = OpenDocument(uri: uri, version: item["version"]?.numberValue.map { Int($0) }, text: text)
        changed()
    }

    func didChange(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, var document = documents[uri] else {
            return log("textDocument/didChange of a document that is not open: ignored", type: 2)
        }
        for change in params["contentChanges"]?.arrayValue ?? [] where !document.apply(change) {
            log("textDocument/didChange of \(uri) holds a change that is not one: the rest of it is ignored", type: 1)
            break
        }
        document.version = params["textDocument"]?["version"]?.numberValue.map { Int($0) } ?? document.version
        documents[uri] = document
        changed()
    }

    func didSave(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else { return }
        // The project file decides the scope; a saved one may name other folders.
        if DocumentURI.path(of: uri).hasSuffix("/" + Project.fileName) { scope = nil }
        pluginsDue = options.plugins != nil
        changed()
    }

    func didClose(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else { return }
        documents[uri] = nil
        changed()
    }

    /// Files changed on disk (or workspace folders came and went): the scope is found again.
    func changedOnDisk(_ params: JSONValue) {
        for event in params["event"]?["added"]?.arrayValue ?? [] {
            if let uri = event["uri"]?.stringValue { roots.append(DocumentURI.path(of: uri)) }
        }
        let removed = Set((params["event"]?["removed"]?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue }.map(DocumentURI.path(of:)))
        roots.removeAll { removed.contains($0) }
        scope = nil
        changed()
    }

    /// Marks the last check stale: the next quiet moment checks again.
    func changed() {
        stale = true
    }
}
