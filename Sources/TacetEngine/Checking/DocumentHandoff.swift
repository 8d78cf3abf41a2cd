import TacetDocuments

/// What a check hands on of the workflows and plans it loads one at a time, before it releases them: the
/// checker plugin host sends them to its plugins while the check goes on, so that no stage holds every
/// document at once and none is parsed twice.
///
/// ``CheckEngine/run(_:today:excluding:governing:retaining:handoff:)`` first calls ``plan`` with every
/// document it will hand on, in the order it will (workflows in file order, then learning plans), then,
/// after each window of documents is judged, ``receive`` with the window's documents that loaded; both on
/// the thread that runs the check, which ``receive`` may hold up to bound the documents waiting for it.
public struct DocumentHandoff: Sendable {
    /// One document on the way: where it stands in the plan, the document, and its file's bytes (for the
    /// lines a plugin's finding quotes once the document is released).
    public struct Document: Sendable {
        /// Its index in the planned list.
        public var position: Int
        /// The loaded document.
        public var document: LoadedDocument
        /// Its file's bytes.
        public var bytes: [UInt8]

        /// Creates one.
        public init(position: Int, document: LoadedDocument, bytes: [UInt8]) {
            self.position = position
            self.document = document
            self.bytes = bytes
        }
    }

    /// The kinds of document to hand on (a plugin's kinds).
    public var kinds: Set<DocumentKind>
    /// How many workflows or plans are judged between two calls of ``receive``.
    public var window: Int
    /// Receives the planned documents (each file with its declared kind, its place among the run's files and
    /// its size), before any is loaded. A planned document that does not load is never received.
    public var plan: @Sendable ([DeferredFile]) -> Void
    /// Receives the documents that loaded among the planned ones before `done` (a position), in plan order.
    public var receive: @Sendable (_ documents: [Document], _ done: Int) -> Void

    /// Creates a handoff.
    public init(kinds: Set<DocumentKind>, window: Int = 250, plan: @escaping @Sendable ([DeferredFile]) -> Void,
                receive: @escaping @Sendable (_ documents: [Document], _ done: Int) -> Void) {
        self.kinds = kinds
        self.window = max(1, window)
        self.plan = plan
        self.receive = receive
    }
}
