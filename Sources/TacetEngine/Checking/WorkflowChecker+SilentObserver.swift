extension WorkflowChecker {
    /// The observer of `check`: keeps nothing, and once the checker is specialized to it, costs nothing.
    struct SilentObserver: Observer {
        static var records: Bool { false }
        @inline(__always) func step(_ index: Int, _ context: StepContext) {}
        @inline(__always) func checked(_ requirement: Requirement) {}
        @inline(__always) func notChecked(_ requirement: Requirement, because reason: String) {}
        @inline(__always) func rule(_ index: Int, fired: Bool, evaluated: Bool) {}
    }
}
