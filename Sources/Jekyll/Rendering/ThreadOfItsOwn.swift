import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new thread for one job (`EarlyConversions`).
///
/// Queued to libdispatch instead, the early walk started ~1 ms after it was asked for (probed,
/// 0.8 ms at best): the pool's first thread sets up libdispatch's event manager, a thread of its
/// own, before it runs anything, and the compile then ended after the render wanted it (the seed
/// site's render waited 1.3 ms for it, in the median of 30 runs).
enum ThreadOfItsOwn {
    /// Runs `job` on a new thread. `waitsForExit`: the thread then waits for the process to end
    /// instead of ending itself. An ending thread hands its allocator cache back to the heap, and
    /// libsass's compile leaves most of what it allocated there: ~0.35 M instructions on the second
    /// core while the render wanted it, in a process that was about to end anyway.
    static func run(_ job: @escaping @Sendable () -> Void, waitsForExit: Bool = false) {
        let box = Unmanaged.passRetained(Job(job, waitsForExit: waitsForExit)).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        let start: @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? = { raw in
            Job.run(raw)
            return nil
        }
        #else
        var thread = pthread_t()
        let start: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { raw in
            Job.run(raw!)
            return nil
        }
        #endif
        guard pthread_create(&thread, nil, start, box) == 0 else {
            Unmanaged<Job>.fromOpaque(box).release()
            DispatchQueue.global().async(execute: job)
            return
        }
        #if canImport(Darwin)
        if let thread { pthread_detach(thread) }
        #else
        pthread_detach(thread)
        #endif
    }

    private final class Job {
        let run: @Sendable () -> Void
        let waitsForExit: Bool

        init(_ run: @escaping @Sendable () -> Void, waitsForExit: Bool) {
            self.run = run
            self.waitsForExit = waitsForExit
        }

        /// Runs the job `raw` points at, releasing it (and what it holds) before any wait.
        static func run(_ raw: UnsafeMutableRawPointer) {
            let waits = Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().runJob()
            while waits { pause() }
        }

        private func runJob() -> Bool {
            run()
            return waitsForExit
        }
    }
}
