import TacetDiagnostics
import TacetPluginProtocol

/// How plugins are run.
public struct PluginRunOptions: Sendable {
    /// Most plugin processes at once.
    public var jobs: Int
    /// The severity of a plugin failure (`--plugin-failures`).
    public var failureSeverity: Severity
    /// The host's environment, from which only the allowlist passes (``PluginEnvironment``).
    public var hostEnvironment: [String: String]
    /// Protocol versions the host speaks.
    public var hostVersions: [Int]
    /// Seconds between SIGTERM and SIGKILL after a timeout.
    public var gracePeriod: Double
    /// Most bytes read from a plugin's stdout.
    public var outputCap: Int
    /// Most bytes read from a plugin's stderr.
    public var errorCap: Int
    /// Where describe answers are kept between runs; nil asks every plugin afresh and keeps nothing (`--no-cache`).
    public var describeCache: DescribeCache?

    /// Creates options; the caps default to 16 MiB (stdout, the YAML input limit) and 1 MiB (stderr).
    public init(jobs: Int, failureSeverity: Severity = .error, hostEnvironment: [String: String],
                hostVersions: [Int] = PluginProtocol.versions, gracePeriod: Double = 1,
                outputCap: Int = 16 << 20, errorCap: Int = 1 << 20, describeCache: DescribeCache? = nil) {
        self.jobs = jobs
        self.failureSeverity = failureSeverity
        self.hostEnvironment = hostEnvironment
        self.hostVersions = hostVersions
        self.gracePeriod = gracePeriod
        self.outputCap = outputCap
        self.errorCap = errorCap
        self.describeCache = describeCache
    }
}
