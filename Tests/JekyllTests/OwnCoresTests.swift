import Dispatch
import Foundation
import Testing
@testable import Jekyll

@Suite struct OwnCoresTests {
    /// Two workers inside at once each get a core of their own, may run only there, and get their
    /// affinity back afterwards. Skipped where the process may use a single core.
    @Test func twoWorkersAtOnceKeepToDifferentCores() throws {
        #if os(Linux)
        let allowed = try #require(ProcessorCount.allowedCores())
        guard allowed >= 2 else { return }
        let cores = OwnCores()
        let inside = DispatchSemaphore(value: 0)
        let seen = Locked<[(core: Int?, allowed: Int?)]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            cores.work { core in
                seen.withLock { $0.append((core, ProcessorCount.allowedCores())) }
                // Both inside before either leaves, so that the second cannot take the first's core back.
                inside.signal()
                while seen.withLock({ $0.count }) < 2 { usleep(100) }
            }
        }
        _ = inside.wait(timeout: .now() + 5)
        let both = seen.withLock { $0 }
        #expect(both.count == 2)
        #expect(both.allSatisfy { $0.allowed == 1 })
        let taken = both.compactMap(\.core)
        #expect(taken.count == 2 && Set(taken).count == 2)
        #expect(ProcessorCount.allowedCores() == allowed)
        #endif
    }

    /// A worker that finds no free core among those it may use runs as it is, not kept: here a
    /// nested one, whose thread the outer worker already keeps to one (claimed) core.
    @Test func aWorkerWithoutAFreeCoreIsNotKept() throws {
        #if os(Linux)
        let allowed = try #require(ProcessorCount.allowedCores())
        let cores = OwnCores()
        let found: [Int?] = cores.work { outer in
            [outer] + cores.work { inner in [inner, ProcessorCount.allowedCores()] }
        }
        #expect(found[0] != nil)
        #expect(found[1] == nil)
        #expect(found[2] == 1)
        #expect(ProcessorCount.allowedCores() == allowed)
        #endif
    }
}
