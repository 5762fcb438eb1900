extension Lexer {
    public static let html = Lexer("html", title: "HTML") { HTMLTokenizer() }
}

/// HTML: tags, attributes, entities and comments; `<script>` and `<style>` bodies are handed to
/// the JavaScript and CSS lexers (each a fresh one per element, fed piece by piece).
final class HTMLTokenizer: StackTokenizer {
    enum State: RootState {
        case root, tagEnd, tagEndEnd, tagStart, comment, tag, attribute, doubleQuoted, singleQuoted
        case scriptContent, styleContent
    }

    let stack = StateStack<State>(.root)
    static let attributeChars = CharSet(bits: (0x07FF670000000000, 0x07FFFFFEAFFFFFFE, 0, 0))   // "a-zA-Z0-9_:.[]()*-"
    static let attributeStart = CharSet(bits: (0x0400670000000000, 0x07FFFFFEAFFFFFFE, 0, 0))   // "a-zA-Z:_[]()*.-"
    static let bareAttributeChars = CharSet(bits: (0x07FF640800000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_:.*#-"
    static let bareAttributeStart = CharSet(bits: (0x0400240800000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z:_*#-"
    static let dash = CharSet(bits: (0x0000200000000000, 0, 0, 0))   // "-"
    static let nameChars = CharSet(bits: (0x07FF600000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_:.-"
    static let nameStart = CharSet(bits: (0x0400200000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z:_-"
    static let textStops = CharSet(bits: (0x1000004000000000, 0, 0, 0))   // "<&"
    static let unquotedStops = CharSet(bits: (0x4000000100003E00, 0, 0, 0))   // " \t\n\r\u{0B}\u{0C}>"
    private var javascript = JavaScriptTokenizer(typescript: false)
    private var css = CSSTokenizer()

    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root: return root(&s)
        case .tagEnd:
            if tagEndEnd(&s) { return true }
            guard let e = Self.name(s, s.pos) else { return false }
            s.emit(.nameTag, to: e)
            goto(.tagEndEnd)
            return true
        case .tagEndEnd: return tagEndEnd(&s)
        case .tagStart:
            if CharSet.space.contains(s.peek()) { s.emit(.text, to: s.skip(CharSet.space)); return true }
            if let e = Self.name(s, s.pos) { s.emit(.nameTag, to: e) }
            goto(.tag)
            return true
        case .comment:
            if s.has("-->") { s.emit(.comment, count: 3); pop(); return true }
            let e = s.skip(Self.dash.inverted)
            s.emit(.comment, to: e > s.pos ? e : s.pos + 1)
            return true
        case .tag: return tag(&s)
        case .attribute:
            let c = s.peek()
            if c == 34 { s.emit(.string, count: 1); goto(.doubleQuoted); return true }
            if c == 39 { s.emit(.string, count: 1); goto(.singleQuoted); return true }
            let e = s.skip(Self.unquotedStops.inverted)
            guard e > s.pos else { return false }
            s.emit(.string, to: e)
            pop()
            return true
        case .doubleQuoted, .singleQuoted:
            let quote: UInt8 = state == .doubleQuoted ? 34 : 39
            if s.peek() == quote { s.emit(.string, count: 1); pop(); return true }
            s.emit(.string, to: s.find(quote, from: s.pos) ?? s.end)
            return true
        case .scriptContent, .styleContent:
            let element: StaticString = state == .scriptContent ? "script" : "style"
            let lexer: Tokenizer = state == .scriptContent ? javascript : css
            if s.peek() == 60 {
                if let e = Self.closingTag(s, element) { s.emit(.nameTag, to: e); pop(); return true }
                delegate(lexer, &s, s.pos, s.pos + 1)
                return true
            }
            delegate(lexer, &s, s.pos, s.find(60, from: s.pos) ?? s.end)
            return true
        }
    }

    /// `[\p{L}:_-][\p{Word}\p{Cf}:.·-]*`: a tag name at `i`.
    static func name(_ s: Scan, _ i: Int) -> Int? {
        guard let h = s.one(Self.nameStart, unicode: UnicodeClass.isLetter, at: i) else { return nil }
        return s.skip(Self.nameChars, unicode: nameChar, from: h)
    }

    /// `[\p{Word}\p{Cf}·]` beyond ASCII.
    static func nameChar(_ u: Unicode.Scalar) -> Bool {
        UnicodeClass.isWord(u) || u.properties.generalCategory == .format || u == "·"
    }

    /// `<\s*/\s*NAME\s*>` at the position.
    static func closingTag(_ s: Scan, _ element: StaticString) -> Int? {
        var i = s.skip(CharSet.space, from: s.pos + 1)
        guard s.at(i) == 47 && i < s.end else { return nil }
        i = s.skip(CharSet.space, from: i + 1)
        guard s.has(element, at: i) else { return nil }
        i = s.skip(CharSet.space, from: i + element.utf8CodeUnitCount)
        return s.at(i) == 62 && i < s.end ? i + 1 : nil
    }

    private func tagEndEnd(_ s: inout Scan) -> Bool {
        if CharSet.space.contains(s.peek()) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if s.peek() == 62 { s.emit(.nameTag, count: 1); pop(); return true }
        return false
    }

    /// Text up to the next `<` or `&`, or an entity `&\S*?;` there (XML's rule too): true when a
    /// token was emitted, false at an `&` that starts no entity, nil at a `<`.
    static func textOrEntity(_ s: inout Scan) -> Bool? {
        let e = s.skip(Self.textStops.inverted)
        if e > s.pos { s.emit(.text, to: e); return true }
        guard s.peek() == 38 else { return nil }
        var i = s.pos + 1
        while i < s.end && !CharSet.space.contains(s.base[i]) {
            if s.base[i] == 59 { s.emit(.nameEntity, to: i + 1); return true }
            i += 1
        }
        return false
    }

    private func root(_ s: inout Scan) -> Bool {
        if let emitted = Self.textOrEntity(&s) { return emitted }
        if s.hasIgnoringCase("<!doctype "), let close = s.find(62, from: s.pos + 10) {
            s.emit(.commentPreproc, to: close + 1)
            return true
        }
        if s.has("<![CDATA["), let close = s.find("]]>", from: s.pos + 9) {
            s.emit(.commentPreproc, to: close + 3)
            return true
        }
        if s.has("<!--") { s.emit(.comment, count: 4); push(.comment); return true }
        if s.has("<?"), let close = s.find("?>", from: s.pos + 2) {
            s.emit(.commentPreproc, to: close + 2)
            return true
        }
        let a = s.skip(CharSet.space, from: s.pos + 1)
        for (element, content): (StaticString, State) in [("script", .scriptContent), ("style", .styleContent)] where s.has(element, at: a) {
            s.emit(.nameTag, to: s.skip(CharSet.space, from: a + element.utf8CodeUnitCount))
            if content == .scriptContent { javascript = JavaScriptTokenizer(typescript: false) } else { css = CSSTokenizer() }
            push(content)
            push(.tag)
            return true
        }
        if s.peek(1) == 47 { s.emit(.nameTag, count: 2); push(.tagEnd); return true }
        s.emit(.nameTag, count: 1)
        push(.tagStart)
        return true
    }

    private func tag(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        // An attribute with a value: `name\s*=\s*`.
        if let h = s.one(Self.attributeStart, unicode: UnicodeClass.isLetter, at: s.pos) {
            let n = s.skip(Self.attributeChars, unicode: Self.nameChar, from: h)
            let ws = s.skip(CharSet.space, from: n)
            if s.at(ws) == 61 && ws < s.end {
                s.emit(.nameAttribute, to: s.skip(CharSet.space, from: ws + 1))
                push(.attribute)
                return true
            }
        }
        if let h = s.one(Self.bareAttributeStart, unicode: UnicodeClass.isLetter, at: s.pos) {
            s.emit(.nameAttribute, to: s.skip(Self.bareAttributeChars, unicode: Self.nameChar, from: h))
            return true
        }
        let slash = c == 47 ? s.pos + 1 : s.pos
        let ws = s.skip(CharSet.space, from: slash)
        if s.at(ws) == 62 && ws < s.end { s.emit(.nameTag, to: ws + 1); pop(); return true }
        return false
    }
}
