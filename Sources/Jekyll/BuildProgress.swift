/// How far a build has got, for a progress line: the build updates it, another thread reads it.
public final class BuildProgress: Sendable {
    public struct Snapshot: Sendable, Equatable {
        /// "Reading", "Rendering", "Writing" (empty before the build starts).
        public var phase: String
        public var done: Int
        /// Zero when the phase has no count.
        public var total: Int
    }

    private let state = Locked(Snapshot(phase: "", done: 0, total: 0))

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    func begin(_ phase: String, total: Int = 0) {
        state.withLock { $0 = Snapshot(phase: phase, done: 0, total: total) }
    }

    func advance() {
        state.withLock { $0.done += 1 }
    }
}
