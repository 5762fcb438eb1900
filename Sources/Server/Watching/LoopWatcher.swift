#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NIOConcurrencyHelpers

/// Where a watcher's changes come from: a system notification descriptor, or a timer for polling.
/// Used only from the watcher's own thread.
protocol ChangeSource: AnyObject {
    /// Descriptors to wait on; `readable(_:into:)` is called when one has data.
    var descriptors: [Int32] { get }
    /// For sources that look rather than listen: how often `tick(into:)` runs.
    var tickInterval: Duration? { get }
    func readable(_ descriptor: Int32, into batcher: inout ChangeBatcher)
    func tick(into batcher: inout ChangeBatcher)
    func close()
}

extension ChangeSource {
    var tickInterval: Duration? { nil }
    func tick(into batcher: inout ChangeBatcher) {}
}

/// Runs a `ChangeSource` on a thread of its own: `poll(2)` on its descriptors and a stop pipe, with
/// the timeout set by the pending batch's deadline or the polling interval, and batches yielded to
/// an `AsyncStream` as they fall due. One portable loop serves every platform's source.
final class LoopWatcher: FileWatcher, @unchecked Sendable {
    // Unchecked: `source` is touched only by the loop thread (and by `init` before it starts);
    // `stopPipe` descriptors never change; `stopped` is locked.
    let changes: AsyncStream<FileChangeBatch>
    private let continuation: AsyncStream<FileChangeBatch>.Continuation
    private let source: any ChangeSource
    private let debounce: Duration
    private let stopPipe: (read: Int32, write: Int32)
    private let stopped = NIOLockedValueBox(false)

    init(source: any ChangeSource, options: WatchOptions) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            source.close()
            throw FileWatchers.StartError.system(call: "pipe", errno: errno)
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        stopPipe = (fds[0], fds[1])
        self.source = source
        debounce = options.debounce
        (changes, continuation) = AsyncStream.makeStream(of: FileChangeBatch.self, bufferingPolicy: .unbounded)
        let thread = Thread { [self] in run() }
        thread.name = "kyll.watcher"
        thread.start()
        continuation.onTermination = { [weak self] _ in self?.stop() }
    }

    func stop() {
        let first = stopped.withLockedValue { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(stopPipe.write, &byte, 1)
    }

    private func run() {
        var batcher = ChangeBatcher(debounce: debounce)
        var nextTick = source.tickInterval.map { ContinuousClock.now + $0 }
        var pollSet = ([stopPipe.read] + source.descriptors).map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        loop: while true {
            let now = ContinuousClock.now
            let wake = [batcher.deadline, nextTick].compactMap { $0 }.min()
            let timeout = wake.map { Self.milliseconds(until: $0, from: now) } ?? -1
            let ready = poll(&pollSet, nfds_t(pollSet.count), timeout)
            if ready < 0 && errno != EINTR { break }
            if ready > 0 {
                for index in pollSet.indices where pollSet[index].revents != 0 {
                    if index == 0 { break loop }
                    source.readable(pollSet[index].fd, into: &batcher)
                }
            }
            if let tick = nextTick, ContinuousClock.now >= tick, let interval = source.tickInterval {
                source.tick(into: &batcher)
                nextTick = ContinuousClock.now + interval
            }
            if let batch = batcher.takeIfDue(at: ContinuousClock.now) {
                continuation.yield(batch)
            }
        }
        source.close()
        closeDescriptor(stopPipe.read)
        closeDescriptor(stopPipe.write)
        continuation.finish()
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant, from now: ContinuousClock.Instant) -> Int32 {
        guard deadline > now else { return 0 }
        let (seconds, attoseconds) = (deadline - now).components
        return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}

/// `close(2)`, under a name that the `close()` methods of change sources do not shadow.
func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
