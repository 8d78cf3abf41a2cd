// Fuzz target documents: YAML bytes -> every document kind's strict decoder, as `tacet validate` runs it
// (parse under the production limits, decode by `kind`, render each diagnostic with its source line),
// plus the traced decode `tacet lint` and the schema tests use. The seeds hold every kind, so the
// fuzzer mutates each decoder's own keys. Built and run by Scripts/fuzz.sh; not part of the package.
import TacetDiagnostics
import TacetDocuments
import TacetYAML

private let parser = YAMLParser(limits: .default)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let renderer = DiagnosticRenderer(source: { _ in bytes })
    let root: Node
    do {
        root = try parser.parse(bytes)
    } catch {
        _ = renderer.render(error.diagnostic(file: "input.yaml"))
        return 0
    }
    let decoded = DocumentDecoder.decode(root, file: "input.yaml")
    _ = renderer.render(decoded.diagnostics)
    if decoded.diagnostics.contains(where: { $0.severity == .error }) != (decoded.document == nil) {
        fatalError("a document decoded with errors, or failed to decode without one")
    }
    let traced = DocumentDecoder.trace(root, file: "input.yaml")
    if (traced.document == nil) != (decoded.document == nil) {
        fatalError("the traced decode disagrees with the plain one")
    }
    return 0
}
