import TacetDiagnostics
import TacetDocuments

/// Whether a therapist's credential cycle is still running: once its last day is past, no plan can
/// be made or judged for it until the profile states the new cycle, so that is said on its own
/// instead of as quarters, credits or training that no longer fit.
public enum CredentialCycle {
    /// Whether `therapist`'s cycle ended before `today` (false for someone without a credential).
    public static func hasEnded(for therapist: Therapist, on today: CalendarDate) -> Bool {
        therapist.credential.map { $0.cycleEnd < today } ?? false
    }

    /// The finding for `therapist`, stored in `document`, whose cycle ended before `today`; nil while it runs.
    public static func ended(_ document: LoadedDocument, _ therapist: Therapist, today: CalendarDate) -> Diagnostic? {
        guard hasEnded(for: therapist, on: today), let credential = therapist.credential else { return nil }
        let file = document.file.split(separator: "/").last.map(String.init) ?? document.file
        return Diagnostic(PlanFinding.cycleEnded,
                          message: "\(therapist.name)'s \(credential.name) cycle ended \(credential.cycleEnd): "
                              + "update cycleStart/cycleEnd in \(file)",
                          origin: .engine, location: document.location(of: "/credential/cycleEnd"), pointer: "/credential/cycleEnd")
    }
}
