import Foundation
import TacetPlanning
import TacetTestSupport

/// The exact reference, `Scripts/plan-reference.py`: a CP-SAT model (OR-Tools) of the planner's
/// documented rules, run by the Python of `.build/ci-venv`, where `.ci/run` installs `ortools`.
public enum PlanReference {
    /// What the reference says of one problem.
    public enum Outcome: Equatable, Sendable {
        /// The least cost, and the fewest hours at that cost (pinned courses included, as in a plan).
        case optimal(cost: Double, hours: Double)
        /// No plan meets the rules.
        case infeasible
        /// The solver stopped at its time limit.
        case unknown
    }

    /// The Python that has `ortools`.
    public static let python = Repository.path(".build/ci-venv/bin/python3")

    /// Why the reference cannot run here, or nil when it can.
    public static func unavailable() -> String? {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            return "no .build/ci-venv (.ci/run creates it and installs ortools there)"
        }
        guard let check = try? run(["-c", "import ortools"], input: nil), check.status == 0 else {
            return "ortools is not installed in .build/ci-venv (.ci/run installs it: .build/ci-venv/bin/pip install ortools)"
        }
        return nil
    }

    /// The reference's answer for each of `problems`, in order.
    public static func solve(_ problems: [PlanningProblem]) throws -> [Outcome] {
        let input = try PlanningProblem.referenceJSON(problems)
        let result = try run([Repository.path("Scripts/plan-reference.py")], input: input)
        guard result.status == 0 else { throw Failure(message: "plan-reference.py exited with \(result.status): \(result.stderr)") }
        let lines = result.stdout.split(separator: "\n")
        guard lines.count == problems.count else {
            throw Failure(message: "plan-reference.py answered \(lines.count) of \(problems.count) problems: \(result.stderr)")
        }
        return try lines.map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let status = object["status"] as? String else { throw Failure(message: "unreadable answer: \(line)") }
            switch status {
            case "optimal":
                guard let cost = object["cost"] as? Double, let hours = object["hours"] as? Double else {
                    throw Failure(message: "unreadable answer: \(line)")
                }
                return .optimal(cost: cost, hours: hours)
            case "infeasible": return .infeasible
            default: return .unknown
            }
        }
    }

    /// Why the reference gave no answer.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public var message: String
        public var description: String { message }
    }

    private static func run(_ arguments: [String], input: Data?) throws -> (status: Int32, stdout: String, stderr: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tacet-reference-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = ["stdin", "stdout", "stderr"].map { scratch.appendingPathComponent($0) }
        try (input ?? Data()).write(to: files[0])
        for file in files.dropFirst() { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        // Files, not pipes: nothing can block on a full pipe buffer.
        process.standardInput = try FileHandle(forReadingFrom: files[0])
        process.standardOutput = try FileHandle(forWritingTo: files[1])
        process.standardError = try FileHandle(forWritingTo: files[2])
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: files[1], encoding: .utf8)) ?? "",
                (try? String(contentsOf: files[2], encoding: .utf8)) ?? "")
    }
}
