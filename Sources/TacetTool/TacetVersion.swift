/// The version `tacet --version` prints.
public enum TacetVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
