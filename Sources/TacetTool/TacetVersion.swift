/// The version `tacet --version` prints.
package enum TacetVersion {
    /// Semantic version of this build.
    package static let current = "0.1.0"
}
