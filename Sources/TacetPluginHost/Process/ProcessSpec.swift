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
    /// Bytes written to the child's standard input, part after part, which is then closed. Parts rather
    /// than one array so that calls sharing a document's request text share its storage (arrays are
    /// copy-on-write) instead of each holding a copy: with eight plugins, one copy instead of eight.
    public var inputParts: [[UInt8]]
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
        self.inputParts = input.isEmpty ? [] : [input]
        self.timeout = timeout
        self.gracePeriod = gracePeriod
        self.outputCap = outputCap
        self.errorCap = errorCap
    }

    /// The whole input as one array (a copy; the child is written ``inputParts`` directly).
    public var input: [UInt8] {
        get { Array(inputParts.joined()) }
        set { inputParts = newValue.isEmpty ? [] : [newValue] }
    }

    /// How many bytes the input holds.
    public var inputCount: Int { inputParts.reduce(0) { $0 + $1.count } }
}
