import Dispatch

/// Files read on all cores as if one reader read them in order: each job logs into a `HeldLog`,
/// which the caller replays in the jobs' order, meeting the first error in that order too.
enum ConcurrentReading {
    /// `make(reader, i)` for every `i` in `0..<count`, on all cores, each with a reader whose
    /// logger holds what it logs; the results in the order of `i`.
    static func run<T: Sendable>(_ count: Int, reader: DocumentReader, level: Logger.Level,
                                 _ make: @Sendable (DocumentReader, Int) throws(BuildError) -> T)
        -> [(result: Result<T, BuildError>, log: HeldLog)] {
        @Sendable func job(_ i: Int, _ jobReader: inout DocumentReader) -> (result: Result<T, BuildError>, log: HeldLog) {
            let held = HeldLog(level: level)
            jobReader.logger = held.logger
            return (Result { () throws(BuildError) -> T in try make(jobReader, i) }, held)
        }
        // Most folders of a site have no page, or one: no thread is woken for those.
        guard count > 1 else {
            var jobReader = reader
            return (0..<count).map { job($0, &jobReader) }
        }
        // Each worker takes the next file as it finishes one, with a reader of its own whose logger
        // it changes per file: a reader copied per file (the configuration and all it holds
        // retained, then released) cost ~3,000 instructions a post.
        let progress = Locked<(next: Int, made: [(Result<T, BuildError>, HeldLog)?])>(
            (0, Array(repeating: nil, count: count)))
        DispatchQueue.concurrentPerform(iterations: min(count, ProcessorCount.active)) { _ in
            var jobReader = reader
            var finished: (index: Int, job: (Result<T, BuildError>, HeldLog))?
            while true {
                let i = progress.withLock { progress in
                    if let finished { progress.made[finished.index] = finished.job }
                    defer { progress.next += 1 }
                    return progress.next
                }
                guard i < count else { return }
                finished = (i, job(i, &jobReader))
            }
        }
        return progress.withLock { $0.made }.map { ($0!.0, $0!.1) }
    }
}
