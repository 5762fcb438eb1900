import Dispatch

/// Files read on all cores as if one reader read them in order: each job logs into a `HeldLog`,
/// which the caller replays in the jobs' order, meeting the first error in that order too.
enum ConcurrentReading {
    /// `make(reader, i)` for every `i` in `0..<count`, on all cores, each with a reader whose
    /// logger holds what it logs; the results in the order of `i`.
    static func run<T: Sendable>(_ count: Int, reader: DocumentReader, level: Logger.Level,
                                 _ make: @Sendable (DocumentReader, Int) throws(BuildError) -> T)
        -> [(result: Result<T, BuildError>, log: HeldLog)] {
        let made = Locked<[(Result<T, BuildError>, HeldLog)?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let held = HeldLog(level: level)
            var jobReader = reader
            jobReader.logger = held.logger
            let result = Result { () throws(BuildError) -> T in try make(jobReader, i) }
            made.withLock { $0[i] = (result, held) }
        }
        return made.withLock { $0 }.map { ($0!.0, $0!.1) }
    }
}
