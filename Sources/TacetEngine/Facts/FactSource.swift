/// Something that knows the facts of one step: a ``StepContext``, or a test's stand-in.
///
/// Conditions evaluate generically over it so that a step's context is borrowed, never copied, for
/// each of the many rules evaluated on it.
public protocol FactSource {
    /// The value of `fact`.
    func value(_ fact: Fact) -> FactValue
}

/// Facts given by a function, for tests and analyses.
public struct FactFunction: FactSource {
    let body: (Fact) -> FactValue

    /// Wraps `body`.
    public init(_ body: @escaping (Fact) -> FactValue) { self.body = body }

    public func value(_ fact: Fact) -> FactValue { body(fact) }
}
