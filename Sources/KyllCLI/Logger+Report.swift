import Jekyll

extension Logger {
    /// A failed build as Jekyll reports it: its one-line summary when it has one, then kyll's
    /// located message (`path:line:col: error: …`, the source line, the include/layout chain).
    func report(_ failure: BuildError, trace: Bool) {
        if let line = failure.jekyllLine { error(line.topic, line.message) }
        raw(failure.render(trace: trace))
    }
}
