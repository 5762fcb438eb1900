import Dispatch

/// A conversion started before the render that wants its result (see `EarlyConversions`).
///
/// Run by whichever comes first: the thread it was started on, or the render asking for its
/// result, so a render never waits for a job still queued behind a busy thread; a render that
/// asks while the job runs waits for it.
final class EarlyJob<Input: Sendable, Output: Sendable>: Sendable {
    /// What the job converts: the render takes its result only for the same input.
    let input: Input
    private let work: @Sendable () -> Output?
    private let finished = DispatchGroup()
    private let state = Locked(State())

    private struct State {
        var claimed = false
        var output: Output?
        /// Whether a render took the result (for tests).
        var taken = false
    }

    init(_ input: Input, work: @escaping @Sendable () -> Output?) {
        self.input = input
        self.work = work
        finished.enter()
    }

    /// Runs the job unless it was claimed already; true when this call ran it.
    @discardableResult
    func runUnlessClaimed() -> Bool {
        guard state.withLock({ state in
            defer { state.claimed = true }
            return !state.claimed
        }) else { return false }
        let output = work()
        state.withLock { $0.output = output }
        finished.leave()
        return true
    }

    /// The job's output (nil when it failed: the render then converts, and reports the error),
    /// run here if nothing has run it yet. While another thread runs it, `work` is called for one
    /// step at a time until the job ends or `work` has nothing left (returns false).
    func result(whileWaiting work: (() -> Bool)? = nil) -> Output? {
        if !runUnlessClaimed() {
            while let work, finished.wait(timeout: .now()) == .timedOut, work() {}
            finished.wait()
        }
        return state.withLock { state in
            state.taken = true
            return state.output
        }
    }

    var wasTaken: Bool { state.withLock(\.taken) }

    /// Whether something ran the job or claimed it to run (for tests).
    var wasClaimed: Bool { state.withLock(\.claimed) }
}

/// Early jobs by the path of the page each converts, at most one a path.
final class EarlyJobs<Input: Sendable, Output: Sendable>: Sendable {
    private let jobs = Locked<[String: EarlyJob<Input, Output>]>([:])

    /// A new job for the page at `path`, or nil when one was registered for it already.
    func register(path: String, _ input: Input, work: @escaping @Sendable () -> Output?) -> EarlyJob<Input, Output>? {
        let job = EarlyJob(input, work: work)
        let isNew = jobs.withLock { all in
            guard all[path] == nil else { return false }
            all[path] = job
            return true
        }
        return isNew ? job : nil
    }

    /// The output of the job for `path` when its input is the one the render has (`same`); `work`
    /// as for `EarlyJob.result(whileWaiting:)`.
    func result(path: String, same: (Input) -> Bool, whileWaiting work: (() -> Bool)? = nil) -> Output? {
        guard let job = jobs.withLock({ $0[path] }), same(job.input) else { return nil }
        return job.result(whileWaiting: work)
    }

    /// Whether a job was registered for `path` (for tests).
    func has(path: String) -> Bool { jobs.withLock { $0[path] != nil } }

    /// Whether a render took the output of the job for `path` (for tests).
    func wasTaken(path: String) -> Bool { jobs.withLock { $0[path] }?.wasTaken ?? false }

    /// Whether the job for `path` was run or claimed to run (for tests).
    func wasClaimed(path: String) -> Bool { jobs.withLock { $0[path] }?.wasClaimed ?? false }
}
