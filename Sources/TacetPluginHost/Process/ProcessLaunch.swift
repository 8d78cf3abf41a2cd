/// What a child is started with (its executable, arguments, environment and folder), apart from its
/// request and limits: a child started ahead serves only a call whose spec has the same launch.
public struct ProcessLaunch: Sendable, Hashable {
    /// Absolute path of the executable.
    public var executable: String
    /// argv, including argv[0].
    public var arguments: [String]
    /// The complete environment.
    public var environment: [String: String]
    /// The directory the child starts in.
    public var workingDirectory: String

    /// The launch part of `spec`.
    public init(_ spec: ProcessSpec) {
        executable = spec.executable
        arguments = spec.arguments
        environment = spec.environment
        workingDirectory = spec.workingDirectory
    }
}
