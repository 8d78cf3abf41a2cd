import TacetDocuments

/// A plugin whose manifest is valid and whose command resolves inside its folder: ready to run.
public struct DiscoveredPlugin: Sendable {
    /// The manifest.
    public var manifest: PluginManifest
    /// The manifest's loaded document, for pointing at its lines.
    public var document: LoadedDocument
    /// The plugin folder, absolute with symlinks resolved.
    public var folder: String
    /// The executable, absolute with symlinks resolved; inside `folder`.
    public var executable: String

    /// The plugin's name.
    public var name: String { manifest.metadata.name }
    /// The arguments after the executable in the manifest's `command`.
    public var arguments: [String] { Array(manifest.command.dropFirst()) }
}
