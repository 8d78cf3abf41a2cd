import TacetDiagnostics

/// What running the plugins over a set of documents produced, in no particular order: the pipeline
/// that merges it with the engine's findings sorts once.
public struct PluginRunReport: Sendable {
    /// The findings the plugins reported (origin `.plugin`), mapped to file:line:column.
    public var findings: [Diagnostic]
    /// Tacet's findings that a plugin failed (origin `.pluginFailure`, severity from the options).
    /// Never empty when a call failed.
    public var failures: [Diagnostic]
    /// The plugins that described themselves acceptably.
    public var described: [DescribedPlugin]
    /// How many check calls ran, each in a process of its own (one per document for a protocol 1 plugin, one
    /// per batch for protocol 2); a call whose process could not be started is not counted (its documents
    /// carry the failure).
    public var calls: Int
    /// How many plugin processes were started: one `describe` per plugin the describe cache did not answer,
    /// one per check call, and the ones started ahead that no call needed (killed unused).
    public var processes: Int = 0
    /// How many `check` processes were started ahead of the documents (``PluginHost/prepare(_:)``).
    public var startedAhead: Int = 0
    /// How many of those no call needed (the run had no document of the plugin's kinds), killed unused.
    public var unused: Int = 0
}
