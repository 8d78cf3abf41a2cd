extension CompiledCondition {
    /// What the condition is known to be when only `fixed` facts are known: true, false, or nil
    /// when it depends on other facts. A linear pass; "false" is certain, which is all the checker's
    /// rule pre-filter needs.
    public func value(fixing fixed: [Fact: FactValue]) -> Bool? {
        switch self {
        case .test(let fact, let op, let expected):
            guard let actual = fixed[fact] else { return nil }
            return Self.test(actual, op, expected)
        case .not(let inner):
            return inner.value(fixing: fixed).map { !$0 }
        case .all(let parts):
            var unknown = false
            for part in parts {
                switch part.value(fixing: fixed) {
                case false?: return false
                case nil: unknown = true
                case true?: continue
                }
            }
            return unknown ? nil : true
        case .any(let parts):
            var unknown = false
            for part in parts {
                switch part.value(fixing: fixed) {
                case true?: return true
                case nil: unknown = true
                case false?: continue
                }
            }
            return unknown ? nil : false
        }
    }
}
