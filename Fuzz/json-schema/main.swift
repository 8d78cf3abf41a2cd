// Fuzz target json-schema: fuzzed JSON, decoded as `tacet plugin test` decodes a plugin's answer, through
// the JSON Schema validator against every shipped schema (docs/schemas: each document kind's and the
// plugin protocol's, v1 and v2). The schemas are read once from the source tree named by
// $TACET_SOURCE_ROOT (Scripts/fuzz.sh sets it), or the current folder.
// Built and run by Scripts/fuzz.sh; not part of the package.
import Foundation
import TacetPluginProtocol
import TacetSchemas

/// A validator for each shipped schema, by file name.
private let validators: [(name: String, validator: SchemaValidator)] = {
    let root = ProcessInfo.processInfo.environment["TACET_SOURCE_ROOT"] ?? FileManager.default.currentDirectoryPath
    let folder = root + "/docs/schemas"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    let loaded = names.compactMap { name -> (String, SchemaValidator)? in
        guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8),
              let validator = try? SchemaValidator(schema: text) else { fatalError("cannot read the schema \(folder)/\(name)") }
        return (name, validator)
    }
    guard !loaded.isEmpty else { fatalError("no schemas in \(folder): set TACET_SOURCE_ROOT to the Tacet source tree") }
    return loaded
}()

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = validators.count  // read the schemas before the first input, so a missing tree fails at once
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(UnsafeBufferPointer(start: $0, count: size)) } ?? Data()
    guard let value = try? JSONDecoder().decode(JSONValue.self, from: bytes) else { return 0 }
    for (_, validator) in validators { _ = validator.validate(value) }
    return 0
}
