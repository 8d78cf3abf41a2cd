/// The codes of file errors; the raw value is the diagnostic code. Every read and write failure
/// carries the operating system's reason in its message (see ``FileIO``).
public enum IOErrorCode: String, Sendable, Hashable, CaseIterable {
    /// A file or folder could not be read: missing, a folder where a file was expected, a symbolic
    /// link loop, no permission.
    case read = "io.read"
    /// An output file or folder could not be written.
    case write = "io.write"
    /// The output path is one of the run's inputs, which Tacet never overwrites.
    case overwriteInput = "io.overwrite-input"
    /// The paths hold no `.yaml` or `.yml` file at all, so an empty run cannot pass.
    case noDocuments = "io.no-documents"
}
