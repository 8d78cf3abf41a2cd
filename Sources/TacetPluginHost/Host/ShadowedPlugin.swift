/// A plugin folder not run because a plugin of the same name comes earlier in the search path.
///
/// Folders are matched by name before their manifests are read (a valid plugin's name is its folder's
/// name), so a shadowed plugin is never loaded and its manifest's problems do not matter.
public struct ShadowedPlugin: Sendable, Equatable {
    /// The plugin's name (its folder's name).
    public var name: String
    /// The shadowed folder.
    public var folder: String
    /// The folder that wins, earlier in the search path.
    public var winner: String

    /// Creates a record of a shadowed plugin.
    public init(name: String, folder: String, winner: String) {
        self.name = name
        self.folder = folder
        self.winner = winner
    }
}
