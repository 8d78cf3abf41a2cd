import CCbc

/// Owns one COIN-OR CBC model handle, freed with the model (as ``ClpModel`` owns Clp's).
///
/// A handle is used by one thread at a time (``MILP/solve(timeLimit:cutoff:)`` creates and drops it
/// within one call); CBC's log is silenced when the handle is made, because library code never prints.
final class CbcModel {
    let handle: UnsafeMutableRawPointer

    /// A new empty model, or nil when CBC cannot allocate one.
    init?() {
        guard let handle = Cbc_newModel() else { return nil }
        self.handle = handle
        Cbc_setLogLevel(handle, 0)
        Cbc_setParameter(handle, "log", "0")
        Cbc_setParameter(handle, "slog", "0")
    }

    deinit { Cbc_deleteModel(handle) }
}
