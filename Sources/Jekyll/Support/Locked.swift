import Foundation

/// A value shared between render threads, guarded by a lock.
///
/// `Synchronization.Mutex` would do the same, but on Linux it locks with raw futex calls that
/// ThreadSanitizer does not see, so every contended access is reported as a race and real races
/// drown in the noise. `NSLock` is a pthread mutex, which TSan understands.
public final class Locked<Value>: @unchecked Sendable {
    /// Only ever reached under `lock`, which already keeps accesses apart: the runtime's
    /// exclusivity check of each access cost ~90 instructions a `withLock`.
    @exclusivity(unchecked) private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    public func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
