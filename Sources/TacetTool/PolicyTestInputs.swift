import TacetDocuments

/// The files PolicyTest documents use as inputs: fixtures with deliberate violations, which `check`
/// must not report as the team's own.
enum PolicyTestInputs {
    static func files(in workspace: Workspace) -> Set<String> {
        var files = Set<String>()
        for document in workspace.documents {
            guard case .policyTest(let test) = document.document else { continue }
            for testCase in test.cases {
                for input in testCase.inputs {
                    let path = RelativePath.resolve(input, from: document.file)
                    // An input may be a folder: every file the loader found under it is an input too.
                    files.insert(path)
                    files.formUnion(workspace.files.filter { $0.hasPrefix(path + "/") })
                }
            }
        }
        return files
    }
}
