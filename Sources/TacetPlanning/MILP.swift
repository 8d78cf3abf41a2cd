import CCbc
import Foundation

/// A mixed-integer linear program, minimised: columns with bounds, objective coefficients and
/// integrality, and rows as sparse sums between two bounds. A plain value, solved by COIN-OR CBC.
struct MILP {
    /// One variable.
    struct Column {
        var lower: Double
        var upper: Double
        var objective: Double
        var integer: Bool
    }

    /// One constraint: `lower <= sum(coefficient * column) <= upper`.
    struct Row {
        var terms: [(column: Int, coefficient: Double)]
        var lower: Double
        var upper: Double
    }

    /// Serialises CBC's solves (see ``solve(timeLimit:)``).
    private static let lock = NSLock()

    private(set) var columns: [Column] = []
    private(set) var rows: [Row] = []
    /// Whether a row without terms excludes 0: then nothing is feasible, and CBC is not asked.
    private(set) var emptyRowFails = false

    /// Adds a column and returns its index.
    @discardableResult
    mutating func addColumn(lower: Double = 0, upper: Double = 1, objective: Double = 0, integer: Bool = true) -> Int {
        columns.append(Column(lower: lower, upper: upper, objective: objective, integer: integer))
        return columns.count - 1
    }

    /// Adds `lower <= terms <= upper`. A row without terms holds or fails by its bounds alone, so it is
    /// not passed to CBC.
    mutating func addRow(_ terms: [(column: Int, coefficient: Double)], lower: Double = -.infinity, upper: Double = .infinity) {
        if terms.isEmpty {
            if lower > 0 || upper < 0 { emptyRowFails = true }
            return
        }
        rows.append(Row(terms: terms, lower: lower, upper: upper))
    }

    /// Adds `lower <= terms <= upper` over integer columns whose coefficients are amounts in whole
    /// hundredths (credits, hours, money), tightened to what integer columns can reach: the row is
    /// divided by its coefficients' greatest common divisor and each bound rounded inward to a whole
    /// number. Exact, and it closes what the linear relaxation otherwise leaves open: credits that come
    /// in half-credit steps cannot meet a need of 69.1 below 69.5, which no plan can show the
    /// relaxation. Amounts finer than hundredths, or continuous columns, leave the row as it is.
    mutating func addAmountRow(_ terms: [(column: Int, coefficient: Double)], lower: Double = -.infinity, upper: Double = .infinity) {
        let scaled = terms.map { $0.coefficient * 100 }
        let whole = scaled.map { $0.rounded() }
        let divisor = whole.reduce(0) { Self.gcd($0, Int(abs($1))) }
        guard divisor > 0, terms.allSatisfy({ columns[$0.column].integer }), zip(scaled, whole).allSatisfy({ abs($0 - $1) < 1e-6 }) else {
            addRow(terms, lower: lower, upper: upper)
            return
        }
        let unit = Double(divisor)
        // Bounds come with the planner's tolerance already; a bound within a millionth of a step of a
        // reachable sum keeps that sum.
        let low = lower.isFinite ? (lower * 100 / unit - 1e-6).rounded(.up) : lower
        let high = upper.isFinite ? (upper * 100 / unit + 1e-6).rounded(.down) : upper
        addRow(zip(terms, whole).map { ($0.column, $1 / unit) }, lower: low, upper: high)
    }

    /// The rows' coefficients column by column, as CBC and Clp load a problem.
    func columnMajor() -> (starts: [CoinBigIndex], indexes: [Int32], values: [Double]) {
        var byColumn = Array(repeating: [(row: Int32, coefficient: Double)](), count: columns.count)
        for (r, row) in rows.enumerated() {
            for term in row.terms where term.coefficient != 0 { byColumn[term.column].append((Int32(r), term.coefficient)) }
        }
        var starts: [CoinBigIndex] = [0]
        var indexes: [Int32] = []
        var values: [Double] = []
        for column in byColumn {
            indexes += column.map(\.row)
            values += column.map(\.coefficient)
            starts.append(CoinBigIndex(indexes.count))
        }
        return (starts, indexes, values)
    }

    /// A bound as CBC and Clp take it: their infinity is DBL_MAX.
    static func finite(_ value: Double) -> Double {
        value == .infinity ? .greatestFiniteMagnitude : value == -.infinity ? -.greatestFiniteMagnitude : value
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// Sets a column's objective coefficient.
    mutating func setObjective(_ column: Int, _ coefficient: Double) {
        columns[column].objective = coefficient
    }

    /// Solves the program with CBC within `timeLimit` seconds, looking only for solutions whose
    /// objective is below `cutoff`. Nil when CBC cannot make a model.
    ///
    /// No known solution is passed as a start: CBC 2.10 looks a start's columns up by name in its
    /// preprocessed model and fails (printing) when presolve removed one. A caller that knows a
    /// solution passes its objective, less one step, as the cutoff instead: CBC then prunes with it
    /// from the first node, and "infeasible" proves the known solution optimal.
    func solve(timeLimit: Double, cutoff: Double? = nil) -> MILPSolution? {
        if emptyRowFails { return MILPSolution(status: .infeasible, values: [], objective: .infinity, bound: .infinity) }
        // Nothing to choose (every row has a column): the empty solution is the only one, and it holds.
        if columns.isEmpty { return MILPSolution(status: .optimal, values: [], objective: 0, bound: 0) }
        // CBC 2.10's solve (CbcMain1) keeps state in statics: two solves at once, on two threads, hang or
        // corrupt each other (tiny programs ran into the 10 s limit when the tests ran in parallel). One
        // solve at a time, process-wide; the search before it still runs on every core. Kept after a second
        // look: CBC's maintainers list CbcMain0/CbcMain1 as not thread-safe on the 2.10 branch (coin-or/Cbc
        // issue 332, open), safe only in builds made with CBC_THREAD_SAFE, which a system package need not be.
        let clock = ContinuousClock()
        let asked = clock.now
        Self.lock.lock()
        defer { Self.lock.unlock() }
        // The wait for another therapist's solve counts against this one's time: the limit is the therapist's.
        let waited = clock.now - asked
        let timeLimit = timeLimit - waited.seconds
        // Every objective here is a sum of non-negative amounts: 0 bounds it from below.
        guard timeLimit > 0 else { return MILPSolution(status: .stopped, values: [], objective: .infinity, bound: 0) }
        let started = clock.now
        guard let model = CbcModel() else { return nil }
        let matrix = columnMajor()
        Cbc_loadProblem(model.handle, Int32(columns.count), Int32(rows.count), matrix.starts, matrix.indexes, matrix.values,
                        columns.map { Self.finite($0.lower) }, columns.map { Self.finite($0.upper) }, columns.map(\.objective),
                        rows.map { Self.finite($0.lower) }, rows.map { Self.finite($0.upper) })
        for (index, column) in columns.enumerated() where column.integer { Cbc_setInteger(model.handle, Int32(index)) }
        Cbc_setObjSense(model.handle, 1)
        // No integer preprocessing: CBC 2.10's (its default, "sos") returned a dearer plan as proven optimal once the
        // model placed each course as early as it can (PlannerTests' CBC-alone comparison, random problem 122: 130
        // where brute force finds 115; the same program solved without preprocessing gives 115). Off, the 700
        // brute-force problems agree, and the hard benchmark seeds settle about as fast (PlanBench seeds 5 64 137
        // 245 142 184 22 1, one run each: 0.1-4.0 s against 0.3-7.9 s with it).
        Cbc_setParameter(model.handle, "preprocess", "off")
        // Gomory cuts (and knapsack covers, below) only, and no primal heuristics: on these small programs CBC's default root (every cut
        // family, feasibility pump, RINS and the rest) took most of a solve, often seconds before the first
        // branch. Measured on the 111 programs of 60 small and 12 large planning problems at 4 s each (issue
        // 19): 99 settled against 95 by the defaults, the median settled one in 0.08 s against 0.15 s; on the
        // 60 small problems of PlannerReferenceTests, 3 left unproven against 5. The plan the search found
        // comes in as the cutoff, so the heuristics' first solution is rarely needed.
        for family in ["probing", "clique", "flow", "mixed", "twomir"] { Cbc_setParameter(model.handle, family, "off") }
        Cbc_setParameter(model.handle, "gomory", "on")
        // And knapsack covers, for the yearly budgets: a year's hours and money rows are knapsacks, which the linear
        // relaxation fills with fractions of courses (PlanBench settle 500, two runs side by side, then with
        // preprocessing: 497 settled with them, 495 without).
        Cbc_setParameter(model.handle, "knapsack", "on")
        Cbc_setParameter(model.handle, "heuristics", "off")
        // The time limit is the therapist's wall-clock seconds, not CBC's default of CPU time, which on a
        // busy machine let a solve run far past it.
        Cbc_setParameter(model.handle, "timeMode", "elapsed")
        Cbc_setMaximumSeconds(model.handle, max(timeLimit, 0.001))
        // Proven means proven: no relative or absolute optimality gap.
        Cbc_setAllowableFractionGap(model.handle, 0)
        Cbc_setAllowableGap(model.handle, 1e-9)
        if let cutoff { Cbc_setCutoff(model.handle, cutoff) }
        Cbc_solve(model.handle)
        // CBC 2.10 stopped by its time limit during preprocessing can report the program "finished" and proven
        // infeasible (status 0, secondary status 1) when it is not: a 300-course planning program with a plan
        // costing 880 came back infeasible at limits of 0.2-0.3 s, and the planner said no plan exists. A proof
        // is trusted only from a solve that ended clearly before the limit (CBC's clock starts after this one).
        let spent = clock.now - started
        let trusted = spent.seconds < timeLimit * 0.95
        var found = Cbc_bestSolution(model.handle).map { Array(UnsafeBufferPointer(start: $0, count: columns.count)) } ?? []
        // A program CBC's presolve settles without branching may leave its solution only in the columns' values.
        if found.isEmpty, trusted, Cbc_isProvenOptimal(model.handle) != 0, let solution = Cbc_getColSolution(model.handle) {
            found = Array(UnsafeBufferPointer(start: solution, count: columns.count))
        }
        let status: MILPSolution.Status
        if trusted && Cbc_isProvenOptimal(model.handle) != 0 && !found.isEmpty {
            status = .optimal
        } else if trusted && Cbc_isProvenInfeasible(model.handle) != 0 && found.isEmpty {
            status = .infeasible
        } else {
            status = .stopped
        }
        // A claim of a finished solve that is not trusted says nothing of the bound either; every objective here is a
        // sum of non-negative amounts, so 0 bounds it.
        let claimed = Cbc_isProvenOptimal(model.handle) != 0 || Cbc_isProvenInfeasible(model.handle) != 0
        return MILPSolution(status: status, values: found, objective: found.isEmpty ? .infinity : Cbc_getObjValue(model.handle),
                            bound: trusted || !claimed ? Cbc_getBestPossibleObjValue(model.handle) : 0)
    }
}
