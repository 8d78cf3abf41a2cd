import Testing
import TacetDocuments
import TacetTestSupport

/// Loading with an editor's unsaved buffers (an overlay) and with the cache of earlier loads.
@Suite("Workspace loading with buffers and a cache")
struct LoadOverlayTests {
    private static let profile = """
        apiVersion: tacet/v1
        kind: Therapist
        metadata: {name: ana}
        name: Ana
        role: music-therapist
        credential: {name: MT-BC, cycleStart: 2024-01-01, cycleEnd: 2028-12-31}
        levels: {documentation: developing}

        """

    @Test("a buffer is read instead of its file, and a buffer the paths do not reach is loaded after them")
    func overlay() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("ana.yaml", Self.profile)
        let unsaved = directory.path + "/elsewhere/new.yaml"
        let buffer = Array(Self.profile.replacingOccurrences(of: "developing", with: "expert").utf8)
        let workspace = WorkspaceLoader().load([directory.path], overlay: [file: buffer, unsaved: Array("kind: [".utf8)])
        #expect(workspace.files == [file, unsaved])
        #expect(workspace.diagnostics.map(\.code) == ["document.invalid-value", "yaml.syntax"])
        #expect(workspace.diagnostics.first?.location?.file == file)
        #expect(workspace.sources[file] == buffer)
    }

    @Test("a cached file is reused only while its bytes are the same")
    func cache() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("ana.yaml", Self.profile)
        let loader = WorkspaceLoader(cache: LoadCache())
        #expect(loader.load([directory.path]).diagnostics.isEmpty)
        #expect(loader.load([directory.path]).documents.map(\.name) == ["ana"])
        _ = try directory.write("ana.yaml", Self.profile.replacingOccurrences(of: "name: ana", with: "name: ben"))
        #expect(loader.load([directory.path]).documents.map(\.name) == ["ben"])
        let edited = loader.load([directory.path], overlay: [file: Array(Self.profile.replacingOccurrences(of: "developing", with: "expert").utf8)])
        #expect(edited.diagnostics.map(\.code) == ["document.invalid-value"])
        #expect(loader.load([directory.path]).documents.map(\.name) == ["ben"])
    }
}
