
/// Jekyll's console log: a topic right-aligned in 20 columns, then the message with its whitespace
/// collapsed; info and debug go to standard output, warnings and errors (yellow, red) to standard
/// error. Safe to use from the parallel render phase.
public final class Logger: Sendable {
    public enum Level: Int, Sendable, Comparable {
        case debug, info, warn, error
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public enum Stream: Sendable { case standardOutput, standardError }

    /// Where lines go; the default writes them to the process's streams.
    public typealias Sink = @Sendable (Stream, String) -> Void

    private let state: Locked<Level>
    private let sink: Sink

    public init(level: Level = .info, sink: Sink? = nil) {
        state = Locked(level)
        self.sink = sink ?? { stream, line in Console.write(line + "\n", to: stream) }
    }

    public var level: Level {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }

    /// `--quiet` keeps errors only; `--verbose` shows debug lines.
    public func adjustVerbosity(quiet: Bool, verbose: Bool) {
        if quiet { level = .error } else if verbose { level = .debug }
    }

    public func debug(_ topic: String, _ message: String = "") { log(.debug, topic, message) }
    public func info(_ topic: String, _ message: String = "") { log(.info, topic, message) }
    public func warn(_ topic: String, _ message: String = "") { log(.warn, topic, message) }
    public func error(_ topic: String, _ message: String = "") { log(.error, topic, message) }

    /// A located problem the build survives: Jekyll's own line for it when it has one, then
    /// `path:line:col: warning: …` with the source line and its caret.
    public func warn(_ problem: BuildError) {
        if let line = problem.jekyllLine { log(.warn, line.topic, line.message) }
        raw(problem.render(trace: false, severity: "warning"), level: .warn)
    }

    /// A line printed as is (diagnostics with source excerpts), at error level.
    public func raw(_ text: String, level: Level = .error) {
        guard level >= self.level else { return }
        sink(level >= .warn ? .standardError : .standardOutput, text)
    }

    public func log(_ level: Level, _ topic: String, _ message: String) {
        guard level >= self.level else { return }
        let line = Logger.format(topic: topic, message: message)
        switch level {
        case .debug, .info: sink(.standardOutput, line)
        case .warn: sink(.standardError, "\u{1B}[33m" + line + "\u{1B}[0m")
        case .error: sink(.standardError, "\u{1B}[31m" + line + "\u{1B}[0m")
        }
    }

    /// Prints the lines a holding logger kept, as if they were logged now.
    public func replay(_ held: HeldLog) {
        for (stream, line) in held.lines { sink(stream, line) }
    }

    public static func format(topic: String, message: String) -> String {
        let head = topic + " "
        let padded = head.count < 20 ? String(repeating: " ", count: 20 - head.count) + head : head
        return padded + collapseWhitespace(message)
    }

    private static func collapseWhitespace(_ s: String) -> String {
        var out = ""
        var inSpace = false
        for c in s {
            if c.isWhitespace {
                if !inSpace { out.append(" ") }
                inSpace = true
            } else {
                out.append(c)
                inSpace = false
            }
        }
        return out
    }
}

/// A logger that keeps its lines instead of printing them: work done in parallel logs into one
/// each, and the lines are replayed in the order a sequential run would have printed them.
public final class HeldLog: Sendable {
    private let kept = Locked<[(Logger.Stream, String)]>([])
    public let logger: Logger

    public init(level: Logger.Level) {
        let kept = self.kept
        logger = Logger(level: level) { stream, line in kept.withLock { $0.append((stream, line)) } }
    }

    var lines: [(Logger.Stream, String)] { kept.withLock { $0 } }
    var isEmpty: Bool { kept.withLock { $0.isEmpty } }
}
