/// How to run one child process: what, where, with what input, and within which limits.
public struct ProcessSpec: Sendable {
    /// Absolute path of the executable; never looked up on PATH.
    public var executable: String
    /// argv, including argv[0].
    public var arguments: [String]
    /// The complete environment the child sees; nothing of the host's leaks in beyond this.
    public var environment: [String: String]
    /// The directory the child starts in.
    public var workingDirectory: String
    /// Bytes written to the child's standard input, which is then closed.
    public var input: [UInt8]
    /// Seconds from spawn until the process group is sent SIGTERM.
    public var timeout: Double
    /// Seconds between SIGTERM and SIGKILL.
    public var gracePeriod: Double
    /// Most bytes kept from standard output; one more and the group is killed.
    public var outputCap: Int
    /// Most bytes kept from standard error; one more and the group is killed.
    public var errorCap: Int

    /// Creates a process spec.
    public init(executable: String, arguments: [String], environment: [String: String], workingDirectory: String,
                input: [UInt8] = [], timeout: Double, gracePeriod: Double = 1, outputCap: Int = 16 << 20,
                errorCap: Int = 1 << 20) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.input = input
        self.timeout = timeout
        self.gracePeriod = gracePeriod
        self.outputCap = outputCap
        self.errorCap = errorCap
    }
}
