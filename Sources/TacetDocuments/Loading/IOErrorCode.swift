import TacetDiagnostics

/// Problems reading and writing files: `io.*` codes. Every read and write failure carries the operating
/// system's reason in its message (see ``FileIO``).
public enum IOErrorCode: String, Sendable, Hashable, CaseIterable, DiagnosticCode {
    case read = "io.read"
    case write = "io.write"
    case overwriteInput = "io.overwrite-input"
    case noDocuments = "io.no-documents"
    case noProject = "io.no-project"
    case noShippedDefaults = "io.no-shipped-defaults"
    case invalidHome = "io.invalid-tacet-home"
    case noProjectFolder = "io.no-project-folder"
    case git = "io.git"

    /// What the code means, in one line.
    public var summary: String {
        switch self {
        case .read: "a file or folder could not be read; the message gives the operating system's reason "
            + "(`No such file or directory`, `Is a directory`, `Not a directory`, `Too many levels of symbolic links`, "
            + "`Permission denied`)"
        case .write: "an output file or folder could not be written; the message gives the operating system's reason"
        case .overwriteInput: "the output path is one of the run's inputs (compared after resolving links): Tacet never "
            + "writes over an input"
        case .noDocuments: "the paths hold no .yaml or .yml file, so the run cannot pass"
        case .noProject: "no paths were given and no tacet.yaml is in the working directory or a folder above it"
        case .noShippedDefaults: "tacet.yaml says `defaults: shipped`, but this tacet finds no shipped defaults "
            + "(no share/tacet beside it, no TACET_HOME)"
        case .invalidHome: "TACET_HOME is set, but the folder it names holds no Tacet installation (no "
            + "policies/music-therapy-ai-use.yaml): every command refuses to run rather than go on without the shipped "
            + "policy and plugins"
        case .noProjectFolder: "a folder (or file) that tacet.yaml names under policies, curricula, teams or plugins does "
            + "not exist; the error points at its entry in tacet.yaml"
        case .git: "`tacet diff` could not read a git revision: git is not installed, the working directory is not in a "
            + "git repository, or the revision is unknown; the message says which, in git's or the operating system's words"
        }
    }

    /// The severity these codes are reported with.
    public var defaultSeverity: Severity { .error }
}
