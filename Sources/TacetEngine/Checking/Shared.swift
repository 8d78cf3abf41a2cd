/// A value held once and referred to by every ``StepContext`` that reads it.
///
/// A context made for each step of each workflow used to copy the workflow, the step's task and tool
/// and two therapists, each a struct of a dozen strings and arrays: every copy retained each of them and
/// every release released them again. perf on `CheckRatio` put that copying and releasing at a quarter
/// of the rule check; a context now holds one reference to each.
final class Shared<Value: Sendable>: Sendable {
    /// The value.
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
