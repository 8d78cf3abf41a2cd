// Not Foundation where FoundationEssentials exists: see ProtocolChannel.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TacetPluginProtocol

extension PluginMain {
    /// The response to a protocol 2 check request: one result per document, in the request's order, each
    /// with findings or that document's error; or one error for the whole batch when the request cannot be
    /// read at all. Public so that a plugin's own tests can call it without spawning the plugin.
    ///
    /// A document the kit cannot decode (a missing `kind`, a `policy` the request's `policies` lack) or one
    /// the plugin throws on gets its own error; the others are still checked.
    public static func checkBatch(_ plugin: some TacetPlugin, input: Data) -> BatchCheckResponse {
        checkBatch(plugin, request: parse(input))
    }

    static func checkBatch(_ plugin: some TacetPlugin, request parsed: Result<JSONValue, any Error>) -> BatchCheckResponse {
        let request: Envelope
        do {
            request = try JSONValueDecoder().decode(Envelope.self, from: parsed.get())
        } catch {
            return BatchCheckResponse(error: PluginErrorReport(message: "could not read the check request: \(phrase(error))"))
        }
        if let refusal = refusal(of: request.protocolVersion, by: plugin) { return BatchCheckResponse(error: refusal) }
        let results = request.documents.enumerated().map { index, entry -> DocumentResult in
            let document: BatchDocument
            switch entry.document {
            case .failure(let error):
                return DocumentResult(document: index, error: PluginErrorReport(
                    message: "could not read document \(index) of the request: \(phrase(error, within: 2))"))
            case .success(let decoded):
                document = decoded
            }
            var policy: JSONValue?
            if let name = document.policy {
                guard let resolved = request.policies[name] else {
                    return DocumentResult(document: index, error: PluginErrorReport(
                        message: "the document names policy '\(name)', which the request's policies do not hold"))
                }
                policy = resolved
            }
            let context = CheckContext(protocolVersion: request.protocolVersion, policy: policy, framework: request.framework,
                                       roster: request.roster)
            do {
                return DocumentResult(document: index, findings: try plugin.check(document.requestDocument, context: context))
            } catch {
                return DocumentResult(document: index, error: PluginErrorReport(message: String(describing: error)))
            }
        }
        return BatchCheckResponse(results: results)
    }

    /// A ``BatchCheckRequest`` whose documents are decoded one by one, so that one malformed document
    /// fails alone.
    private struct Envelope: Decodable {
        let protocolVersion: Int
        let policies: [String: JSONValue]
        let framework: JSONValue?
        let roster: [JSONValue]
        let documents: [Entry]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            protocolVersion = try container.decode(Int.self, forKey: .protocolVersion)
            policies = try container.decodeIfPresent([String: JSONValue].self, forKey: .policies) ?? [:]
            framework = try container.decodeIfPresent(JSONValue.self, forKey: .framework)
            roster = try container.decodeIfPresent([JSONValue].self, forKey: .roster) ?? []
            documents = try container.decode([Entry].self, forKey: .documents)
        }

        private enum CodingKeys: String, CodingKey {
            case protocolVersion, policies, framework, roster, documents
        }
    }

    /// One document of the batch, or why it could not be decoded.
    private struct Entry: Decodable {
        let document: Result<BatchDocument, any Error>

        init(from decoder: any Decoder) throws {
            // The error is kept, not thrown, so the unkeyed container moves on to the next document.
            document = Result { try BatchDocument(from: decoder) }
        }
    }
}
