import Foundation

/// Elapsed time for the build's "done in" line, and the number of cores to render on.
enum MonotonicClock {
    static func now() -> ContinuousClock.Instant { ContinuousClock.now }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

enum ProcessorCount {
    static var active: Int { ProcessInfo.processInfo.activeProcessorCount }
}
