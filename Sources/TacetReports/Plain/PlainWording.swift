import TacetDiagnostics
import TacetDocuments

/// The policy's terms in plain words, for staff (the handbook) and for clients (the notice). The
/// staff meanings of the AI-use levels are the scale's own (``AIUseLevel``'s documentation and the
/// design's table), cut into short sentences.
enum PlainWording {
    /// The level's name in words: "AI may draft".
    static func name(_ level: AIUseLevel) -> String {
        switch level {
        case .humanOnly: "People only, no AI"
        case .aiAssisted: "AI may assist"
        case .aiDrafted: "AI may draft"
        case .aiDelegated: "AI may do the task"
        }
    }

    /// What the level lets AI do, for staff.
    static func staffMeaning(_ level: AIUseLevel) -> String {
        switch level {
        case .humanOnly: "AI is not used for this task."
        case .aiAssisted: "AI may offer information or ideas. The therapist does the task and writes every output."
        case .aiDrafted: "AI may write a draft. A therapist at the required level reviews, edits and signs it before use."
        case .aiDelegated: "AI may do the task. People check its work by audit. This is for logistics only, never for clinical judgement."
        }
    }

    /// What the level does not let AI do, for staff; nil at the top of the scale.
    static func staffLimit(_ level: AIUseLevel) -> String? {
        switch level {
        case .humanOnly: "AI may not be used at all, not even for ideas."
        case .aiAssisted: "AI may not write drafts and may not do the task itself."
        case .aiDrafted: "AI may not do the task on its own: its draft is never used unchecked."
        case .aiDelegated: nil
        }
    }

    /// How far the AI goes in one step, for a client.
    static func clientMeaning(_ level: AIUseLevel) -> String {
        switch level {
        case .humanOnly: "No AI is used."
        case .aiAssisted: "The AI only gives ideas. A person decides what to use."
        case .aiDrafted: "The AI writes a first draft. A therapist reads it, fixes it and signs it before it is used."
        case .aiDelegated: "The AI does this task. Staff check its work."
        }
    }

    /// A data class for staff: "de-identified client data".
    static func staffData(_ data: DataClass) -> String {
        switch data {
        case .none: "no client data"
        case .deidentified: "de-identified client data (names and other details that identify the client removed)"
        case .phi: "protected health information (PHI)"
        }
    }

    /// What a step's data classes mean for a client: what leaves the clinic.
    static func clientData(_ data: [DataClass]) -> String {
        if data.contains(.phi) { return "Health information about you, which can name you." }
        if data.contains(.deidentified) { return "Facts about you, with your name and other details that could identify you taken out." }
        // Only an explicit `data: [none]` promises that nothing about the client leaves.
        return data.isEmpty ? "This part of your care does not list what information it uses." : "No information about you."
    }

    /// A competency area id in words: "learning and refinement".
    static func area(_ id: String) -> String { id.replacingOccurrences(of: "-", with: " ") }

    /// How strict a rule is, in words.
    static func strictness(_ severity: Severity) -> String {
        switch severity {
        case .error: "A must: check fails on it."
        case .warning: "Strong advice: check warns about it."
        case .info: "For your information."
        }
    }


    /// A roster role id as a noun with its article: "a supervisor", "an intern", "a music therapist".
    static func role(_ id: String) -> String {
        let words = area(id)
        return (words.first.map { "aeiou".contains($0.lowercased()) } == true ? "an " : "a ") + words
    }

    /// `text` with its first letter in upper case.
    static func sentence(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
