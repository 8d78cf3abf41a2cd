/// How hours, money and credits are compared and written: by the planner, the plan audit, `tacet plan`'s
/// text, YAML and JSON, and the HTML report alike, so that the audit never faults a plan the planner wrote
/// and no amount prints with floating-point noise.
///
/// Amounts come from decimal data (a catalog's 6.67 hours, a budget of 10.12 hours) and are added in
/// binary floating point, whose sums miss the decimal ones by far less than a millionth (6.67 + 3.45 is
/// 10.120000000000001; 90.1 + 0.1 + 9.8 is 99.99999999999999), while real differences in a catalog or a
/// budget are hundredths at least. So amounts are compared to the millionth (``tolerance``): a sum within
/// it of a limit meets the limit exactly. They are written rounded to the hundredth (``format(_:)``,
/// ``rounded(_:)``). Exact integer units (cents, minutes) were not chosen because catalogs state hours
/// such as 4.17 for 250 minutes, which no whole unit measures exactly.
public enum Amounts {
    /// How far apart two amounts may be and still count as equal.
    public static let tolerance = 1e-6

    /// Whether `value` reaches `target` (credits toward a total or a minimum): at least it, within ``tolerance``.
    public static func reaches(_ value: Double, _ target: Double) -> Bool { value + tolerance >= target }

    /// Whether `value` is over `limit` (a year's hours or money over its budget) by more than ``tolerance``.
    public static func exceeds(_ value: Double, _ limit: Double) -> Bool { value > limit + tolerance }

    /// `value` rounded to the hundredth, as amounts are written (JSON numbers included).
    public static func rounded(_ value: Double) -> Double {
        guard value.isFinite, abs(value) < 1e15 else { return value }
        let cents = (value * 100).rounded()
        // -0.004 rounds to -0: written as 0.
        return cents == 0 ? 0 : cents / 100
    }

    /// An amount as people write it: rounded to the hundredth, with no decimals when whole ("100",
    /// "46.53", "12.50").
    public static func format(_ value: Double) -> String {
        let amount = rounded(value)
        guard amount.isFinite, abs(amount) < 1e15 else { return String(amount) }
        if amount == amount.rounded() { return String(Int(amount)) }
        let cents = Int((abs(amount) * 100).rounded())
        let fraction = cents % 100
        return (amount < 0 ? "-" : "") + "\(cents / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
