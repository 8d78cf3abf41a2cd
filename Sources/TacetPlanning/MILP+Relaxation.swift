import CCbc

extension MILP {
    /// The program settled by its linear relaxation alone, solved with Clp, or nil when only CBC can
    /// settle it.
    ///
    /// Exact both ways it answers. When the relaxation has no solution (or none whose objective is below
    /// `cutoff`), neither has the program: `.infeasible`. When the relaxation's optimum takes every integer
    /// column whole, that solution (rounded, and checked against every row and bound here) is one of
    /// the program's, and no solution of the program is below the relaxation's optimum: `.optimal`.
    /// Anything else (a fractional optimum, a check that fails, a solve Clp did not finish) is nil.
    ///
    /// Unlike CBC's solve, Clp's dual simplex keeps no state outside its model, so relaxations run on
    /// every core at once without ``solve(timeLimit:cutoff:)``'s lock. It is called directly
    /// (`Clp_dual`), not through Clp's `initialSolve`, whose code keeps the model being solved in a static
    /// for a SIGINT handler it installs and removes around each solve (ClpSolve.cpp), which two threads
    /// would race on. The other statics of the installed libraries (`nm`): a debugging model pointer
    /// (ClpHelperFunctions), OSL factorization counters (not Clp's default factorization), and a counter
    /// CoinFactorization's sparse factorization increments unguarded, whose value only ever goes into a
    /// printed message (its disassembly), so a race there changes no answer. RelaxationTests run hundreds of
    /// relaxations on every core at once against the same ones solved one at a time.
    func relaxation(timeLimit: Double, cutoff: Double? = nil) -> MILPSolution? {
        if emptyRowFails { return MILPSolution(status: .infeasible, values: [], objective: .infinity, bound: .infinity) }
        if columns.isEmpty { return MILPSolution(status: .optimal, values: [], objective: 0, bound: 0) }
        guard timeLimit > 0, let model = ClpModel() else { return nil }
        let matrix = columnMajor()
        Clp_loadProblem(model.handle, Int32(columns.count), Int32(rows.count), matrix.starts, matrix.indexes, matrix.values,
                        columns.map { Self.finite($0.lower) }, columns.map { Self.finite($0.upper) }, columns.map(\.objective),
                        rows.map { Self.finite($0.lower) }, rows.map { Self.finite($0.upper) })
        Clp_setObjSense(model.handle, 1)
        // Clp 1.17 counts these as the process's CPU seconds (every thread's), not the wall clock's: the stage gives
        // CBC only what is left afterwards, by the wall clock.
        Clp_setMaximumSeconds(model.handle, timeLimit)
        // Every objective here is a sum of non-negative amounts: the slack basis is dual feasible, the dual
        // simplex's own start.
        Clp_dual(model.handle, 0)
        if Clp_isProvenPrimalInfeasible(model.handle) != 0 {
            return MILPSolution(status: .infeasible, values: [], objective: .infinity, bound: .infinity)
        }
        // The solution's memory is the model's: copied while the model is certainly alive.
        let read = withExtendedLifetime(model) { () -> (values: [Double], least: Double)? in
            guard Clp_isProvenOptimal(model.handle) != 0, let solution = Clp_getColSolution(model.handle) else { return nil }
            return (Array(UnsafeBufferPointer(start: solution, count: columns.count)), Clp_getObjValue(model.handle))
        }
        guard let (relaxed, least) = read else { return nil }
        // No solution below the cutoff when even the relaxation's optimum is clearly above it.
        if let cutoff, least > cutoff + 1e-6 * max(1, abs(cutoff)) {
            return MILPSolution(status: .infeasible, values: [], objective: .infinity, bound: least)
        }
        guard let values = wholeSolution(relaxed) else { return nil }
        // Rounding moved the objective by no more than the relaxation's own tolerance, so nothing lies below it.
        // The objectives here are whole cents or hundredths: the tolerance stays far under one of those at any size.
        let objective = zip(columns, values).reduce(0) { $0 + $1.0.objective * $1.1 }
        guard objective <= least + Swift.min(1e-6 * max(1, abs(least)), 1e-4) else { return nil }
        if let cutoff, objective >= cutoff { return nil }
        return MILPSolution(status: .optimal, values: values, objective: objective, bound: objective)
    }

    /// `values` with every integer column rounded, when each is within a millionth of a whole number
    /// and the rounded solution keeps every bound and row (within a ten-millionth of the bound's size and
    /// at most a millionth, as the rows' amounts are whole steps or hundredths, whatever their size): a
    /// solution of the program. Nil otherwise.
    func wholeSolution(_ values: [Double]) -> [Double]? {
        var rounded = values
        for (index, column) in columns.enumerated() {
            let value = values[index]
            if column.integer {
                let whole = value.rounded()
                guard abs(value - whole) <= 1e-6 else { return nil }
                rounded[index] = whole
            }
            let slack = Self.slack(rounded[index])
            guard rounded[index] >= column.lower - slack, rounded[index] <= column.upper + slack else { return nil }
        }
        for row in rows {
            let sum = row.terms.reduce(0) { $0 + $1.coefficient * rounded[$1.column] }
            if row.lower.isFinite, sum < row.lower - Self.slack(row.lower) { return nil }
            if row.upper.isFinite, sum > row.upper + Self.slack(row.upper) { return nil }
        }
        return rounded
    }

    /// How far a rounded solution may miss a bound of `size`: a ten-millionth of it, and never more than a
    /// millionth, so a row of large amounts (a cost floor in cents) cannot be missed by a whole unit.
    private static func slack(_ size: Double) -> Double {
        Swift.min(1e-7 * max(1, abs(size)), 1e-6)
    }
}
