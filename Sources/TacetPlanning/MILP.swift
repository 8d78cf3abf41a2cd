import CCbc
import CCbcModel

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
    /// objective is below `cutoff`. Nil when CBC failed (threw: out of memory, say).
    ///
    /// Each call builds and drops its own CBC model (``CCbcModel``'s `tacet_cbc_solve`), so solves run
    /// on every core at once. No known solution is passed as a start; a caller that knows one passes its
    /// objective, less one step, as the cutoff instead: CBC then prunes with it from the first node, and
    /// "infeasible" proves the known solution optimal.
    func solve(timeLimit: Double, cutoff: Double? = nil) -> MILPSolution? {
        if emptyRowFails { return MILPSolution(status: .infeasible, values: [], objective: .infinity, bound: .infinity) }
        // Nothing to choose (every row has a column): the empty solution is the only one, and it holds.
        if columns.isEmpty { return MILPSolution(status: .optimal, values: [], objective: 0, bound: 0) }
        // Every objective here is a sum of non-negative amounts: 0 bounds it from below.
        guard timeLimit > 0 else { return MILPSolution(status: .stopped, values: [], objective: .infinity, bound: 0) }
        let matrix = columnMajor()
        var values = Array(repeating: 0.0, count: columns.count)
        var result = TacetCbcResult()
        tacet_cbc_solve(Int32(columns.count), Int32(rows.count), matrix.starts, matrix.indexes, matrix.values,
                        columns.map { Self.finite($0.lower) }, columns.map { Self.finite($0.upper) }, columns.map(\.objective),
                        rows.map { Self.finite($0.lower) }, rows.map { Self.finite($0.upper) }, columns.map { $0.integer ? 1 : 0 },
                        max(timeLimit, 0.001), cutoff == nil ? 0 : 1, cutoff ?? 0, &values, &result)
        // CBC 2.10 stopped by its time limit could report the program finished and proven infeasible when it is not (a
        // 300-course planning program with a plan costing 880 came back infeasible at limits of 0.2-0.3 s, when its
        // command-line driver's preprocessing ran): a proof is trusted only from a solve that ended clearly before the limit.
        let trusted = result.seconds < timeLimit * 0.95
        let found = result.hasSolution != 0 ? values : []
        let status: MILPSolution.Status
        switch result.status {
        case TacetCbcFailed:
            return nil
        case TacetCbcOptimal where trusted && !found.isEmpty:
            status = .optimal
        case TacetCbcInfeasible where trusted && found.isEmpty:
            status = .infeasible
        default:
            status = .stopped
        }
        // A claim of a finished solve that is not trusted says nothing of the bound either; every objective here is a
        // sum of non-negative amounts, so 0 bounds it.
        let claimed = result.status == TacetCbcOptimal || result.status == TacetCbcInfeasible
        return MILPSolution(status: status, values: found, objective: found.isEmpty ? .infinity : result.objective,
                            bound: trusted || !claimed ? result.bound : 0)
    }
}
