import Testing
@testable import TacetPlanning
import TacetTestSupport

/// ``CapacityTable``: an upper bound on the credits a year's room can take, which the search prunes with, so it must
/// never be below what some choice of courses really fits.
@Suite("Planner's capacity tables")
struct CapacityTableTests {
    @Test("a large catalog's coarser units still bound the best fit from above; a small one's keep every unit",
          arguments: [12, 2_000])
    func neverBelowTheBestFit(courses: Int) {
        var random = SplitMix64(state: UInt64(courses))
        // Hours in hundredths that share no common unit (the table falls back to a fraction of the limit), credits
        // in half credits.
        let weights = (0..<courses).map { _ in Double(random.int(17...900)) / 100 + 0.003 }
        let credits = (0..<courses).map { _ in Double(random.int(1...12)) / 2 }
        let limit = 20.0
        let table = CapacityTable(weights: weights, credits: credits, limit: limit, precision: 60)
        #expect(CapacityTable.units(positions: courses + 1) == (courses > 100 ? 256 : CapacityTable.maxUnits))
        // The last 12 positions: every subset of what follows, fitted exactly.
        let tail = max(0, courses - 12)
        for position in tail..<courses {
            for _ in 0..<40 {
                let room = Double(random.int(0...2_000)) / 100
                var best = 0.0
                let count = courses - position
                for mask in 0..<(1 << count) {
                    var weight = 0.0
                    var gained = 0.0
                    for bit in 0..<count where mask & (1 << bit) != 0 {
                        weight += weights[position + bit]
                        gained += credits[position + bit]
                    }
                    if weight <= room { best = max(best, gained) }
                }
                #expect(table.credits(at: position, room: room) >= best, "position \(position), room \(room)")
            }
        }
    }

    @Test("a knapsack's unit measures whole weights exactly and rounds the others down, never up")
    func knapsackUnit() {
        // Hours of 1.5, 2.25 and 0.25: quarters of an hour measure them all.
        let whole = KnapsackUnit(weights: [1.5, 2.25, 0.25], limit: 10, precision: 100, maxUnits: 20_000)
        #expect(whole.exact && abs(whole.size - 0.25) < 1e-12)
        #expect(whole.units(of: 2.25) == 9)
        #expect(whole.units(ofRoom: 10, cap: 20_000) == 40)
        // A weight of 0.999 units less a hair is 0 units, not 1: rounding it up would make a fitting set look too large.
        let inexact = KnapsackUnit(weights: [0.0099999999, 1.005], limit: 10, precision: 100, maxUnits: 20_000)
        #expect(!inexact.exact)
        #expect(inexact.units(of: 0.0099999999) == 0)
        #expect(inexact.units(of: 1.005) == 100)
        // A limit that would need more units than allowed gets a coarser unit, inexact.
        let coarse = KnapsackUnit(weights: [1.5, 2.25], limit: 1_000, precision: 100, maxUnits: 1_000)
        #expect(!coarse.exact && abs(coarse.size - 1) < 1e-12)
        #expect(coarse.units(of: 2.25) == 2)
        // A room within the tolerance of the next unit reaches it; a negative one holds nothing.
        #expect(whole.units(ofRoom: 2.5 - Planner.tolerance / 2, cap: 100) == 10)
        #expect(whole.units(ofRoom: -1, cap: 100) == 0)
    }
}
