import Foundation

/// Elapsed time for the build's "done in" line.
enum MonotonicClock {
    static func now() -> ContinuousClock.Instant { ContinuousClock.now }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
