import Dispatch

/// Independent steps spread over the cores a build has.
enum AllCores {
    /// `step(i)` for every `i` in `0..<count`, on `cores` cores; on one, here in order: libdispatch's
    /// pool would start threads of its own (and its manager's) for steps this thread does sooner.
    static func forEach(_ count: Int, cores: Int, _ step: @Sendable (Int) -> Void) {
        if cores < 2 || count < 2 {
            for i in 0..<count { step(i) }
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: step)
        }
    }
}
