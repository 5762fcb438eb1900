import Dispatch

/// Files read on all cores as if one reader read them in order: each job logs into a `HeldLog`,
/// which the caller replays in the jobs' order, meeting the first error in that order too.
enum ConcurrentReading {
    /// `make(reader, i)` for every `i` in `0..<count`, on all cores, each with a reader whose
    /// logger holds what it logs; the results in the order of `i`.
    static func run<T: Sendable>(_ count: Int, reader: DocumentReader, level: Logger.Level,
                                 _ make: @Sendable (DocumentReader, Int) throws(BuildError) -> T)
        -> [(result: Result<T, BuildError>, log: HeldLog)] {
        @Sendable func job(_ i: Int) -> (result: Result<T, BuildError>, log: HeldLog) {
            let held = HeldLog(level: level)
            var jobReader = reader
            jobReader.logger = held.logger
            return (Result { () throws(BuildError) -> T in try make(jobReader, i) }, held)
        }
        // Most folders of a site have no page, or one: no thread is woken for those.
        guard count > 1 else { return (0..<count).map(job) }
        let made = Locked<[(Result<T, BuildError>, HeldLog)?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let done = job(i)
            made.withLock { $0[i] = done }
        }
        return made.withLock { $0 }.map { ($0!.0, $0!.1) }
    }
}
