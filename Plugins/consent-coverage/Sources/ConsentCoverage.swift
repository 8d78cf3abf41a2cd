import TacetPluginProtocol
import TacetPluginKit

/// Checks that a workflow obtains informed consent before any AI step that handles client data.
///
/// The policy's own `consent: true` requirement says a step records consent; this plugin checks the
/// order across the workflow: the guidance the shipped policy cites (`clinical-ai-guidance`) has
/// clients "told about and consent to AI use before it".
struct ConsentCoverage: TacetPlugin {
    /// The task id of the consent step, as the shipped policy names it.
    static let consentTask = "informed-consent"
    /// Data classes that are client data.
    static let clientData: Set<String> = ["phi", "deidentified"]

    let description = DescribeResponse(
        name: "consent-coverage", version: "1.0.0", protocols: PluginMain.protocols, kinds: ["Workflow"],
        rules: [
            PluginRule(id: "consent-coverage/consent-before-ai", severity: .warning,
                       summary: "An AI step that handles client data comes before any informed-consent step of the workflow.",
                       hint: "add a step with task informed-consent before the first AI step on client data",
                       citations: ["clinical-ai-guidance"]),
        ])

    func check(_ document: RequestDocument, context: CheckContext) throws -> [PluginFinding] {
        guard let steps = document.content["steps"]?.arrayValue else {
            throw CheckFailure("the workflow has no steps array")
        }
        if let tasks = context.policy?["tasks"]?.arrayValue,
           !tasks.contains(where: { $0["id"]?.stringValue == Self.consentTask }) {
            throw CheckFailure("the policy has no '\(Self.consentTask)' task, so consent steps cannot be recognised")
        }
        let consentIndex = steps.firstIndex { $0["task"]?.stringValue == Self.consentTask }
        var findings: [PluginFinding] = []
        for (index, step) in steps.enumerated() {
            let ai = step["ai"]?.stringValue ?? "human-only"
            let data = Set((step["data"]?.arrayValue ?? []).compactMap(\.stringValue))
            guard ai != "human-only", !data.isDisjoint(with: Self.clientData) else { continue }
            if let consentIndex, consentIndex < index { continue }
            let id = step["id"]?.stringValue ?? "#\(index + 1)"
            let classes = data.intersection(Self.clientData).sorted().joined(separator: ", ")
            let message: String
            if let consentIndex, let consentID = steps[consentIndex]["id"]?.stringValue {
                message = "step '\(id)' uses AI (\(ai)) on client data (\(classes)) before consent is obtained at step '\(consentID)'"
            } else {
                message = "step '\(id)' uses AI (\(ai)) on client data (\(classes)) and no step of the workflow obtains informed consent"
            }
            findings.append(PluginFinding(rule: "consent-coverage/consent-before-ai", severity: .warning, message: message,
                                          pointer: PluginProtocol.pointer(["steps", String(index), "ai"]),
                                          hint: "add a step with task informed-consent before it",
                                          citations: ["clinical-ai-guidance"]))
        }
        return findings
    }
}

/// Why a document could not be judged; becomes the response's `error` object.
struct CheckFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
