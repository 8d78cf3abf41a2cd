// CBC's branch and cut without CBC's C interface: that interface solves through CbcMain1, the command-line
// solver's driver, which keeps state in statics (CBC's maintainers list it as not thread-safe on the 2.10
// branch, coin-or/Cbc issue 332), so a process could run one solve at a time. CbcModel itself is what CBC's
// own threaded search copies into each of its threads. The statics of CbcModel, OsiClpSolverInterface and
// the two cut generators used here are written only in debugging builds (their 2.10.8, 1.17.6 and 0.60.3
// sources), with two exceptions this code keeps away from: ClpSimplex::initialSolve's SIGINT handler (see the
// hint below) and CoinDrand48's seed, which CbcModel's "fake objective" draws from (switched off below). So
// each call builds its own solver and model and drops them, and calls run on every core.
//
// The settings are the ones the planner chose, measured when CBC still ran through its command-line driver:
// - No integer preprocessing (CbcModel alone does none): CBC 2.10's default ("sos") returned a dearer plan as
//   proven optimal once the program placed each course as early as it can (PlannerTests' CBC-alone comparison,
//   random problem 122: 130 where brute force finds 115; without preprocessing, 115). Without it the 700
//   brute-force problems agree, and the hard benchmark seeds settled about as fast (PlanBench seeds 5 64 137
//   245 142 184 22 1, one run each: 0.1-4.0 s against 0.3-7.9 s with it).
// - Gomory cuts and knapsack covers only, and no primal heuristics (CbcModel alone adds none): on these small
//   programs CBC's default root (every cut family, feasibility pump, RINS and the rest) took most of a solve.
//   On the 111 programs of 60 small and 12 large planning problems at 4 s each: 99 settled against 95 by the
//   defaults, the median settled one in 0.08 s against 0.15 s. Knapsack covers for the yearly budgets, whose
//   rows the linear relaxation fills with fractions of courses (PlanBench settle 500: 497 settled with them,
//   495 without).
// - An exact optimum (no gap), and a wall-clock limit: CBC's default of CPU time let a solve run far past it
//   on a busy machine.

#include "TacetCbc.h"

#include <cfloat>
#include <new>

#include "CbcModel.hpp"
#include "CoinTime.hpp"
#include "CglGomory.hpp"
#include "CglKnapsackCover.hpp"
#include "CoinError.hpp"
#include "OsiClpSolverInterface.hpp"

namespace {

void solve(int columnCount, int rowCount, const int *starts, const int *indexes, const double *values,
           const double *columnLower, const double *columnUpper, const double *objective,
           const double *rowLower, const double *rowUpper, const unsigned char *integer,
           double seconds, bool hasCutoff, double cutoff, double *solution, TacetCbcResult *result)
{
    // CBC's clock starts here, not at branchAndBound (which keeps a start already set, below): loading the
    // program and solving its first linear program count against the limit too, and toward `result->seconds`.
    const double started = CoinGetTimeOfDay();
    OsiClpSolverInterface solver;
    solver.messageHandler()->setLogLevel(0);
    solver.getModelPtr()->setLogLevel(0);
    solver.loadProblem(columnCount, rowCount, starts, indexes, values, columnLower, columnUpper, objective,
                       rowLower, rowUpper);
    for (int column = 0; column < columnCount; column++) {
        if (integer[column]) solver.setInteger(column);
    }
    // Any hint set leads OsiClpSolverInterface's first solve through its own dual simplex; with every hint at
    // its default it goes through ClpSimplex::initialSolve, which keeps the model in a static for a SIGINT
    // handler it installs around the solve (ClpSolve.cpp), a race between threads. Every objective here is a
    // sum of non-negative amounts, so the slack basis is dual feasible: the dual simplex is the right start.
    solver.setHintParam(OsiDoDualInInitial, true, OsiHintTry);
    solver.setHintParam(OsiDoReducePrint, true, OsiHintTry);

    CbcModel model(solver);
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    model.solver()->messageHandler()->setLogLevel(0);
    // Gomory cuts and knapsack covers (a year's hours and money rows are knapsacks), at the root and in the
    // tree where they pay: what the command-line driver's "on" asks for.
    CglGomory gomory;
    model.addCutGenerator(&gomory, -1, "Gomory");
    CglKnapsackCover knapsack;
    model.addCutGenerator(&knapsack, -1, "Knapsack");
    model.setUseElapsedTime(true);
    model.setDblParam(CbcModel::CbcStartSeconds, started);
    model.setMaximumSeconds(seconds);
    model.setAllowableGap(1e-9);
    model.setAllowableFractionGap(0);
    model.setAllowablePercentageGap(0);
    if (hasCutoff) model.setCutoff(cutoff);
    // No "fake objective": with few costed integer columns, branchAndBound would make one up from CoinDrand48,
    // whose seed is one static per process (CoinHelperFunctions.hpp), a race between threads.
    model.setMoreSpecialOptions(model.moreSpecialOptions() | 536870912);

    model.initialSolve();
    model.branchAndBound();

    result->seconds = model.getCurrentSeconds();
    const double *best = model.bestSolution();
    result->hasSolution = best != nullptr;
    if (best) {
        for (int column = 0; column < columnCount; column++) solution[column] = best[column];
        result->objective = model.getObjValue();
    } else {
        result->objective = DBL_MAX;
    }
    result->bound = model.getBestPossibleObjValue();
    if (model.isProvenOptimal() && best) {
        result->status = TacetCbcOptimal;
    } else if (model.isProvenInfeasible() && !best) {
        result->status = TacetCbcInfeasible;
    } else {
        result->status = TacetCbcStopped;
    }
}

} // namespace

extern "C" void tacet_cbc_solve(int columnCount, int rowCount, const int *starts, const int *indexes,
                                const double *values, const double *columnLower, const double *columnUpper,
                                const double *objective, const double *rowLower, const double *rowUpper,
                                const unsigned char *integer, double seconds, int hasCutoff, double cutoff,
                                double *solution, TacetCbcResult *result)
{
    result->status = TacetCbcFailed;
    result->hasSolution = 0;
    result->objective = DBL_MAX;
    result->bound = 0;
    result->seconds = 0;
    // No C++ exception may cross into Swift: CBC throws CoinError on an inconsistent model, and allocation
    // throws when memory runs out. Either leaves nothing known.
    try {
        solve(columnCount, rowCount, starts, indexes, values, columnLower, columnUpper, objective, rowLower,
              rowUpper, integer, seconds, hasCutoff != 0, cutoff, solution, result);
    } catch (...) {
        result->status = TacetCbcFailed;
        result->hasSolution = 0;
    }
}
