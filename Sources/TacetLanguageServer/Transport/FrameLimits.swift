import TacetYAML

/// The bounds on one message from the client, whose bytes are untrusted: nothing it sends makes the
/// server hold more than these.
package struct FrameLimits: Sendable, Equatable {
    /// The most bytes a message's header part may take, its closing blank line included.
    package var maxHeaderBytes: Int
    /// The largest body (`Content-Length`) kept; a larger one is skipped unread and answered with an error.
    package var maxBodyBytes: Int

    /// Creates limits.
    package init(maxHeaderBytes: Int = 8 * 1024, maxBodyBytes: Int) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
    }

    /// Limits that let through a whole document at the YAML size limit, JSON-escaped (a quote or a
    /// line break takes two bytes), plus room for the message around it; a larger paste is refused
    /// as a frame, a smaller one over the YAML limit is reported on the document.
    package static func accepting(_ limits: YAMLLimits) -> FrameLimits {
        FrameLimits(maxBodyBytes: limits.maxInputBytes.multipliedReportingOverflow(by: 2).partialValue + 64 * 1024)
    }
}
