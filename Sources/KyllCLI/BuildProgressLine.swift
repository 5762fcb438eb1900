import Foundation
import Jekyll

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress line on standard error for builds that take a while: shown only when standard error
/// is a terminal, only once the build has run for `KYLL_PROGRESS_DELAY` seconds (1.5 unless set),
/// redrawn in place and erased when the build ends or a log line is written, so logs and pipes
/// never see it.
final class BuildProgressLine: @unchecked Sendable {
    let progress = BuildProgress()
    private let lock = NSLock()
    private var shown = false
    private var finished = false

    /// A progress line when standard error is a terminal and the build is not quiet; nil otherwise.
    static func forTerminal(quiet: Bool) -> BuildProgressLine? {
        guard !quiet, isatty(2) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        return BuildProgressLine()
    }

    private init() {
        // How long a build runs before the line appears (`KYLL_PROGRESS_DELAY`, in seconds,
        // changes it), and how often it is redrawn.
        let seconds = ProcessInfo.processInfo.environment["KYLL_PROGRESS_DELAY"].flatMap(Double.init) ?? 1.5
        let wait = max(0, seconds), every = seconds < 0.2 ? 0.01 : 0.2
        // A thread of its own, not a timer on Dispatch's pool: the build's workers fill that pool
        // (one per core), so a timer's handler could wait until the rendering was over.
        let thread = Thread { [weak self] in
            Thread.sleep(forTimeInterval: wait)
            while let line = self, line.draw() { Thread.sleep(forTimeInterval: every) }
        }
        thread.start()
    }

    /// The text for a moment of the build: `Rendering... 120/4000`.
    static func text(for snapshot: BuildProgress.Snapshot) -> String? {
        guard !snapshot.phase.isEmpty else { return nil }
        let count = snapshot.total > 0 ? " \(snapshot.done)/\(snapshot.total)" : ""
        return Logger.format(topic: "", message: snapshot.phase + "..." + count)
    }

    /// Draws the line for the build's moment; false once the build has finished.
    private func draw() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return false }
        guard let text = Self.text(for: progress.snapshot) else { return true }
        shown = true
        Console.write("\r\u{1B}[K" + text, to: .standardError)
        return true
    }

    /// Where a logger writes while the line may be shown: the line is erased first, and drawn again
    /// at the next tick below what was written.
    var sink: Logger.Sink {
        { [self] stream, line in
            lock.lock()
            defer { lock.unlock() }
            if shown {
                Console.write("\r\u{1B}[K", to: .standardError)
                shown = false
            }
            Console.write(line + "\n", to: stream)
        }
    }

    /// Stops drawing and erases the line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        if shown { Console.write("\r\u{1B}[K", to: .standardError) }
    }
}
