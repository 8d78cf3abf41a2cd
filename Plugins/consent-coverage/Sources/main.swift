import TacetPluginKit

PluginMain.exit(ConsentCoverage())
