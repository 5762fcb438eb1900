import Foundation

/// A value shared between render threads, guarded by a lock.
///
/// `Synchronization.Mutex` would do the same, but on Linux it locks with raw futex calls that
/// ThreadSanitizer does not see, so every contended access is reported as a race and real races
/// drown in the noise. `NSLock` is a pthread mutex, which TSan understands.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
