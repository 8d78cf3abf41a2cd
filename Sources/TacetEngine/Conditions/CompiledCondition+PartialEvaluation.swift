extension CompiledCondition {
    /// The condition with the tests on `fixed` facts decided: `.always(value)` when that settles
    /// it, else `.depends` on what is left. The checker evaluates only what is left, per task.
    public func residual(fixing fixed: [Fact: FactValue]) -> Residual {
        switch self {
        case .test(let fact, let op, let expected):
            guard let actual = fixed[fact] else { return .depends(self) }
            return .always(Self.test(actual, op, expected))
        case .not(let inner):
            switch inner.residual(fixing: fixed) {
            case .always(let value): return .always(!value)
            case .depends(let rest): return .depends(.not(rest))
            }
        case .all(let parts):
            var rest: [CompiledCondition] = []
            for part in parts {
                switch part.residual(fixing: fixed) {
                case .always(false): return .always(false)
                case .always(true): continue
                case .depends(let left): rest.append(left)
                }
            }
            return rest.isEmpty ? .always(true) : .depends(rest.count == 1 ? rest[0] : .all(rest))
        case .any(let parts):
            var rest: [CompiledCondition] = []
            for part in parts {
                switch part.residual(fixing: fixed) {
                case .always(true): return .always(true)
                case .always(false): continue
                case .depends(let left): rest.append(left)
                }
            }
            return rest.isEmpty ? .always(false) : .depends(rest.count == 1 ? rest[0] : .any(rest))
        }
    }

    /// What is left of a condition once some facts are known.
    public enum Residual: Sendable, Hashable {
        /// Settled either way.
        case always(Bool)
        /// Depends on this remaining condition.
        case depends(CompiledCondition)
    }
}
