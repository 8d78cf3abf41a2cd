import TacetYAML

extension Framework {
    /// The framework's imported part as a YAML value, in the order a reader expects: envelope,
    /// occupation, levels, statements, and areas when present. AI-at-Work statements, durable skills
    /// and citations are written by hand in the committed file, so this never writes them.
    public var yamlValue: YAMLValue {
        var metadataEntries: [(String, YAMLValue)] = [("name", .string(metadata.name))]
        if let title = metadata.title { metadataEntries.append(("title", .string(title))) }
        if let version = metadata.version { metadataEntries.append(("version", .string(version))) }
        var entries: [(String, YAMLValue)] = [
            ("apiVersion", .string(DocumentDecoder.apiVersion)),
            ("kind", .string(Self.kind.rawValue)),
            ("metadata", .mapping(metadataEntries)),
            ("occupation", .mapping([("soc", .string(occupation.soc)), ("title", .string(occupation.title))])),
            ("levels", .sequence(CompetencyLevel.allCases.map { .string($0.rawValue) })),
            ("statements", .sequence(statements.map { statement in
                .mapping([("id", .string(statement.id)), ("level", .string(statement.level.rawValue)),
                          ("title", .string(statement.title)), ("description", .string(statement.description))])
            })),
        ]
        if !areas.isEmpty {
            entries.append(("areas", .sequence(areas.map { area in
                var fields: [(String, YAMLValue)] = [("id", .string(area.id)), ("title", .string(area.title))]
                if let rationale = area.rationale { fields.append(("rationale", .string(rationale))) }
                fields.append(("chain", .sequence(area.chain.map(YAMLValue.string))))
                if !area.cite.isEmpty { fields.append(("cite", .sequence(area.cite.map(YAMLValue.string)))) }
                return .mapping(fields)
            })))
        }
        return .mapping(entries)
    }
}
