import Foundation
import TacetDocuments

/// Finds a repository's `tacet.yaml` the way git finds `.git`: in the working directory, else the
/// nearest folder above it that has one.
package enum ProjectLocator {
    /// The project file in `directory` or its nearest parent that has one, or nil when none up to `/` does.
    package static func find(from directory: String) -> String? {
        var folder = (directory as NSString).standardizingPath
        while true {
            let candidate = (folder as NSString).appendingPathComponent(TacetDocuments.Project.fileName)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { return nil }
            folder = parent
        }
    }
}
