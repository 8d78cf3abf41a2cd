import TacetYAML

/// What a policy says about the client AI notice and consent form (`tacet notice`): whom clients ask,
/// the rights the form states, what it promises a client who says no or changes their mind, and which
/// signatures it needs.
///
/// Every value is the clinic's own: the contact and the rights sentence are its words, and its
/// citations say where they come from (an `assumption: true` citation marks the clinic's decisions).
/// A layer states only what it changes; a signature a base asks for cannot be dropped by a layer.
public struct NoticeSettings: Sendable, Hashable, NodeDecodable {
    /// Whom a client asks about AI in their care, as the form names them.
    public var contact: String?
    /// The clients' rights the form states, in the clinic's plain words.
    public var rights: String?
    /// What the form promises a client who says no to AI use ("You will still get your care.").
    public var refuse: String?
    /// How a client takes back their yes, as the form promises it ("Just tell your therapist.").
    public var withdraw: String?
    /// Whether a parent or guardian signs as well as the client.
    public var guardian: Bool?
    /// Whether the form has a line for the client's own assent (a child who cannot consent).
    public var assent: Bool?
    /// Citation ids for what the form says.
    public var cite: [String]
    /// Where the notice block is in its document.
    public var pointer: String

    /// Creates settings.
    public init(contact: String? = nil, rights: String? = nil, refuse: String? = nil, withdraw: String? = nil, guardian: Bool? = nil, assent: Bool? = nil,
                cite: [String] = [], pointer: String = "/notice") {
        self.contact = contact
        self.rights = rights
        self.refuse = refuse
        self.withdraw = withdraw
        self.guardian = guardian
        self.assent = assent
        self.cite = cite
        self.pointer = pointer
    }

    /// Decodes the `notice` block strictly: unknown keys and wrong types are diagnosed in `context`.
    public static func decode(_ node: Node, at pointer: @autoclosure () -> String, in context: inout DecodingContext) -> NoticeSettings? {
        let pointer = pointer()
        guard var fields = MappingFields(node, at: pointer, what: "the notice settings", in: &context) else { return nil }
        let contact: String? = fields.optional("contact", in: &context)
        let rights: String? = fields.optional("rights", in: &context)
        let refuse: String? = fields.optional("refuse", in: &context)
        let withdraw: String? = fields.optional("withdraw", in: &context)
        let guardian: Bool? = fields.optional("guardian", in: &context)
        let assent: Bool? = fields.optional("assent", in: &context)
        let cite: [String] = fields.optionalSet("cite", in: &context) ?? []
        fields.finish(&context)
        return NoticeSettings(contact: contact, rights: rights, refuse: refuse, withdraw: withdraw, guardian: guardian, assent: assent, cite: cite, pointer: pointer)
    }

    /// These settings laid over `base`'s: stated values win, signatures add up, citations join.
    public func over(_ base: NoticeSettings?) -> NoticeSettings {
        guard let base else { return self }
        return NoticeSettings(contact: contact ?? base.contact, rights: rights ?? base.rights,
                              refuse: refuse ?? base.refuse, withdraw: withdraw ?? base.withdraw,
                              guardian: (base.guardian ?? false) || (guardian ?? false) ? true : guardian ?? base.guardian,
                              assent: (base.assent ?? false) || (assent ?? false) ? true : assent ?? base.assent,
                              cite: base.cite + cite.filter { !base.cite.contains($0) }, pointer: pointer)
    }
}
