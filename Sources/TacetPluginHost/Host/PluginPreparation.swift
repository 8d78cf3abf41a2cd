/// What ``PluginHost/prepare(_:)`` got ready before the documents were loaded: the plugins whose
/// describe answers the cache held, and a `check` process already started and waiting for its request for
/// each plugin that got a slot (whether or not the cache answered it: a failed live describe kills it), so that its start-up (an interpreter loading, a binary linking) overlaps the loading
/// and judging of the documents.
///
/// ``PluginHost/run(_:on:policies:prepared:)`` uses each child for the plugin's first call and kills the
/// others once it knows its calls; ``discard()`` kills whatever is left, and so does releasing this
/// object: a run that stops early (bad input, no document for a plugin) leaves no process behind.
public final class PluginPreparation: Sendable {
    /// The describe answers the cache held, checked as a live answer is, by plugin name.
    public let described: [String: DescribedPlugin]
    /// The `check` processes started ahead and still waiting for their request, by plugin name.
    public let children: [String: PreparedChild]
    /// How many processes ``PluginHost/prepare(_:)`` started and killed before returning: their plugin's
    /// cached answer named no kinds, or a live describe needed their slot.
    public let discarded: Int

    init(described: [String: DescribedPlugin], children: [String: PreparedChild], discarded: Int = 0) {
        self.described = described
        self.children = children
        self.discarded = discarded
    }

    /// Nothing prepared: every plugin is described and started when the documents are ready.
    public static let none = PluginPreparation(described: [:], children: [:])

    /// Kills every child still waiting for its request (each reaped, its slot given back).
    public func discard() {
        for child in children.values { child.kill() }
    }

    /// How many children are still waiting for their request.
    public var waiting: Int { children.values.filter(\.isWaiting).count }
}
