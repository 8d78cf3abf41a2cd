import TacetPluginHost

extension PluginCatalog {
    /// The folders searched, in order, each with where it was named, for `plugin list` and `plugin test`.
    package var searchedPhrase: String {
        guard !searched.isEmpty else {
            return "no folder: none named exists, and no ./Plugins, TACET_PLUGIN_PATH folder or shipped plugins were found"
        }
        return searched.map { "\($0.path) (\($0.origin.rawValue))" }.joined(separator: ", ")
    }
}
