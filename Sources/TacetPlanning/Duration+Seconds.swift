/// A duration as a plain number of seconds, the unit the planner's time limits are given in.
extension Duration {
    /// The duration in seconds, fractions included (attoseconds folded in).
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
