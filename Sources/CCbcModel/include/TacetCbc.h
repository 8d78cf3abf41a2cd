#ifndef TACET_CBC_H
#define TACET_CBC_H

/* One mixed-integer program solved by CBC's branch and cut (CbcModel over OsiClpSolverInterface), a
   model of its own per call, so calls on different threads share nothing. A C header over C++ code, so
   Swift calls it without C++ interoperability. */

#ifdef __cplusplus
extern "C" {
#endif

/* How a solve ended. */
typedef enum {
    TacetCbcOptimal = 0,    /* proven optimal; the solution is filled in */
    TacetCbcInfeasible = 1, /* proven to have no solution (below the cutoff, when one is given) */
    TacetCbcStopped = 2,    /* the time limit came first; a solution may have been found */
    TacetCbcFailed = 3      /* CBC threw (out of memory, an inconsistent model): nothing is known */
} TacetCbcStatus;

/* What a solve found. */
typedef struct {
    TacetCbcStatus status;
    /* Whether `solution` holds a solution (the best found). */
    int hasSolution;
    /* The solution's objective, when there is one. */
    double objective;
    /* The least objective any solution can have, as CBC proved it. */
    double bound;
    /* Wall-clock seconds CBC's own clock counted, which its limit is held against. */
    double seconds;
} TacetCbcResult;

/* Solves min objective.x with columnLower <= x <= columnUpper, rowLower <= A x <= rowUpper, the columns
   whose `integer` flag is set integral. A is column-major: column j's entries are indexes/values
   [starts[j], starts[j+1]). Bounds use DBL_MAX for infinity. `seconds` is a wall-clock limit, positive; with
   `hasCutoff`, only solutions whose objective is below `cutoff` are looked for. `solution` has room for
   `columnCount` values. Never prints, never throws. */
void tacet_cbc_solve(int columnCount, int rowCount, const int *starts, const int *indexes, const double *values,
                     const double *columnLower, const double *columnUpper, const double *objective,
                     const double *rowLower, const double *rowUpper, const unsigned char *integer,
                     double seconds, int hasCutoff, double cutoff, double *solution, TacetCbcResult *result);

#ifdef __cplusplus
}
#endif

#endif
