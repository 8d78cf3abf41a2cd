import Foundation

/// Paths written inside documents (policy-test inputs), which are relative to the document's folder.
public enum RelativePath {
    /// `path` as the loader would name it: relative to the folder of `document` unless absolute.
    public static func resolve(_ path: String, from document: String) -> String {
        if path.hasPrefix("/") { return (path as NSString).standardizingPath }
        let directory = (document as NSString).deletingLastPathComponent
        let joined = directory.isEmpty ? path : directory + "/" + path
        return (joined as NSString).standardizingPath
    }
}
