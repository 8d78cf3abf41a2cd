import Foundation

/// The checked-out repository, for tests that read the shipped policies, curricula and examples.
public enum Repository {
    /// The repository's absolute path (two folders above this file).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// `relative` under the repository.
    public static func path(_ relative: String) -> String { root + "/" + relative }
}
