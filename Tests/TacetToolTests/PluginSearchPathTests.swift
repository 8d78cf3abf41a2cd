import Foundation
import Testing
import TacetPluginHost
import TacetTestSupport
import TacetTool

/// The plugin search path: `--plugins` alone when given; else the project file's folders, `./Plugins`,
/// `TACET_PLUGIN_PATH` and the shipped plugins, in that order.
@Suite("Plugin search path")
struct PluginSearchPathTests {
    static let installation = Installation.installed(at: "/opt/tacet/share/tacet")

    @Test("without --plugins: the project's folders, ./Plugins, TACET_PLUGIN_PATH, then the shipped plugins")
    func order() {
        let path = PluginSearchPath(flags: [], projectFolders: ["checks", "/srv/shared-checks"], workingDirectory: "/clinic",
                                    environment: ["TACET_PLUGIN_PATH": "/a::relative/b:"], installation: Self.installation)
        #expect(path.directories == [
            PluginDirectory("/clinic/checks", origin: .project),
            PluginDirectory("/srv/shared-checks", origin: .project),
            PluginDirectory("/clinic/Plugins", origin: .workingDirectory),
            PluginDirectory("/a", origin: .environment),
            PluginDirectory("/clinic/relative/b", origin: .environment),
            PluginDirectory("/opt/tacet/share/tacet/plugins", origin: .shipped),
        ])
    }

    @Test("with a project file in reach, Plugins is the project root's, from whichever folder below it tacet runs")
    func projectRootPlugins() {
        let path = PluginSearchPath(flags: [], projectFolders: ["/clinic/checks"], projectRoot: "/clinic",
                                    workingDirectory: "/clinic/teams/oncology", environment: [:], installation: nil)
        #expect(path.directories == [PluginDirectory("/clinic/checks", origin: .project),
                                     PluginDirectory("/clinic/Plugins", origin: .workingDirectory)])
    }

    @Test("--plugins alone, when given")
    func flagsAlone() {
        let path = PluginSearchPath(flags: ["mine", "/x"], projectFolders: ["checks"], workingDirectory: "/clinic",
                                    environment: ["TACET_PLUGIN_PATH": "/a"], installation: Self.installation)
        #expect(path.directories == [PluginDirectory("mine", origin: .flag), PluginDirectory("/x", origin: .flag)])
    }

    @Test("no installation and no TACET_PLUGIN_PATH: ./Plugins only")
    func bare() {
        let path = PluginSearchPath(flags: [], workingDirectory: "/clinic", environment: [:], installation: nil)
        #expect(path.directories == [PluginDirectory("/clinic/Plugins", origin: .workingDirectory)])
    }

    @Test("a check runs no plugins when no folder on the search path exists, and searches the named ones even when missing")
    func checkSettings() throws {
        let directory = try TemporaryDirectory()
        let options = PluginRunOptions(jobs: 1, failureSeverity: .error, hostEnvironment: [:])
        let nothing = PluginSearchPath(flags: [], workingDirectory: directory.path,
                                       environment: ["TACET_PLUGIN_PATH": directory.path + "/missing"], installation: nil)
        #expect(PluginSettings.forCheck(nothing, options: options) == nil)
        let named = PluginSearchPath(flags: [], projectFolders: ["missing"], workingDirectory: directory.path, environment: [:], installation: nil)
        #expect(PluginSettings.forCheck(named, options: options)?.directories.first == PluginDirectory(directory.path + "/missing", origin: .project))
        try FileManager.default.createDirectory(atPath: directory.path + "/env", withIntermediateDirectories: true)
        let listed = PluginSearchPath(flags: [], workingDirectory: directory.path, environment: ["TACET_PLUGIN_PATH": "env"], installation: nil)
        #expect(PluginSettings.forCheck(listed, options: options)?.directories.count == 2)
    }

    @Test("in its source tree, ./Plugins and the shipped plugins are one folder, searched once")
    func sourceTreeOnce() throws {
        let installation = try #require(try Installation.locate(environment: [:], executable: TacetBinary.url.path))
        let path = PluginSearchPath(flags: [], workingDirectory: Repository.root, environment: [:], installation: installation)
        let catalog = PluginDiscovery().discover(searching: path.directories)
        #expect(catalog.plugins.map(\.name) == ["consent-coverage", "phi-scan"])
        #expect(catalog.shadowed.isEmpty)
        #expect(catalog.searched.map(\.origin) == [.workingDirectory])
    }
}
