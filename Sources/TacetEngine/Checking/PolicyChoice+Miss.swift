extension PolicyChoice {
    /// Why ``PolicyChoice/pick(_:)`` found no policy; each caller words it for its own context.
    public enum Miss: Error, Sendable, Equatable {
        /// No policy has the name asked for.
        case unknown(String)
        /// No name was given and there is no policy at all.
        case none
        /// No name was given and these policies, none extended by another, could all apply.
        case several([String])
    }
}
