/// A language Rouge knows: its tag (Rouge's name), aliases and title. Value type; highlighting
/// creates a fresh tokenizer each time, so one `Lexer` may be used from many threads at once.
public struct Lexer: Sendable, Hashable {
    /// Rouge's tag, e.g. `"javascript"`.
    public let name: String
    /// Other names `Rouge::Lexer.find` accepts, e.g. `["js"]`.
    public let aliases: [String]
    /// Rouge's human-readable title, e.g. `"JavaScript"`.
    public let title: String
    let make: @Sendable () -> Tokenizer

    init(_ name: String, title: String, aliases: [String] = [], make: @escaping @Sendable () -> Tokenizer) {
        self.name = name
        self.title = title
        self.aliases = aliases
        self.make = make
    }

    public static func == (a: Lexer, b: Lexer) -> Bool { a.name == b.name }
    public func hash(into h: inout Hasher) { h.combine(name) }

    /// The token spans of `code` as HTML (Rouge's `HTML` formatter): what goes inside `<code>`.
    public func highlight(_ code: String) -> String {
        var code = code
        return code.withUTF8 { buf in
            guard let base = buf.baseAddress, buf.count > 0 else { return "" }
            var scan = Scan(base, count: buf.count)
            make().lex(&scan)
            return withExtendedLifetime(scan.runs) { HTMLFormatter.string(scan.runs.runs, buf, inOrder: scan.runs.inOrder) }
        }
    }

    /// `highlight` written into memory the caller provides: `room(n)` returns where up to `n`
    /// bytes may go, and the result is how many were written there (a converter appends the
    /// markup to its own buffer, with no string made and copied). Nil, with nothing written, when
    /// a token would split a character (the string `highlight` makes repairs that).
    public func highlight(_ code: String, into room: (Int) -> UnsafeMutablePointer<UInt8>) -> Int? {
        var code = code
        return code.withUTF8 { buf in
            guard let base = buf.baseAddress, buf.count > 0 else { return 0 }
            var scan = Scan(base, count: buf.count)
            make().lex(&scan)
            return withExtendedLifetime(scan.runs) { HTMLFormatter.write(scan.runs.runs, buf, inOrder: scan.runs.inOrder, into: room) }
        }
    }

    /// The tokens of `code`, consecutive tokens of one type merged, as Rouge's `lex` yields them.
    public func tokens(_ code: String) -> [(token: Token, text: String)] {
        var code = code
        return code.withUTF8 { buf in
            var result: [(token: Token, text: String)] = []
            for run in tokenize(buf) {
                let text = String(decoding: UnsafeBufferPointer(rebasing: buf[Int(run.start)..<Int(run.end)]), as: UTF8.self)
                if let last = result.last, last.token == run.token {
                    result[result.count - 1].text += text
                } else {
                    result.append((run.token, text))
                }
            }
            return result
        }
    }

    func tokenize(_ buf: UnsafeBufferPointer<UInt8>) -> [TokenRun] {
        guard let base = buf.baseAddress, buf.count > 0 else { return [] }
        var scan = Scan(base, count: buf.count)
        make().lex(&scan)
        return Array(scan.runs.runs)
    }
}
