import Markdown

extension BuildContext {
    /// Logs kramdown's warnings about a document's Markdown (with `kramdown: show_warnings`): Jekyll's
    /// own `Kramdown warning:` line, then the place in the file. kramdown counts lines of the
    /// Markdown it was given, which is the file's content after Liquid; when Liquid changed the
    /// number of lines the file's line can only be approximate, and the warning says so.
    func report(_ warnings: [MarkdownWarning], in doc: Document, markdown: String) {
        let linesKept = markdown == doc.content || Self.lineCount(markdown) == Self.lineCount(doc.content)
        for warning in warnings {
            var problem = BuildError(linesKept ? warning.message
                                     : warning.message + " (line \(warning.line) of the Markdown its Liquid made)")
            problem.location = FileLocation(path: doc.displayPath, line: doc.contentLine + warning.line - 1)
            if linesKept { problem.sourceLine = BuildError.line(warning.line, of: doc.content) }
            problem.jekyllLine = ("Kramdown warning:", warning.kramdownMessage)
            site.logger.warn(problem)
        }
    }

    private static func lineCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte == UInt8(ascii: "\n") { count += 1 }
        return count
    }
}
