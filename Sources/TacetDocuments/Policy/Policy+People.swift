/// The citations of what a policy says about people and vendors, checked like tasks' and rules'.
extension Policy {
    /// Each `cite` list of `supervision`, `credentials` and the tools' `terms`, with where the list's owner is.
    public static func peopleCitations(supervision: SupervisionSettings?, credentials: CredentialSettings?,
                                       tools: [ApprovedTool]) -> [([String], String)] {
        var citing: [([String], String)] = []
        if let supervision { citing.append((supervision.cite, supervision.pointer)) }
        if let credentials { citing.append((credentials.cite, credentials.pointer)) }
        for tool in tools { if let terms = tool.terms { citing.append((terms.cite, tool.pointer + "/terms")) } }
        return citing
    }

    /// ``peopleCitations(supervision:credentials:tools:)`` of this document.
    public var peopleCitations: [([String], String)] {
        Policy.peopleCitations(supervision: supervision, credentials: credentials, tools: tools)
    }
}
