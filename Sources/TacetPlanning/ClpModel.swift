import CCbc

/// Owns one COIN-OR Clp model handle, freed with the model: a linear program's simplex, used by one
/// thread at a time (``MILP/relaxation(timeLimit:cutoff:)`` creates and drops it within one call). Its log is
/// silenced when the handle is made, because library code never prints.
final class ClpModel {
    let handle: UnsafeMutableRawPointer

    /// A new empty model, or nil when Clp cannot allocate one.
    init?() {
        guard let handle = Clp_newModel() else { return nil }
        self.handle = handle
        Clp_setLogLevel(handle, 0)
    }

    deinit { Clp_deleteModel(handle) }
}
