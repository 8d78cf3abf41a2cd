/// The least price at which the courses from each position of the search order on can cover
/// several whole-number needs at once (credits, a credit minimum, a gap as a 0/1 need), each
/// course counted once: the exact answer to a relaxation of the plan, so a lower bound that also
/// tells tied branches apart.
///
/// Covering the needs jointly is what makes the bound tight: the cheapest credits and the cheapest
/// course that closes a gap are rarely the same courses, and a bound that takes the larger of the
/// two separately lets the search wander through every set priced between that and the optimum.
struct CoverTable {
    /// What one dimension counts.
    enum Need: Equatable {
        /// Credits toward the cycle's total.
        case credits
        /// Credits toward the problem's minimum at this index.
        case minimum(Int)
        /// Whether the gap at this index of the problem's gaps is still open.
        case gap(Int)
    }

    /// One dimension: what it counts, in units of `unit` whole credits (or gaps), the most that can
    /// be missing, and what each course in search order contributes (rounded up, which only makes
    /// covering easier).
    struct Dimension {
        var need: Need
        var target: Int
        var unit: Int
        var weights: [Int]
    }

    /// The dimensions, ordered by the last position of a course that counts toward them, latest
    /// first: past that position a dimension can only be 0, so each position's row holds the
    /// states of a prefix of the dimensions (gaps, whose courses the search takes first, drop out early).
    let dimensions: [Dimension]
    /// Index strides of the dimensions in a state; the first dimension varies fastest.
    let strides: [Int]
    /// Per position, where its row starts in `prices` and how many states it holds.
    private let offsets: [Int]
    private let lengths: [Int]
    /// The rows one after another; the row past the last position is the empty course list.
    private let prices: [PlanPrice]

    /// How many states per position a table of dimensions with these targets would have at most.
    static func states(_ targets: [Int]) -> Int { targets.reduce(1) { $0 * ($1 + 1) } }

    /// Fills the table for courses of `prices` (in search order) and `dimensions`.
    init(prices coursePrices: [PlanPrice], dimensions unordered: [Dimension]) {
        let count = coursePrices.count
        let last = unordered.map { dimension in dimension.weights.lastIndex { $0 > 0 } ?? -1 }
        let dimensions = unordered.indices.sorted { (-last[$0], $0) < (-last[$1], $1) }.map { unordered[$0] }
        let lastCounting = last.sorted(by: >)
        self.dimensions = dimensions
        var strides: [Int] = []
        var states = 1
        for dimension in dimensions {
            strides.append(states)
            states *= dimension.target + 1
        }
        self.strides = strides
        // Row p holds the dimensions some course at p or later counts toward: a prefix, by the order above.
        var lengths = Array(repeating: 1, count: count + 1)
        for position in 0..<count {
            let active = lastCounting.prefix { $0 >= position }.count
            lengths[position] = active < dimensions.count ? strides[active] : states
        }
        var offsets = [0]
        for position in 0..<count { offsets.append(offsets[position] + lengths[position]) }
        self.lengths = lengths
        self.offsets = offsets
        var table = Array(repeating: PlanPrice.impossible, count: offsets[count] + 1)
        table[offsets[count]] = .zero
        let inner = dimensions.first.map { $0.target + 1 } ?? 1
        for position in stride(from: count - 1, through: 0, by: -1) {
            let here = offsets[position]
            let next = offsets[position + 1]
            let nextLength = lengths[position + 1]
            let price = coursePrices[position]
            // The first dimension runs in the inner loop; the others are decoded once per block of it.
            let rowInner = min(inner, lengths[position])
            let step = dimensions.first?.weights[position] ?? 0
            for block in 0..<(lengths[position] / rowInner) {
                var rest = block
                var after = 0
                for d in dimensions.indices.dropFirst() {
                    let size = dimensions[d].target + 1
                    after += max(0, rest % size - dimensions[d].weights[position]) * strides[d]
                    rest /= size
                }
                let from = block * rowInner
                for c in 0..<rowInner {
                    // A state past the next row's length needs a dimension no later course counts toward.
                    let kept = from + c
                    let skip = kept < nextLength ? table[next + kept] : .impossible
                    let reduced = after + max(0, c - step)
                    let take = reduced < nextLength ? table[next + reduced] + price : .impossible
                    table[here + kept] = take < skip ? take : skip
                }
            }
        }
        prices = table
    }

    /// The least price covering `missing` (one value per dimension, clamped to its target) from `position` on.
    func bound(at position: Int, missing: (Need) -> Int) -> PlanPrice {
        var state = 0
        for (dimension, stride) in zip(dimensions, strides) {
            let units = (max(0, missing(dimension.need)) + dimension.unit - 1) / dimension.unit
            state += min(units, dimension.target) * stride
        }
        return state < lengths[position] ? prices[offsets[position] + state] : .impossible
    }
}
