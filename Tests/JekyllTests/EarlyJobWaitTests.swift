import Dispatch
import Foundation
import Testing
@testable import Jekyll

/// A render asking for an early job's result while another thread runs it: with work to do
/// meanwhile (`result(whileWaiting:)`) it does that work step by step instead of sleeping, and
/// still gets the job's one output.
@Suite struct EarlyJobWaitTests {
    /// A job that runs on a thread of its own until `release` is signalled, claimed before it returns.
    static func runningJob(release: DispatchSemaphore, runs: Locked<Int>) -> EarlyJob<String, Int> {
        let job = EarlyJob<String, Int>("input") {
            runs.withLock { $0 += 1 }
            release.wait()
            return 42
        }
        let started = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            started.signal()
            job.runUnlessClaimed()
        }
        started.wait()
        while !job.wasClaimed { usleep(100) }
        return job
    }

    @Test func theWaitDoesTheWorkUntilTheJobEnds() {
        let release = DispatchSemaphore(value: 0), runs = Locked(0), steps = Locked(0)
        let job = Self.runningJob(release: release, runs: runs)
        let output = job.result(whileWaiting: {
            let step = steps.withLock { $0 += 1; return $0 }
            if step == 3 { release.signal() }  // the job ends while the third step runs
            return true
        })
        #expect(output == 42)
        #expect(steps.withLock { $0 } >= 3)
        #expect(runs.withLock { $0 } == 1)
        #expect(job.wasTaken)
    }

    @Test func withNothingLeftToDoTheWaitSleeps() {
        let release = DispatchSemaphore(value: 0), runs = Locked(0), steps = Locked(0)
        let job = Self.runningJob(release: release, runs: runs)
        let output = job.result(whileWaiting: {
            steps.withLock { $0 += 1 }
            release.signal()
            return false
        })
        #expect(output == 42)
        #expect(steps.withLock { $0 } == 1)
        #expect(runs.withLock { $0 } == 1)
    }

    @Test func aJobNobodyRunsRunsHereWithoutTheWork() {
        let runs = Locked(0), steps = Locked(0)
        let job = EarlyJob<String, Int>("input") {
            runs.withLock { $0 += 1 }
            return 7
        }
        #expect(job.result(whileWaiting: { steps.withLock { $0 += 1 }; return true }) == 7)
        #expect(steps.withLock { $0 } == 0)
        #expect(runs.withLock { $0 } == 1)
        #expect(!job.runUnlessClaimed())
    }
}
