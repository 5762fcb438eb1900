/// Files read on all cores as if one reader read them in order: each job logs into a `HeldLog`,
/// which the caller replays in the jobs' order, meeting the first error in that order too.
enum ConcurrentReading {
    /// `make(reader, i)` for every `i` in `0..<count`, on all cores, each with a reader whose
    /// logger holds what it logs; the results in the order of `i`.
    static func run<T: Sendable>(_ count: Int, reader: DocumentReader, level: Logger.Level,
                                 _ make: @Sendable (DocumentReader, Int) throws(BuildError) -> T)
        -> [(result: Result<T, BuildError>, log: HeldLog)] {
        // Most folders of a site have no page, or one: no thread is woken for those.
        guard count > 1 else {
            return (0..<count).map { i in
                let held = HeldLog(level: level)
                var jobReader = reader
                jobReader.logger = held.logger
                return (Result { () throws(BuildError) -> T in try make(jobReader, i) }, held)
            }
        }
        // Each worker takes the next file as it finishes one, with a reader of its own whose logger
        // changes only after a file that logged: a reader copied per file (the configuration and
        // all it holds retained, then released) cost ~3,000 instructions a post, and a log made
        // per file (five objects, freed after the replay) ~3,000 more. Files that log nothing
        // share one empty log.
        let silent = HeldLog(level: level)
        // One set of front matter parsers for the workers, each taking one per file.
        let sharing = reader.sharingFrontMatterParsers()
        let progress = Locked<(next: Int, made: [(Result<T, BuildError>, HeldLog)?])>(
            (0, Array(repeating: nil, count: count)))
        OwnCores.perform(workers: min(count, ProcessorCount.active)) { _ in
            var finished: (index: Int, job: (Result<T, BuildError>, HeldLog))?
            /// Reads files with one reader until one of them logs: true when files are left. The
            /// reader is a parameter, so `make` borrows it: passing a local variable copied the
            /// reader for every file (its configuration's ~40 references retained and released).
            func readFiles(with jobReader: DocumentReader, held: HeldLog) -> Bool {
                while true {
                    let i = progress.withLock { progress in
                        // Moved into place, not copied (and the copy's original released after).
                        if let (index, job) = finished.take() { progress.made[index] = job }
                        defer { progress.next += 1 }
                        return progress.next
                    }
                    guard i < count else { return false }
                    let result = Result { () throws(BuildError) -> T in try make(jobReader, i) }
                    guard held.isEmpty else {
                        finished = (i, (result, held))
                        return true
                    }
                    finished = (i, (result, silent))
                }
            }
            var filesLeft = true
            while filesLeft {
                let held = HeldLog(level: level)
                var jobReader = sharing
                jobReader.logger = held.logger
                filesLeft = readFiles(with: jobReader, held: held)
            }
        }
        return progress.withLock { $0.made }.map { ($0!.0, $0!.1) }
    }
}
