/// What reading one message from the client gave.
package enum Frame: Sendable, Equatable {
    /// A message's body: JSON, not yet parsed.
    case message([UInt8])
    /// A message whose body was over the limit: skipped, so the stream is still in step.
    case oversized(Int)
    /// A header that cannot be read: the stream cannot be followed any further.
    case malformed(String)
    /// The client closed the stream (between messages, or inside one).
    case end
}
