import Dispatch
import Jekyll
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells a serving session to stop: once, from a signal handler, a test or anywhere else.
final class ServeStop: Sendable {
    private let state = Locked<(stopped: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    init() {}

    func trigger() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.stopped else { return [] }
            state.stopped = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    var isTriggered: Bool { state.withLock { $0.stopped } }

    /// Returns once `trigger()` has been called.
    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.stopped { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}

/// Ctrl-C and `kill`: SIGINT and SIGTERM stop serving while the returned sources are kept alive.
enum ServeSignals {
    static func interruption() -> (stop: ServeStop, sources: [any DispatchSourceSignal]) {
        let stop = ServeStop()
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.trigger() }
            source.resume()
            sources.append(source)
        }
        return (stop, sources)
    }
}
