import ArgumentParser
import TacetDiagnostics
import TacetDocuments
import TacetTool

extension OutputFormat: ExpressibleByArgument {}
extension TacetTool.DiffCommand.Format: ExpressibleByArgument {}
extension TacetTool.PlanCommand.Format: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
