/// A place in a source file: the path as the user knows it (relative to the site source when inside
/// it), a 1-based line and a 1-based column (0 when unknown).
public struct FileLocation: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String {
        column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)"
    }
}

/// A build error as a value: what went wrong, where, the text of that line, and through which
/// includes and layouts the renderer got there. Printed in the compiler style
/// `path:line:col: error: message`, then the source line with a caret under the column, then the chain.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var location: FileLocation?
    /// The text of the offending line, without its newline.
    public var sourceLine: String?
    /// Outermost last: "included from", "in layout" frames as readable lines.
    public var chain: [String]
    /// Internal detail shown with `--trace`.
    public var detail: String?
    /// The line Jekyll itself logs for this error (topic and message, e.g. `Liquid Exception:`),
    /// printed before the diagnostic so that tools matching Jekyll's output still find it.
    public var jekyllLine: (topic: String, message: String)?
    /// Another place the message refers to (where an unclosed bracket opened), printed after it
    /// as `path:line:col: note: …` with its own source line and caret.
    public var notes: [Note] = []
    /// What went wrong, where a reader treats that case on its own (Jekyll skips a post it cannot
    /// read as UTF-8 instead of failing).
    public var cause: Cause?

    public enum Cause: Sendable, Equatable {
        case invalidUTF8
    }

    public struct Note: Sendable {
        public var location: FileLocation
        public var message: String
        public var sourceLine: String?

        public init(_ message: String, at location: FileLocation, sourceLine: String?) {
            self.message = message
            self.location = location
            self.sourceLine = sourceLine
        }
    }

    public init(_ message: String, at location: FileLocation? = nil, sourceLine: String? = nil,
                chain: [String] = [], detail: String? = nil) {
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.chain = chain
        self.detail = detail
    }

    /// Attaches a location and its line of text, taken from the file's contents, unless one is set.
    public func located(_ location: FileLocation, in text: String?) -> BuildError {
        guard self.location == nil else { return self }
        var copy = self
        copy.location = location
        if let text { copy.sourceLine = BuildError.line(location.line, of: text) }
        return copy
    }

    public func adding(frame: String) -> BuildError {
        var copy = self
        copy.chain.append(frame)
        return copy
    }

    /// The 1-based line `number` of `text`, without its line terminator.
    public static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.utf8.startIndex
        let utf8 = text.utf8
        var i = utf8.startIndex
        while i < utf8.endIndex {
            if utf8[i] == UInt8(ascii: "\n") {
                if current == number { break }
                current += 1
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        guard current == number else { return nil }
        var line = String(text[start..<i])
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    /// A message on one line (some, like Jekyll's include syntax help, come in several), so that
    /// the line after the diagnostic is always the source line.
    static func oneLine(_ message: String) -> String {
        guard message.contains(where: \.isNewline) else { return message }
        return message.split(whereSeparator: \.isNewline)
            .map { String($0.drop { $0 == " " || $0 == "\t" }) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The source line on a line of its own, and a caret under the column when there is one.
    static func excerpt(_ sourceLine: String, column: Int) -> String {
        var out = "\n" + sourceLine
        if column > 0 {
            // Keep tabs so that the caret lines up under the column in a terminal.
            let lead = sourceLine.prefix(column - 1).map { $0 == "\t" ? "\t" : " " as Character }
            out += "\n" + String(lead) + "^"
        }
        return out
    }

    /// A chain as printed: a runaway recursion's hundred frames become its first and last few.
    static func shortened(_ chain: [String], keepingFirst first: Int = 8, last: Int = 4) -> [String] {
        guard chain.count > first + last + 1 else { return chain }
        return Array(chain.prefix(first)) + ["… \(chain.count - first - last) more …"] + Array(chain.suffix(last))
    }

    public var description: String { render(trace: false) }

    /// The compiler-style text; `severity` is `error`, or `warning` for a problem the build survives.
    public func render(trace: Bool, severity: String = "error") -> String {
        var out = ""
        if let location { out += "\(location): " }
        out += severity + ": " + BuildError.oneLine(message)
        if let sourceLine, let location { out += BuildError.excerpt(sourceLine, column: location.column) }
        for frame in trace ? chain : BuildError.shortened(chain) { out += "\n  " + frame }
        for note in notes {
            out += "\n\(note.location): note: " + note.message
            if let line = note.sourceLine { out += BuildError.excerpt(line, column: note.location.column) }
        }
        if trace, let detail { out += "\n" + detail }
        return out
    }
}
