import TacetDocuments

/// What a resolved policy says about people, as sets a step's facts are read from cheaply: the roles a
/// supervisor oversees, the roles that supervise, and the credentials recognised (nil: none stated).
public struct PeoplePolicy: Sendable, Hashable {
    /// Roles whose AI use a supervisor reviews.
    public var supervised: Set<String>
    /// Roles that may review it.
    public var supervisors: Set<String>
    /// Credentials recognised; nil when the policy states none, which makes the recognition facts absent.
    public var recognised: Set<String>?

    /// No supervised roles, no supervisors, no recognised credentials.
    public init(supervised: Set<String> = [], supervisors: Set<String> = [], recognised: Set<String>? = nil) {
        self.supervised = supervised
        self.supervisors = supervisors
        self.recognised = recognised
    }

    /// What `policy` says.
    public init(_ policy: ResolvedPolicy) {
        self.init(supervised: Set(policy.supervision?.roles ?? []), supervisors: Set(policy.supervision?.supervisors ?? []),
                  recognised: policy.credentials.map { Set($0.recognised) })
    }

    /// Whether `person` holds a recognised credential; absent without a person or a recognised list.
    func recognition(of person: Therapist?) -> FactValue {
        guard let recognised, let person else { return .missing }
        return .bool(person.heldCredentials.contains { recognised.contains($0) })
    }
}
