import Foundation
import TacetDocuments

/// The files PolicyTest documents use as inputs: fixtures with deliberate violations, which `check`
/// must not report as the team's own.
enum PolicyTestInputs {
    static func files(in workspace: Workspace) -> Set<String> {
        var files = Set<String>()
        for document in workspace.documents {
            guard case .policyTest(let test) = document.document else { continue }
            let directory = (document.file as NSString).deletingLastPathComponent
            for testCase in test.cases {
                for input in testCase.inputs { files.insert(resolve(input, from: directory)) }
            }
        }
        return files
    }

    /// `input` relative to `directory`, in the same spelling the loader gives files found under it.
    static func resolve(_ input: String, from directory: String) -> String {
        let joined = input.hasPrefix("/") ? input : (directory.isEmpty ? input : directory + "/" + input)
        return (joined as NSString).standardizingPath
    }
}
