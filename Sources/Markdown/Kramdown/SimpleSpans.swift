/// A paragraph's text whose spans are all of the simplest kinds — plain text, `*em*`,
/// `**strong**`, code spans, inline links `[text](url)` without a title and GFM `~~del~~`, each
/// holding only plain text — read straight from its bytes: the tree pass checks that kramdown's
/// span grammar would read exactly that (`SpanParser` would make only those elements), and the
/// converter prints them from the bytes. No element is made for the spans (most paragraphs of a
/// page are like this; their texts, emphases and links were most of the tree's objects).
///
/// The test is conservative: any byte at which the span grammar could do something else — a
/// quote (smart quotes look at the character before it too), `_`, `<`, `>`, `&`, `$`, `{`, a
/// backslash, `..`, `--`, `![`, `[^`, a space before a line end, a span inside a span, a
/// reference link, a title — sends the whole text to `SpanParser`.
enum SimpleSpans {
    /// What a scan tells: texts, span tags and code, in order.
    protocol Sink {
        /// Plain text; it holds none of the bytes `escape` changes (`"`, `&`, `<`, `>` all end
        /// the simple reading).
        mutating func text(_ b: UnsafeBufferPointer<UInt8>)
        mutating func open(_ tag: StaticString)
        mutating func close(_ tag: StaticString)
        mutating func code(_ b: UnsafeBufferPointer<UInt8>)
        mutating func openLink(href: UnsafeBufferPointer<UInt8>)
    }

    /// The check alone.
    struct Check: Sink {
        @inline(__always) mutating func text(_ b: UnsafeBufferPointer<UInt8>) {}
        @inline(__always) mutating func open(_ tag: StaticString) {}
        @inline(__always) mutating func close(_ tag: StaticString) {}
        @inline(__always) mutating func code(_ b: UnsafeBufferPointer<UInt8>) {}
        @inline(__always) mutating func openLink(href: UnsafeBufferPointer<UInt8>) {}
    }

    /// Whether the span grammar, with the parsers `mask` (`SpanParser.mask`), reads `b` as simple
    /// spans only.
    static func holdsOnlySimpleSpans(_ b: UnsafeBufferPointer<UInt8>, parsersMask mask: UInt32) -> Bool {
        var check = Check()
        return scan(b, strikethrough: mask & (1 << SpanParser.Parser.strikethrough.bit) != 0, into: &check)
    }

    /// Whether the parser set reads the simple spans as this reader does: emphasis, code spans
    /// and links on (the other parsers only make the bytes this reader refuses mean something).
    static func applies(parsersMask mask: UInt32) -> Bool {
        let needed: [SpanParser.Parser] = [.emphasis, .codespan, .link]
        return needed.allSatisfy { mask & (1 << $0.bit) != 0 }
    }

    /// Reads `b` into `sink`; false as soon as something is not a simple span (what went into
    /// the sink until then is not the text's reading).
    @inline(__always)
    static func scan<S: Sink>(_ b: UnsafeBufferPointer<UInt8>, strikethrough: Bool, into sink: inout S) -> Bool {
        let r = Reader(b: b, triggers: SpanParser.sharedTriggerTable)
        let n = b.count
        var p = 0
        var textStart = 0
        @inline(__always) func slice(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: b.baseAddress! + from, count: to &- from)
        }
        while p < n {
            let q = r.nextLive(p)
            if q == n { break }
            switch b[q] {
            case Byte.rbracket:
                // outside a link a closing bracket is text
                p = q + 1
                continue
            case Byte.star:
                // `*text*` or `**text**`: the closing run right after plain text, not after a
                // space, and (for `*`) not the start of `**`
                let len = r.at(q + 1) == Byte.star ? 2 : 1
                let start = q + len
                guard start < n, !Byte.isSpace(b[start]) else { return false }
                let close = r.nextLive(start)
                guard close < n, close > start, b[close] == Byte.star, !Byte.isSpace(b[close - 1]),
                      (r.at(close + 1) == Byte.star) == (len == 2) else { return false }
                if q > textStart { sink.text(slice(textStart, q)) }
                let tag: StaticString = len == 2 ? "strong" : "em"
                sink.open(tag)
                sink.text(slice(start, close))
                sink.close(tag)
                p = close + len
            case Byte.backtick:
                guard let (end, code) = r.codeSpan(q) else { return false }
                if q > textStart { sink.text(slice(textStart, q)) }
                sink.code(slice(code.lowerBound, code.upperBound))
                p = end
            case Byte.lbracket:
                guard let (end, text, href) = r.inlineLink(q) else { return false }
                if q > textStart { sink.text(slice(textStart, q)) }
                sink.openLink(href: slice(href.lowerBound, href.upperBound))
                sink.text(slice(text.lowerBound, text.upperBound))
                sink.close("a")
                p = end
            case Byte.tilde where strikethrough:
                // `~~text~~`, its inside read by a parser of its own: plain text only
                guard let (end, inner) = r.strikethrough(q), r.nextLive(inner.lowerBound) >= inner.upperBound
                else { return false }
                if q > textStart { sink.text(slice(textStart, q)) }
                sink.open("del")
                sink.text(slice(inner.lowerBound, inner.upperBound))
                sink.close("del")
                p = end
            default:
                return false
            }
            textStart = p
        }
        if n > textStart { sink.text(slice(textStart, n)) }
        return true
    }

    /// The text's bytes and the span parser's trigger table, with the tests the scan makes.
    private struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        let triggers: UnsafePointer<Bool>

        @inline(__always) func at(_ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }

        /// A trigger byte at which no span starts and no stop of an emphasis or a link matches.
        @inline(__always) func isInert(_ i: Int) -> Bool {
            switch b[i] {
            case Byte.dot: return at(i + 1) != Byte.dot
            case Byte.dash: return at(i + 1) != Byte.dash
            case Byte.bang: return at(i + 1) != Byte.lbracket
            case Byte.tilde: return at(i + 1) != Byte.tilde
            case Byte.newline: return i == 0 || b[i - 1] != Byte.space
            default: return false
            }
        }

        /// From `i` to the first trigger that is not inert (the end when there is none); eight
        /// bytes a round while none is a trigger, as the span parser's scan.
        @inline(__always) func nextLive(_ i: Int) -> Int {
            let n = b.count
            var q = i
            while q < n {
                if q &+ 8 <= n {
                    if !triggers[Int(b[q])] && !triggers[Int(b[q &+ 1])] && !triggers[Int(b[q &+ 2])] && !triggers[Int(b[q &+ 3])]
                        && !triggers[Int(b[q &+ 4])] && !triggers[Int(b[q &+ 5])] && !triggers[Int(b[q &+ 6])] && !triggers[Int(b[q &+ 7])] {
                        q &+= 8
                        continue
                    }
                    while !triggers[Int(b[q])] { q &+= 1 }
                } else if !triggers[Int(b[q])] {
                    q &+= 1
                    continue
                }
                if !isInert(q) { return q }
                q &+= 1
            }
            return n
        }

        /// `parseCodespan` at the backtick `q`, when it makes a code span: its end and its code.
        func codeSpan(_ q: Int) -> (Int, Range<Int>)? {
            let count = b.count
            var n = 0
            while q + n < count, b[q + n] == Byte.backtick { n += 1 }
            let open = q + n
            if n == 1 {
                // a lone backtick between spaces is text
                let before = q == 0 || Byte.isSpace(b[q - 1]) || (q == 1 && b[0] == Byte.newline)
                if before, open < count, Byte.isSpace(b[open]) { return nil }
            }
            var i = open
            while i + n <= count {
                var run = true
                for k in 0..<n where b[i + k] != Byte.backtick { run = false; break }
                if run { break }
                i += 1
            }
            guard i + n <= count else { return nil }
            var lo = open, hi = i
            if n > 1 {
                if lo < hi, b[lo] == Byte.space { lo += 1 }
                if lo < hi, b[hi - 1] == Byte.space { hi -= 1 }
            }
            return (i + n, lo..<max(lo, hi))
        }

        /// `parseLink` at the bracket `q`, when it makes an inline link `[text](url)` of plain
        /// text with no title: its end, its text and its URL.
        func inlineLink(_ q: Int) -> (Int, Range<Int>, Range<Int>)? {
            let n = b.count
            guard q + 1 < n, b[q + 1] != Byte.caret else { return nil }
            let close = nextLive(q + 1)
            guard close < n, close > q + 1, b[close] == Byte.rbracket else { return nil }
            let open = close + 1
            guard open + 1 < n, b[open] == Byte.lparen, b[open + 1] != Byte.lt else { return nil }
            // to the parenthesis that closes the first one; a space before a quote starts a title
            var depth = 0
            var j = open
            while j < n {
                let c = b[j]
                if c == Byte.lparen {
                    depth += 1
                } else if c == Byte.rparen {
                    depth -= 1
                    if depth == 0 { break }
                } else if Byte.isSpace(c), j + 1 < n, b[j + 1] == Byte.quote || b[j + 1] == Byte.apos {
                    return nil
                }
                j += 1
            }
            guard j < n else { return nil }
            var lo = open + 1, hi = j
            while lo < hi, Byte.isSpace(b[lo]) { lo += 1 }
            while hi > lo, Byte.isSpace(b[hi - 1]) { hi -= 1 }
            return (j + 1, q + 1..<close, lo..<hi)
        }

        /// `strikethroughMatch` at `p`: `~~(?!\s|~).*?[^\s~]~~`, its end and its inside.
        func strikethrough(_ p: Int) -> (Int, Range<Int>)? {
            let n = b.count
            guard p + 2 < n, b[p] == Byte.tilde, b[p + 1] == Byte.tilde else { return nil }
            let f = b[p + 2]
            guard !Byte.isSpace(f), f != Byte.tilde else { return nil }
            var j = p + 3
            while j + 1 < n {
                if b[j] == Byte.tilde, b[j + 1] == Byte.tilde, !Byte.isSpace(b[j - 1]), b[j - 1] != Byte.tilde {
                    return (j + 2, p + 2..<j)
                }
                j += 1
            }
            return nil
        }
    }
}

extension HTMLConverter {
    /// A paragraph's simple spans (`SimpleSpans`), printed from its text's bytes.
    func simpleSpans(_ el: Element) {
        let strikethrough = ctx.parsersMask & (1 << SpanParser.Parser.strikethrough.bit) != 0
        _ = el.withSimpleSpans { b in
            var printer = SimpleSpanPrinter(converter: self, out: out)
            // the tree pass read the same bytes with the same parsers
            let whole = SimpleSpans.scan(b, strikethrough: strikethrough, into: &printer)
            assert(whole, "simple spans read differently")
        }
    }
}

/// Prints simple spans as the converter prints their elements: the tags without attributes, a
/// link's `href`, code spans through `codespan`.
struct SimpleSpanPrinter: SimpleSpans.Sink {
    unowned(unsafe) let converter: HTMLConverter
    /// The converter's buffer (a copy shares its bytes), not reached through the converter for
    /// each piece.
    var out: HTMLBuffer

    @inline(__always) mutating func text(_ b: UnsafeBufferPointer<UInt8>) { out.append(b) }

    @inline(__always) mutating func open(_ tag: StaticString) {
        out.append(Byte.lt)
        out.append(tag)
        out.append(Byte.gt)
    }

    @inline(__always) mutating func close(_ tag: StaticString) {
        out.append("</")
        out.append(tag)
        out.append(Byte.gt)
    }

    mutating func code(_ b: UnsafeBufferPointer<UInt8>) { converter.codespan(code: b) }

    mutating func openLink(href: UnsafeBufferPointer<UInt8>) {
        out.append("<a href=\"")
        out.escape(bytes: href, mode: .attribute)
        out.append("\">")
    }
}
