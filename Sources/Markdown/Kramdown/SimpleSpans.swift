/// A paragraph's text whose spans are all of the simplest kinds — plain text, `*em*`,
/// `**strong**`, code spans, inline links `[text](url)` without a title and GFM `~~del~~`, each
/// holding only plain text — read straight from its bytes: the tree pass checks that kramdown's
/// span grammar would read exactly that (`SpanParser` would make only those elements), and the
/// converter prints them from what the check recorded (`Ops`), without reading the text again.
/// No element is made for the spans (most paragraphs of a page are like this; their texts,
/// emphases and links were most of the tree's objects).
///
/// The test is conservative: any byte at which the span grammar could do something else — a
/// quote (smart quotes look at the character before it too), `_`, `<`, `>`, `&`, `$`, `{`, a
/// backslash, `..`, `--`, `![`, `[^`, a space before a line end, a span inside a span, a
/// reference link, a title — sends the whole text to `SpanParser`.
enum SimpleSpans {
    /// The high bit of each of the sixteen bytes at `p` that is not above `)` (0x29), as two
    /// words (bytes 0–7, then 8–15); both 0 when none is.
    @inline(__always) static func atMostParenMarks(ofSixteenAt p: UnsafeRawPointer) -> (UInt64, UInt64) {
        let x = p.loadUnaligned(as: SIMD16<UInt8>.self)
        // a byte plus 0x56 reaches the high bit from 0x2A on (lanes do not carry into each
        // other); bytes from 0x80 on have it already
        let marks = ~((x &+ SIMD16(repeating: 0x56)) | x) & SIMD16(repeating: 0x80)
        let words = unsafeBitCast(marks, to: SIMD2<UInt64>.self)
        return (words[0], words[1])
    }

    /// A span is one operation with the plain text before it and its tags, so the converter
    /// dispatches once a span, not once a tag or a text.
    enum Op: Int32 {
        /// Plain text only (the text after the last span).
        case text
        /// `<em>`, `<strong>` or `<del>` around plain text.
        case em, strong, del
        /// A code span's code.
        case code
        /// `<a href="…">` with the range of the URL, then the link's text and `</a>`.
        case link
    }

    /// Whether the parser set reads the simple spans as this reader does: emphasis, code spans
    /// and links on (the other parsers only make the bytes this reader refuses mean something).
    static func applies(parsersMask mask: UInt32) -> Bool {
        let needed: [SpanParser.Parser] = [.emphasis, .codespan, .link]
        return needed.allSatisfy { mask & (1 << $0.bit) != 0 }
    }

    /// Marks where `b`'s triggers are in `ops` (its trigger bitmap, for `record`), for the whole
    /// text at once, by vector steps where the CPU has them (`kyll_span_trigger_bitmap`); the
    /// first one's index (`b.count` when there is none).
    @inline(__always) static func markTriggers(of b: UnsafeBufferPointer<UInt8>, in ops: Ops) -> Int {
        TriggerBitmap(marking: b, in: ops.triggerWords(forBytes: b.count)).next(from: 0)
    }

    /// The range of `ops` that prints `b`, when the span grammar with the parsers `mask`
    /// (`SpanParser.mask`) reads it as simple spans only; nil (and `ops` as it was) otherwise.
    /// `markedFirstTrigger`, when given, must be what `markTriggers(of: b, in: ops)` returned
    /// just before, for this same `b` and this same `ops`, with nothing marked in `ops` since:
    /// the triggers are then not marked again, and the reading starts there. (Inlined into the
    /// tree pass by hand: the compiler stopped doing it once the marking went through
    /// `TriggerBitmap`, and the calls cost more than they saved in code.)
    @inline(__always) static func record(_ b: UnsafeBufferPointer<UInt8>, markedFirstTrigger: Int? = nil, parsersMask mask: UInt32, into ops: Ops) -> Range<Int32>? {
        let start = ops.count
        let first = markedFirstTrigger ?? markTriggers(of: b, in: ops)
        guard scan(b, from: min(first, b.count), strikethrough: mask & (1 << SpanParser.Parser.strikethrough.bit) != 0, into: ops) else {
            ops.truncate(to: start)
            return nil
        }
        return Int32(start)..<Int32(ops.count)
    }

    /// Reads `b` into `ops`, its trigger bytes from `first` on (there are none before it);
    /// false as soon as something is not a simple span. `b`'s triggers are marked in `ops`.
    private static func scan(_ b: UnsafeBufferPointer<UInt8>, from first: Int, strikethrough: Bool, into ops: Ops) -> Bool {
        // (the scan goes from trigger to trigger through the bitmap: spans are close together,
        // and a vector scan for each stretch between them cost more than it saved)
        let r = Reader(b: b, triggers: TriggerBitmap(marked: ops.triggerWords(forBytes: b.count), count: b.count))
        let n = b.count
        var p = first
        var textStart = 0
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
                ops.emit(len == 2 ? .strong : .em, text: textStart, q, start, close)
                p = close + len
            case Byte.backtick:
                guard let (end, code) = r.codeSpan(q) else { return false }
                ops.emit(.code, text: textStart, q, code.lowerBound, code.upperBound)
                p = end
            case Byte.lbracket:
                guard let (end, content, href) = r.inlineLink(q) else { return false }
                ops.emit(.link, text: textStart, q, href.lowerBound, href.upperBound)
                ops.emitMore(content.lowerBound, content.upperBound)
                p = end
            case Byte.tilde where strikethrough:
                // `~~text~~`, its inside read by a parser of its own: plain text only
                guard let (end, inner) = r.strikethrough(q), r.nextLive(inner.lowerBound) >= inner.upperBound
                else { return false }
                ops.emit(.del, text: textStart, q, inner.lowerBound, inner.upperBound)
                p = end
            default:
                return false
            }
            textStart = p
        }
        if n > textStart { ops.emit(.text, text: textStart, n, 0, 0) }
        return true
    }

    /// The text's bytes and where their triggers are, with the tests the scan makes.
    private struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        /// Where `b`'s triggers are.
        let triggers: TriggerBitmap

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

        /// From `i` to the first trigger that is not inert (the end when there is none); an inert
        /// one (most are: full stops, line ends, hyphens) is passed over.
        @inline(__always) func nextLive(_ i: Int) -> Int {
            triggers.next(from: i, passing: isInert)
        }

        /// The first backtick at or after `i`, or the end: eight bytes a test (the lowest byte
        /// the zero-byte test marks is one).
        @inline(__always) func nextBacktick(_ i: Int) -> Int {
            let n = b.count
            var j = i
            let ones: UInt64 = 0x0101_0101_0101_0101
            while j &+ 8 <= n {
                let w = UnsafeRawPointer(b.baseAddress! + j).loadUnaligned(as: UInt64.self) ^ (ones &* UInt64(Byte.backtick))
                let marks = (w &- ones) & ~w & (ones &<< 7)
                if marks != 0 { return j &+ (marks.trailingZeroBitCount &>> 3) }
                j &+= 8
            }
            while j < n && b[j] != Byte.backtick { j &+= 1 }
            return j
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
            // the first run of `n` backticks from `open` on (it may be longer)
            var i = nextBacktick(open)
            while i + n <= count {
                var run = true
                for k in 1..<n where b[i + k] != Byte.backtick { run = false; break }
                if run { break }
                i = nextBacktick(i + 1)
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
            // to the parenthesis that closes the first one (read from after it); a space before a
            // quote starts a title
            var depth = 1
            var j = open + 1
            while j < n {
                // most URL bytes are none of `(`, `)`, spaces and quotes (all at most `)`): sixteen
                // of them tested at once, then straight to the first that is one (the last few
                // bytes one by one: a longer loop here kept `nextLive` out of this function)
                if j &+ 16 <= n {
                    let (low, high) = SimpleSpans.atMostParenMarks(ofSixteenAt: UnsafeRawPointer(b.baseAddress! + j))
                    if low | high == 0 {
                        j &+= 16
                        continue
                    }
                    j &+= low != 0 ? low.trailingZeroBitCount &>> 3 : 8 &+ (high.trailingZeroBitCount &>> 3)
                }
                let c = b[j]
                if c > Byte.rparen { j += 1; continue }
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
    /// A text's simple spans (`SimpleSpans`), printed from its bytes as the tree pass recorded
    /// them: as the converter prints their elements (tags without attributes, a link's `href`,
    /// code spans as `codespan` does). Texts hold none of the bytes `escape` changes (`"`, `&`,
    /// `<` and `>` all end the simple reading); URLs and code may, and are escaped when they do.
    func simpleSpans(_ el: Element) {
        // (the operations' address read once here: the closure keeps no reference to `ops`)
        let op = ctx.simpleSpanOps.base
        _ = el.withSimpleSpans { b, range in
            guard let text = b.baseAddress else { return }
            var i = Int(range.lowerBound)
            let end = Int(range.upperBound)
            // Texts and tags are written through a local pointer, room made for all of them at
            // once (`out.append` checked the room and reloaded the buffer's fields for each): the
            // texts, code and URLs are parts of the text, none twice, and the tags of an operation
            // take at most 12 bytes for each of its numbers (five, a link's seven) but a code
            // span's opening tag, which names the default language: when it is longer than its
            // span's share (the default opening is 51 bytes), room is made for it on its own.
            // Code and URLs to escape go through `out`, and room is made again after them.
            let tagRoomPerNumber = 12
            let room = b.count &+ tagRoomPerNumber &* (end &- i)
            let codeSpanClosing: StaticString = "</code>"
            let longestOpeningInRoom = 5 &* tagRoomPerNumber &- codeSpanClosing.utf8CodeUnitCount
            var to = out.cursor(room: room)
            var limit = to + room
            @inline(__always) func put(_ src: UnsafePointer<UInt8>, _ n: Int) {
                // the text between two spans is often 33 to 64 bytes: four overlapping 16-byte
                // copies, not a `memcpy` call (after which the loop's registers were reloaded)
                if n > 32 && n <= 64 {
                    let from = UnsafeRawPointer(src), into = UnsafeMutableRawPointer(to)
                    @inline(__always) func copySixteen(at offset: Int) {
                        into.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self),
                                        toByteOffset: offset, as: SIMD16<UInt8>.self)
                    }
                    copySixteen(at: 0)
                    copySixteen(at: 16)
                    copySixteen(at: n &- 32)
                    copySixteen(at: n &- 16)
                } else {
                    HTMLBuffer.copy(src, n, to: to)
                }
                to += n
                assert(to <= limit, "simple spans past the room made for them")
            }
            @inline(__always) func put(_ tag: StaticString) { put(tag.utf8Start, tag.utf8CodeUnitCount) }
            @inline(__always) func put(_ from: Int, _ upTo: Int) { if upTo > from { put(text + from, upTo &- from) } }
            // code and URLs: most need no escape and are copied as they are; the others escaped
            // from the first byte that may need it
            @inline(__always) func putEscaped(_ from: Int, _ upTo: Int, _ mode: HTMLBuffer.EscapeMode) {
                let bytes = UnsafeBufferPointer(start: text + from, count: upTo &- from)
                let special = HTMLBuffer.firstCandidate(in: bytes)
                if special == bytes.count { return put(from, upTo) }
                out.advance(to: to)
                out.escape(bytes: bytes, from: special, mode: mode)
                to = out.cursor(room: room)
                limit = to + room
            }
            while i < end {
                put(Int(op[i &+ 1]), Int(op[i &+ 2]))
                let from = Int(op[i &+ 3]), upTo = Int(op[i &+ 4])
                switch SimpleSpans.Op(rawValue: op[i]) {
                case .em:
                    put("<em>")
                    put(from, upTo)
                    put("</em>")
                case .strong:
                    put("<strong>")
                    put(from, upTo)
                    put("</strong>")
                case .del:
                    put("<del>")
                    put(from, upTo)
                    put("</del>")
                case .code:
                    // most code opens with the plain tag: written here
                    if let open = plainCodeSpanOpening() {
                        if open.count > longestOpeningInRoom {
                            out.advance(to: to)
                            to = out.cursor(room: open.count &+ room)
                            limit = to + (open.count &+ room)
                        }
                        put(open.baseAddress!, open.count)
                        putEscaped(from, upTo, .all)
                        put(codeSpanClosing)
                    } else {
                        out.advance(to: to)
                        codespan(code: UnsafeBufferPointer(start: text + from, count: upTo &- from))
                        to = out.cursor(room: room)
                        limit = to + room
                    }
                case .link:
                    put("<a href=\"")
                    putEscaped(from, upTo, .attribute)
                    put("\">")
                    put(Int(op[i &+ 5]), Int(op[i &+ 6]))
                    put("</a>")
                    i &+= 2
                case .text, nil:
                    break
                }
                i &+= 5
            }
            out.advance(to: to)
        }
    }
}
