// Fuzz target workspace: a whole workspace of fuzzed documents through `tacet check` (CheckCommand, so
// the CheckPipeline: load, policies resolved, workflows checked against policy and roster, plans
// audited, exceptions applied, one report) in one of its output formats, with the text format's
// diagnostics rendered against their source lines as the CLI prints them.
//
// The input is split into files at each line that is exactly `---` (at most 12 files): a seed is a
// policy, the roster and a workflow joined that way, so mutations reach the checker, not only the parser.
// Built and run by Scripts/fuzz.sh; not part of the package.
import Dispatch
import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetTool

/// The most files one input is split into.
private let maxFiles = 12
/// A fixed day, so one input always gives one result (exceptions and credential cycles depend on it).
private let today = CalendarDate(year: 2026, month: 12, day: 1) ?? .epoch

/// What the check task hands back to the fuzzer's thread.
private final class Outcome: @unchecked Sendable {
    // @unchecked: written by the task before the semaphore is signalled, read after the wait.
    var value: ToolOutcome?
}

/// The input's files: split at every `\n---\n`.
private func files(of bytes: [UInt8]) -> [[UInt8]] {
    let separator = Array("\n---\n".utf8)
    var parts: [[UInt8]] = []
    var start = 0
    var index = 0
    while index + separator.count <= bytes.count, parts.count < maxFiles - 1 {
        if bytes[index..<index + separator.count].elementsEqual(separator) {
            parts.append(Array(bytes[start...index]))
            start = index + separator.count
            index = start
        } else {
            index += 1
        }
    }
    parts.append(Array(bytes[start...]))
    return parts
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var template = Array((NSTemporaryDirectory() + "/tacet-fuzz-workspace-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot make a temporary folder: errno \(errno)") }
    let folder = String(cString: made)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (index, file) in files(of: bytes).enumerated() {
        let path = folder + "/f\(index < 10 ? "0" : "")\(index).yaml"
        guard FileManager.default.createFile(atPath: path, contents: Data(file)) else { fatalError("cannot write \(path)") }
    }
    let format = OutputFormat.allCases[bytes.count % OutputFormat.allCases.count]
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task {
        outcome.value = await CheckCommand.run(paths: [folder], format: format, today: today, plugins: nil)
        done.signal()
    }
    done.wait()
    guard let result = outcome.value else { fatalError("check returned nothing") }
    let sources = result.sources
    let renderer = DiagnosticRenderer(source: { sources[$0] })
    _ = renderer.render(result.diagnostics)
    _ = renderer.render(result.findings)
    return 0
}
