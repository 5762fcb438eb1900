import CSystemCalls
import Dispatch

/// The workers of one parallel phase, each kept to a core of its own while it works. On these
/// 2-core machines the scheduler left two runnable workers sharing one core for up to ~10 ms while
/// the other core idled: a worker woken on the core of the thread that woke it stayed there, behind
/// it, until a load balance moved it (traced with `sched_switch`).
final class OwnCores: @unchecked Sendable {
    // Changed only by the C calls' atomic operations.
    private let claims = UnsafeMutablePointer<CUnsignedLongLong>.allocate(capacity: 1)

    init() { claims.initialize(to: 0) }
    deinit { claims.deallocate() }

    /// `body` on a core no other worker of this phase holds (nil when none is free, or the system
    /// cannot keep a thread to one), then with the thread's own affinity back.
    func work<T>(_ body: (_ core: Int?) -> T) -> T {
        let saved = UnsafeMutableRawPointer.allocate(byteCount: Int(kyll_saved_affinity_size), alignment: 8)
        defer { saved.deallocate() }
        let core = kyll_keep_to_own_core(claims, saved)
        defer { kyll_leave_core(claims, core, saved) }
        return body(core >= 0 ? Int(core) : nil)
    }
}

extension OwnCores {
    /// `DispatchQueue.concurrentPerform`, each of the `workers` iterations (one worker each) kept to
    /// a core of its own while it runs.
    static func perform(workers: Int, _ body: @Sendable (_ worker: Int) -> Void) {
        let cores = OwnCores()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in cores.work { _ in body(worker) } }
    }
}
