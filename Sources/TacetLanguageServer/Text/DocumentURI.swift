import Foundation

/// Converts between the client's document URIs and the paths Tacet names files by.
package enum DocumentURI {
    /// The absolute, standardized path of a `file:` URI; any other URI (`untitled:Untitled-1`) is its own
    /// name, so that an unsaved buffer is still checked.
    package static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://"), let url = URL(string: uri), url.isFileURL else { return uri }
        return (url.path as NSString).standardizingPath
    }

    /// The `file:` URI of `path`, or `path` itself when it is already a URI (a name ``path(of:)`` kept).
    package static func uri(of path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: path).absoluteString
    }
}
