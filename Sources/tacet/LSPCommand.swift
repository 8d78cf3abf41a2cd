import ArgumentParser
import Foundation
import TacetDocuments
import TacetLanguageServer
import TacetPluginHost
import TacetTool

/// `tacet lsp`.
struct LSPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server for editors, over standard input and output.",
        discussion: """
            Speaks the Language Server Protocol (3.17): diagnostics as you type, from the same checks as \
            tacet check, over the workspace tacet.yaml names (else every Tacet document in the editor's \
            workspace folders), with unsaved buffers read instead of their files. Checker plugins run on \
            save. Started by the editor, not by hand: see the README's Editors section.
            """
    )

    @Flag(help: "Talk over standard input and output (the only transport; accepted because editors pass it).")
    var stdio = false

    @Flag(name: .customLong("no-plugins"), help: "Run no checker plugins on save.")
    var noPlugins = false

    @Option(help: "Judge exception expiry as of this date (YYYY-MM-DD) instead of today.")
    var today: CalendarDate?

    func run() async throws {
        let installation = try ShippedDefaults.locate()
        // A client that goes away must end the server with an error status, not a signal.
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessInfo.processInfo.environment
        let cache = DescribeCache.directory(environment: environment).map { DescribeCache(directory: $0, mode: .use) }
        let plugins = noPlugins ? nil : PluginRunOptions(jobs: ProcessInfo.processInfo.activeProcessorCount, hostEnvironment: environment,
                                                         describeCache: cache)
        let options = LanguageServerOptions(today: today, installation: installation, plugins: plugins, environment: environment,
                                            documentationBase: LanguageServerOptions.documentationBase(in: installation))
        let status = await LanguageServer.serve(input: FileDescriptorSource(descriptor: 0), output: 1, options: options)
        throw ExitCode(status)
    }
}
