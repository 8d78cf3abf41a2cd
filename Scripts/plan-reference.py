#!/usr/bin/env python3
"""An exact reference for Tacet's planner: the same documented rules as a CP-SAT model (OR-Tools).

Usage: plan-reference.py [FILE]   (FILE, or standard input: a JSON list of problems, or one problem)

Each problem is what `PlanningProblem.referenceJSON` (Tests/TacetPlanningTestSupport) writes. For each,
one line of JSON on standard output, in order:
    {"status": "optimal", "cost": 60, "hours": 12.5}   or   {"status": "infeasible"}
("unknown" if the solver stopped at its time limit, which it does not on the tests' sizes).

The rules, read from the planner's documentation, modelled independently of its search:
- each course of the catalog is taken at most once, in one of the problem's quarters (in order);
- a prerequisite is completed already, or pinned (then the course comes in a later quarter than the
  pinned one), or a course taken in an earlier quarter; any other prerequisite rules the course out;
- an entry level above the therapist's current level in an area must be brought by another course,
  taken in an earlier quarter, whose outcome in that area is at least the entry level;
- every gap is closed: some course taken has an outcome in its area at or above the required level;
- credits by category are the earned ones (pinned first takes included) plus the courses taken; each
  category counts up to its cap toward the total, which must be reached, and each minimum is met;
- in each calendar year the courses taken plus the pinned ones stay within the hours and the money
  a year allows, when those are set;
- the cost is minimised, then, among the cheapest, the contact hours (two solves, exact: no weights).
Amounts are counted exactly in hundredths (every amount must be a whole number of hundredths), so the
reference itself has no rounding; the planner must agree with it to the hundredth.
"""

import json
import sys

from ortools.sat.python import cp_model

SCALE = 100


def units(value):
    """An amount in whole hundredths; refuses anything finer, which the reference cannot count exactly."""
    scaled = round(value * SCALE)
    if abs(value * SCALE - scaled) > 1e-6:
        raise ValueError(f"amount {value} is not a whole number of hundredths")
    return scaled


def solve(problem, time_limit=60.0):
    if problem.get("trainingProblems"):
        return {"status": "infeasible"}
    courses = problem["courses"]
    quarters = problem["quarters"]
    years = sorted({q.split("-")[0] for q in quarters})
    year_of = [years.index(q.split("-")[0]) for q in quarters]
    levels = problem["levels"]
    completed = set(problem["completed"])
    pinned = problem["pinned"]
    pinned_first = {}
    for item in pinned:
        if not item["renewal"]:
            course_id = item["course"]["id"]
            pinned_first[course_id] = min(pinned_first.get(course_id, 10**9), item["quarter"])
    hour_limit = problem["hoursPerYear"]
    money_limit = problem["moneyPerYear"]
    pinned_hours = [0] * len(years)
    pinned_money = [0] * len(years)
    for item in pinned:
        year = year_of[item["quarter"]]
        pinned_hours[year] += units(item["course"]["hours"])
        pinned_money[year] += units(item["course"]["cost"])
    for year in range(len(years)):
        if hour_limit is not None and pinned_hours[year] > units(hour_limit):
            return {"status": "infeasible"}
        if money_limit is not None and pinned_money[year] > units(money_limit):
            return {"status": "infeasible"}

    model = cp_model.CpModel()
    n, m = len(courses), len(quarters)
    x = [[model.NewBoolVar(f"x{c}_{q}") for q in range(m)] for c in range(n)]
    taken = []
    for c in range(n):
        t = model.NewBoolVar(f"t{c}")
        model.Add(sum(x[c]) == t)
        taken.append(t)
    index = {course["id"]: c for c, course in enumerate(courses)}

    def before(c, q):
        """Whether course c is taken in a quarter before q."""
        return sum(x[c][:q])

    for c, course in enumerate(courses):
        for prerequisite in course["prerequisites"]:
            if prerequisite in completed:
                continue
            if prerequisite in pinned_first:
                for q in range(min(m, pinned_first[prerequisite] + 1)):
                    model.Add(x[c][q] == 0)
                continue
            p = index.get(prerequisite)
            if p is None or p == c:
                model.Add(taken[c] == 0)
                continue
            for q in range(m):
                model.Add(x[c][q] <= before(p, q))
        for outcome in course["outcomes"]:
            entry = outcome["entry"]
            current = levels.get(outcome["area"])
            if entry is None or (current is not None and current >= entry):
                continue
            providers = [p for p, other in enumerate(courses) if p != c and any(
                o["area"] == outcome["area"] and o["level"] >= entry for o in other["outcomes"])]
            for q in range(m):
                model.Add(x[c][q] <= sum(before(p, q) for p in providers))
    for gap in problem["gaps"]:
        providers = [p for p, course in enumerate(courses) if any(
            o["area"] == gap["area"] and o["level"] >= gap["required"] for o in course["outcomes"])]
        model.Add(sum(taken[p] for p in providers) >= 1)

    for minimum in problem["minimums"]:
        # A minimum counts a category's credits, or only those of its courses with the topic.
        toward = [c for c, course in enumerate(courses) if course["category"] == minimum["category"]
                  and (minimum["topic"] is None or minimum["topic"] in course.get("topics", []))]
        model.Add(units(minimum["earned"]) + sum(units(courses[c]["credits"]) * taken[c] for c in toward)
                  >= units(minimum["credits"]))

    categories = set(problem["earned"]) | set(problem["caps"]) | {c["category"] for c in courses}
    counted = []
    for category in sorted(categories):
        have = units(problem["earned"].get(category, 0)) + sum(
            units(course["credits"]) * taken[c] for c, course in enumerate(courses) if course["category"] == category)
        bound = units(problem["earned"].get(category, 0)) + sum(units(c["credits"]) for c in courses if c["category"] == category)
        if category in problem["caps"]:
            cap = units(problem["caps"][category])
            value = model.NewIntVar(0, max(bound, cap), f"counted-{category}")
            model.AddMinEquality(value, [have, cap])
            counted.append(value)
        else:
            counted.append(have)
    model.Add(sum(counted) >= units(problem["total"]))

    for year in range(len(years)):
        in_year = [q for q in range(m) if year_of[q] == year]
        if hour_limit is not None:
            model.Add(sum(units(course["hours"]) * x[c][q] for c, course in enumerate(courses) for q in in_year)
                      + pinned_hours[year] <= units(hour_limit))
        if money_limit is not None:
            model.Add(sum(units(course["cost"]) * x[c][q] for c, course in enumerate(courses) for q in in_year)
                      + pinned_money[year] <= units(money_limit))

    cost = sum(units(course["cost"]) * taken[c] for c, course in enumerate(courses))
    hours = sum(units(course["hours"]) * taken[c] for c, course in enumerate(courses))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1
    model.Minimize(cost)
    status = solver.Solve(model)
    if status == cp_model.INFEASIBLE:
        return {"status": "infeasible"}
    if status != cp_model.OPTIMAL:
        return {"status": "unknown"}
    best_cost = round(solver.ObjectiveValue())
    model.Add(cost == best_cost)
    model.Minimize(hours)
    status = solver.Solve(model)
    if status != cp_model.OPTIMAL:
        return {"status": "unknown"}
    best_hours = round(solver.ObjectiveValue())
    extra_cost = sum(units(item["course"]["cost"]) for item in pinned)
    extra_hours = sum(units(item["course"]["hours"]) for item in pinned)
    return {"status": "optimal", "cost": (best_cost + extra_cost) / SCALE, "hours": (best_hours + extra_hours) / SCALE}


def main():
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    data = json.load(source)
    for problem in data if isinstance(data, list) else [data]:
        print(json.dumps(solve(problem)), flush=True)


if __name__ == "__main__":
    main()
