// Fuzz target plugin-answer: a plugin's stdout bytes through the host's own interpretation of them,
// PluginHost.interpretDescribe, interpretCheck (protocol 1) and interpretBatch (protocol 2), the functions
// that turn an answer into findings and failures, with the bytes also taken as the plugin's stderr
// (PluginFailure.lines). Each diagnostic is rendered as `tacet check` prints it. No process is started:
// the plugin is a manifest and an executable written to a temporary folder and discovered as on disk.
// Built and run by Scripts/fuzz.sh; not part of the package.
import Foundation
import TacetDiagnostics
import TacetDocuments
import TacetPluginHost
import TacetYAML

/// A plugin speaking protocols 1 and 2, named as the shipped phi-scan so its real answers are seeds.
private let manifest = """
    apiVersion: tacet/v1
    kind: Plugin
    metadata: {name: phi-scan, version: 1.0.0}
    command: [./run]
    protocols: [1, 2]
    kinds: [Workflow, LearningPlan]
    timeout: 10

    """

/// The describe answer the check interpretations are judged against when the input is no valid describe answer.
private let describeAnswer = #"""
    {"name": "phi-scan", "version": "1.0.0", "protocols": [1, 2], "kinds": ["Workflow", "LearningPlan"],
     "rules": [{"id": "phi-scan/phone-number", "severity": "error", "summary": "A phone number in free text."},
               {"id": "phi-scan/name-with-date", "severity": "warning", "summary": "A name next to a date.", "citations": ["c"]}]}
    """#

/// Two documents for the answers' findings to point into.
private let workflows = [
    """
    apiVersion: tacet/v1
    kind: Workflow
    metadata: {name: session-planning, team: pediatrics}
    policy: pediatrics
    setting: Inpatient and outpatient pediatrics
    steps:
      - id: repertoire
        task: repertoire-research
        ai: ai-assisted
        tool: research-assistant
        data: [deidentified]
        performer: t-ana
        description: "Call 555-0100 about Jane Doe, born 2019-03-04"
      - {id: read-the-room, task: nonverbal-affect-reading, ai: human-only, performer: t-ana}

    """,
    """
    apiVersion: tacet/v1
    kind: Workflow
    metadata: {name: notes}
    policy: music-therapy-ai-use
    steps:
      - {id: draft, task: progress-note-drafting, ai: ai-drafted, performer: t-ben, reviewer: t-cho, description: "MRN 12345678"}

    """,
]

private struct Fixture {
    let host: PluginHost
    let plugin: DiscoveredPlugin
    let described: DescribedPlugin
    let documents: [LoadedDocument]
}

private let fixture: Fixture = {
    var template = Array((NSTemporaryDirectory() + "/tacet-fuzz-plugins-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot make a temporary folder: errno \(errno)") }
    let folder = String(cString: made) + "/phi-scan"
    let files = FileManager.default
    guard (try? files.createDirectory(atPath: folder, withIntermediateDirectories: false)) != nil,
          files.createFile(atPath: folder + "/plugin.yaml", contents: Data(manifest.utf8)),
          files.createFile(atPath: folder + "/run", contents: Data("#!/bin/sh\nexit 1\n".utf8), attributes: [.posixPermissions: 0o755]),
          let plugin = PluginDiscovery().discover([String(cString: made)]).plugins.first else {
        fatalError("cannot set up the plugin in \(folder)")
    }
    let host = PluginHost(options: PluginRunOptions(jobs: 1, hostEnvironment: [:]))
    guard case .success(let described) = host.interpretDescribe(PluginExchange(output: Array(describeAnswer.utf8), errorLines: []), of: plugin),
          described.version == 2 else {
        fatalError("the fixed describe answer is refused")
    }
    let documents = workflows.enumerated().map { index, text -> LoadedDocument in
        guard let root = try? YAMLParser().parse(text), let document = DocumentDecoder.decode(root, file: "w\(index).yaml").document else {
            fatalError("fixture workflow \(index) does not load")
        }
        return document
    }
    return Fixture(host: host, plugin: plugin, described: described, documents: documents)
}()

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = fixture.documents.count  // set up before the first input, so a broken fixture fails at once
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let exchange = PluginExchange(output: bytes, errorLines: PluginFailure.lines(of: bytes))
    let sources = Dictionary(uniqueKeysWithValues: zip(["w0.yaml", "w1.yaml"], workflows.map { Array($0.utf8) }))
    let renderer = DiagnosticRenderer(source: { sources[$0] })
    let host = fixture.host
    var described = fixture.described
    switch host.interpretDescribe(exchange, of: fixture.plugin) {
    case .success(let answered): described = answered
    case .failure(let failure): _ = renderer.render(failure.diagnostic(describing: fixture.plugin, severity: .error))
    }
    _ = renderer.render(host.interpretCheck(exchange, on: fixture.documents[0], by: described))
    _ = renderer.render(host.interpretBatch(exchange, on: fixture.documents, by: described))
    _ = renderer.render(host.interpretBatch(exchange, on: [fixture.documents[1]], by: described))
    return 0
}
