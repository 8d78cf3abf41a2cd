/// Stable ids from titles: "Non-routine clinical decision-making" becomes "non-routine-clinical-decision-making".
public enum Slug {
    /// Lower-cases ASCII letters and digits and joins every other run of characters with one hyphen.
    public static func make(_ title: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "\u{2019}" {
                // Apostrophes join rather than split: "client's" -> "clients".
                pendingHyphen = true
            }
        }
        return out
    }
}
