/// kramdown's smart-quote rules and typographic symbols (`--`, `---`, `...`, `<<`, `>>`).
extension SpanParser {
    private enum QuoteOut { case text(Range<Int>), quote(Element.Quote) }

    private func isQuote(_ i: Int) -> Bool { src.at(i) == Byte.quote || src.at(i) == Byte.apos }
    private func open(_ i: Int) -> Element.Quote { src[i] == Byte.quote ? .ldquo : .lsquo }
    private func close(_ i: Int) -> Element.Quote { src[i] == Byte.quote ? .rdquo : .rsquo }
    private func isASCIIWord(_ i: Int) -> Bool { src.at(i).map(Byte.isWord) ?? false }
    private func isSpaceAt(_ i: Int) -> Bool { src.at(i).map(Byte.isSpace) ?? false }

    /// Unicode word character for `\b`.
    private func isBoundaryWord(_ i: Int) -> Bool {
        guard let (s, _) = src.scalar(at: i) else { return false }
        return s.isWordClass
    }

    private static func isPunct(_ c: UInt8) -> Bool {
        switch c {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    /// The first of kramdown's SQ_RULES that matches at `p`: what to emit and where it ends.
    private func quoteRule(at p: Int) -> ([QuoteOut], Int)? {
        // 1: ("|')(?=[_*]{1,2}\S)
        if isQuote(p), let a = src.at(p + 1), a == Byte.underscore || a == Byte.star,
           let b = src.at(p + 2), !Byte.isSpace(b) {
            return ([.quote(open(p))], p + 1)
        }
        // 2: ("|')(?=PUNCT(?!\.\.)\B)
        if isQuote(p), let a = src.at(p + 1), Self.isPunct(a), !src.hasPrefix("..", at: p + 2),
           isBoundaryWord(p + 1) == isBoundaryWord(p + 2) {
            return ([.quote(close(p))], p + 1)
        }
        // 3, 4, 5: (\s?)"'(?=\w) / (\s?)'"(?=\w) / (\s?)'(?=\d\ds)
        for lead in (isSpaceAt(p) ? [1, 0] : [0]) {
            let q = p + lead
            if src.at(q) == Byte.quote, src.at(q + 1) == Byte.apos, isASCIIWord(q + 2) {
                return ([.text(p..<q), .quote(.ldquo), .quote(.lsquo)], q + 2)
            }
            if src.at(q) == Byte.apos, src.at(q + 1) == Byte.quote, isASCIIWord(q + 2) {
                return ([.text(p..<q), .quote(.lsquo), .quote(.ldquo)], q + 2)
            }
            if src.at(q) == Byte.apos, let d1 = src.at(q + 1), let d2 = src.at(q + 2), Byte.isDigit(d1),
               Byte.isDigit(d2), src.at(q + 3) == 0x73 {
                return ([.text(p..<q), .quote(.rsquo)], q + 1)
            }
        }
        // 6: (\s)('|")(?=\w)
        if isSpaceAt(p), isQuote(p + 1), isASCIIWord(p + 2) {
            return ([.text(p..<p + 1), .quote(open(p + 1))], p + 2)
        }
        // 7: ([^ \\\t\r\n\[{(-])('|")
        if let (s, l) = src.scalar(at: p), !" \\\t\r\n[{(-".unicodeScalars.contains(s), isQuote(p + l) {
            return ([.text(p..<p + l), .quote(close(p + l))], p + l + 1)
        }
        // 8: ("|')(?=\s|s\b|$)
        if isQuote(p) {
            let n = p + 1
            if n == src.count || isSpaceAt(n) || src[n] == Byte.newline
                || (src[n] == 0x73 && !isBoundaryWord(n + 1)) {
                return ([.quote(close(p))], n)
            }
        }
        // 9, 10: (.?)' and (.?)"
        for target in [Byte.apos, Byte.quote] {
            if let (_, l) = src.scalar(at: p), src.at(p + l) == target {
                return ([.text(p..<p + l), .quote(target == Byte.apos ? .lsquo : .ldquo)], p + l + 1)
            }
            if src.at(p) == target {
                return ([.quote(target == Byte.apos ? .lsquo : .ldquo)], p + 1)
            }
        }
        return nil
    }

    func parseSmartQuotes() {
        guard let (outs, end) = quoteRule(at: pos) else {
            addText(pos, pos + 1); pos += 1
            return
        }
        for o in outs {
            switch o {
            case .text(let r): addText(r.lowerBound, r.upperBound)
            case .quote(let q):
                let el = Element(.smartQuote)
                el.quote = q
                tree.children.append(el)
            }
        }
        pos = end
    }

    /// The typographic symbol at `p` and its length.
    func typographicMatch(at p: Int) -> (Int, [Element])? {
        func sym(_ t: Element.Typographic) -> Element { let s = Element(.typographic); s.typographic = t; return s }
        func ent(_ name: String) -> Element {
            let s = Element(.entity); s.entity = Entity.named(name); return s
        }
        if src.hasPrefix("---", at: p) { return (3, [sym(.mdash)]) }
        if src.hasPrefix("--", at: p) { return (2, [sym(.ndash)]) }
        if src.hasPrefix("...", at: p) { return (3, [sym(.hellip)]) }
        if src.hasPrefix("\\<<", at: p) { return (3, [ent("lt"), ent("lt")]) }
        if src.hasPrefix("\\>>", at: p) { return (3, [ent("gt"), ent("gt")]) }
        if src.hasPrefix("<< ", at: p) { return (3, [sym(.laquoSpace)]) }
        if src.hasPrefix(" >>", at: p) { return (3, [sym(.raquoSpace)]) }
        if src.hasPrefix("<<", at: p) { return (2, [sym(.laquo)]) }
        if src.hasPrefix(">>", at: p) { return (2, [sym(.raquo)]) }
        return nil
    }

    func parseTypographic() {
        guard let (n, spans) = typographicMatch(at: pos) else { return }
        tree.children.append(contentsOf: spans)
        pos += n
    }
}
