import Dispatch

/// Two independent steps run at once, each on its own core when one is free.
enum TwoCores {
    /// `first()` and `second()` side by side on `cores` cores; both results, or `first`'s error
    /// once both ended. On one core both run here, one after the other: libdispatch's pool then has
    /// a single thread, which may be the caller's, and work queued for it would wait for the
    /// pool's starvation timer.
    static func both<A: Sendable, B: Sendable, Failure: Error>(cores: Int,
                                                                _ first: @Sendable () throws(Failure) -> A,
                                                                _ second: @Sendable () -> B) throws(Failure) -> (A, B) {
        if cores < 2 {
            let a = Result { () throws(Failure) -> A in try first() }
            let b = second()
            return (try a.get(), b)
        }
        let firstResult = Locked<Result<A, Failure>?>(nil)
        let secondResult = Locked<B?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { step in
            if step == 0 {
                let result = Result { () throws(Failure) -> A in try first() }
                firstResult.withLock { $0 = result }
            } else {
                let result = second()
                secondResult.withLock { $0 = result }
            }
        }
        let a = try firstResult.withLock { $0! }.get()
        return (a, secondResult.withLock { $0! })
    }
}
