/// Why text is not JSON, and where: the byte offset at which ``JSONParser`` stopped.
package struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in words.
    package var reason: String
    /// The offset of the byte where reading stopped, from 0.
    package var offset: Int

    /// Creates a parse error.
    package init(reason: String, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// The reason and the offset, as a decoding error's description shows them.
    package var description: String { "\(reason) at byte \(offset)" }
}
