import TacetDiagnostics
import TacetDocuments
import TacetYAML

/// `tacet test` as a library call: runs PolicyTest cases and measures rule coverage.
///
/// Each case loads its inputs (files or folders, relative to the test document) on their own, so
/// the roster and workflows of one case never leak into another, and checks them as `tacet check`
/// would check them together with the policy the test names (its layers, resolved from the
/// documents given to the run): same engine, same exceptions, same findings.
public struct PolicyTestRunner: Sendable {
    /// The YAML bounds for inputs.
    public var limits: YAMLLimits
    /// The day exceptions and training among the inputs are judged on, unless a case names its own.
    public var today: CalendarDate

    /// Creates a runner.
    public init(limits: YAMLLimits = .default, today: CalendarDate) {
        self.limits = limits
        self.today = today
    }

    /// Every case's result, and the coverage of each policy tested.
    public func run(_ workspace: Workspace) -> (results: [PolicyTestResult], coverage: [PolicyCoverage]) {
        let (policies, _) = PolicyResolver.resolve(workspace.documents)
        var results: [PolicyTestResult] = []
        for document in workspace.documents {
            guard case .policyTest(let test) = document.document else { continue }
            let policy = policies[test.policy]
            for testCase in test.cases {
                results.append(run(testCase, of: document, policy: policy, named: test.policy, among: Array(policies.keys),
                                   policyDocuments: workspace.documents.filter { $0.kind == .policy }))
            }
        }
        var coverage: [PolicyCoverage] = []
        for name in Set(results.compactMap { result -> String? in
            if case .policyTest(let test) = result.document.document { return test.policy }
            return nil
        }).sorted() {
            guard let policy = policies[name], let own = policy.layers.last else { continue }
            // A layer's tests cover what the layer adds; a base policy's also cover the requirements.
            let isBase = policy.layers.count == 1
            let items = policy.rules.filter { $0.document.file == own.file }.map(\.id)
                + (isBase ? Requirement.allCases.map(\.id) : [])
            let exercised = results.filter { result in
                guard case .policyTest(let test) = result.document.document else { return false }
                return test.policy == name && result.passed
            }.reduce(into: Set<String>()) { $0.formUnion($1.exercised) }
            coverage.append(PolicyCoverage(policy: name, items: items, exercised: exercised.intersection(items)))
        }
        return (results, coverage)
    }

    private func run(_ testCase: PolicyTestCase, of document: LoadedDocument, policy tested: ResolvedPolicy?, named name: String,
                     among names: [String], policyDocuments: [LoadedDocument]) -> PolicyTestResult {
        var result = PolicyTestResult(document: document, testCase: testCase, missing: [], unexpected: [], problems: [],
                                      exercised: [])
        guard var policy = tested else {
            result.problems.append(.error(PolicyTestErrorCode.unknownPolicy, "test names policy '\(name)', which is not among the documents loaded",
                                          at: document.location(of: "/policy"), pointer: "/policy",
                                          hint: Suggestion.closest(to: name, in: names).map { "did you mean '\($0)'?" }))
            return result
        }
        guard !policy.hasErrors else {
            result.problems.append(.error(PolicyErrorCode.policyInvalid, "policy '\(name)' has errors; run tacet lint",
                                          at: document.location(of: "/policy"), pointer: "/policy"))
            return result
        }
        let inputs = testCase.inputs.map { RelativePath.resolve($0, from: document.file) }
        let workspace = WorkspaceLoader(limits: limits).load(inputs)
        if !workspace.diagnostics.isEmpty {
            result.problems += workspace.diagnostics
            return result
        }
        // A policy layer among the inputs is checked in place of the tested policy it extends.
        let layers = workspace.documents.filter { $0.kind == .policy }
        if !layers.isEmpty {
            let (stacked, diagnostics) = PolicyResolver.resolve(policyDocuments + layers)
            let extended = Set(layers.flatMap { layer -> [String] in
                if case .policy(let value) = layer.document { return value.extends }
                return []
            })
            guard diagnostics.isEmpty, let leaf = layers.first(where: { !extended.contains($0.name) }),
                  let resolved = stacked[leaf.name], resolved.layers.contains(where: { $0.name == name }) else {
                result.problems += diagnostics
                result.problems.append(.error(PolicyTestErrorCode.layer, "a policy among the inputs must be one layer extending '\(name)'",
                                              at: document.location(of: testCase.pointer + "/inputs"), pointer: testCase.pointer + "/inputs"))
                return result
            }
            policy = resolved
        }
        // The policy's layers are the only policies checked, so a workflow that names none gets this one.
        let documents = policy.layers + workspace.documents.filter { $0.kind != .policy }
        let (findings, problems) = Self.findings(Workspace(documents: documents, files: workspace.files),
                                                 today: testCase.today ?? today)
        result.problems += problems.filter { $0.severity == Severity.error }
        var remaining = findings
        for expected in testCase.expect {
            let file = expected.file.map { RelativePath.resolve($0, from: document.file) }
            if let match = remaining.firstIndex(where: { Self.matches(expected, $0, file: file) }) {
                result.exercised.insert(expected.rule)
                remaining.remove(at: match)
            } else {
                result.missing.append(expected)
            }
        }
        result.unexpected = remaining
        return result
    }

    /// What `tacet check` finds in `workspace`, exceptions applied, and the problems it reports: the
    /// one place tests reach the engine, so that they find exactly what `check` finds.
    static func findings(_ workspace: Workspace, today: CalendarDate) -> (findings: [Diagnostic], problems: [Diagnostic]) {
        // The same two steps as `tacet check` runs, with no plugin in between.
        let report = CheckEngine.findings(workspace, today: today).report()
        return (report.findings, report.problems)
    }

    static func matches(_ expected: ExpectedFinding, _ finding: Diagnostic, file: String?) -> Bool {
        finding.code == expected.rule
            && (expected.path == nil || finding.pointer == expected.path)
            && (file == nil || finding.location?.file == file)
            && (expected.severity == nil || finding.severity == expected.severity)
            && (expected.message.map { finding.message.contains($0) } ?? true)
    }
}
