extension Lexer {
    public static let yaml = Lexer("yaml", title: "YAML", aliases: ["yml"]) { YAMLTokenizer() }
}

/// YAML as Rouge lexes it: line-oriented, tracking block indentation to decide where plain and
/// block scalars end. Indentation that falls between two open levels is marked as an error.
final class YAMLTokenizer: StackTokenizer {
    enum State: RootState {
        case root, indentation, blockLine, flowSequence, flowMapping
        case blockScalarContent, blockScalarHeader, ignoredLine
        case singleQuoted, doubleQuoted
        case plainInBlockNewLine, plainInBlock, plainInFlow
        case yamlDirective, tagDirective
    }

    let stack = StateStack<State>(.root)
    static let anchorASCII = CharSet(bits: (0x03FF200000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_-"
    static let flowIndicators = CharSet(bits: (0x8400100000000000, 0, 0, 0))   // "?:,"
    static let indicators = CharSet(bits: (0x8400200000000000, 0, 0, 0))   // "-:?"
    static let lineBreaks = CharSet(bits: (0x0000000000003C00, 0, 0, 0))   // "\n\r\u{0C}\u{0B}"
    static let newlines = CharSet(bits: (0x0000000000000400, 0, 0, 0))   // "\n"
    static let spaces = CharSet(bits: (0x0000000100000000, 0, 0, 0))   // " "
    var indentStack = [0]
    var nextIndent = 0
    var blockScalarIndent: Int?

    var indent: Int { indentStack.last ?? 0 }

    func resetIndent() {
        indentStack = [0]
        nextIndent = 0
        blockScalarIndent = nil
    }

    /// Records the indentation `n` of a new line, closing deeper levels. Returns how many of the
    /// `n` spaces are regular indentation (the rest overshoots the enclosing level).
    @discardableResult
    func saveIndent(_ n: Int) -> Int {
        nextIndent = n
        if n < indent {
            while n < indent { indentStack.removeLast() }
            return indent
        }
        return n
    }

    func setIndent(_ size: Int, implicit: Bool = false) {
        if indent < nextIndent { indentStack.append(nextIndent) }
        if !implicit { nextIndent += size }
    }

    static let plainScalarStop = CharSet(bits: (0xC40014EF00003E00, 0x3800000128000001, 0, 0))   // " \t\n\r\u{0C}\u{0B}?:,[]{}#&*!|>'\"%@`"
    static let nonBlank = CharSet(bits: (0xFFFFFFFEFFFFC1FF, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF))   // not " \t\n\r\u{0C}\u{0B}"
    static let tagURIChars = CharSet(bits: (0xAFFFFFF200000000, 0x47FFFFFEAFFFFFFF, 0, 0))   // "0-9A-Za-z;/?:@&=+$,_.!~*'()[]%-"
    static let tagSuffixChars = CharSet(bits: (0xAFFFFFF200000000, 0x47FFFFFEAFFFFFFF, 0, 0))   // "a-zA-Z0-9_;/?:@&=+$,.!~*'()[]%-"

    /// Ruby's `$`: the end of the text or a newline.
    func isLineEnd(_ s: Scan, _ i: Int) -> Bool { i >= s.end || s.at(i) == 10 }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root: return root(&s)
        case .indentation: return indentation(&s)
        case .blockLine: return blockLine(&s)
        case .flowSequence, .flowMapping: return flowCollection(&s, closing: state == .flowSequence ? 93 : 125)
        case .blockScalarContent: return blockScalarContent(&s)
        case .blockScalarHeader: return blockScalarHeader(&s)
        case .ignoredLine: return ignoredLine(&s)
        case .singleQuoted: return singleQuoted(&s)
        case .doubleQuoted: return doubleQuoted(&s)
        case .plainInBlockNewLine: return plainInBlockNewLine(&s)
        case .plainInBlock: return plainInBlock(&s)
        case .plainInFlow: return plainInFlow(&s)
        case .yamlDirective: return yamlDirective(&s)
        case .tagDirective: return tagDirective(&s)
        }
    }

    /// `#.*$`
    func comment(_ s: inout Scan) -> Bool {
        guard s.peek() == 35 else { return false }
        s.emit(.commentSingle, to: s.lineEnd(from: s.pos))
        return true
    }

    private func root(_ s: inout Scan) -> Bool {
        if comment(&s) { return true }
        let c = s.peek()
        if c == 10 { s.emit(.text, to: s.skip(Self.newlines)); return true }
        let spaces = s.skip(Self.spaces)
        if spaces > s.pos && (s.at(spaces) == 35 || isLineEnd(s, spaces)) { s.emit(.text, to: spaces); return true }
        if s.atLineStart {
            if s.has("%YAML") && !s.wordAt(s.pos + 5) {
                s.emit(.nameTag, count: 5); resetIndent(); push(.yamlDirective); return true
            }
            if s.has("%TAG") && !s.wordAt(s.pos + 4) {
                s.emit(.nameTag, count: 4); resetIndent(); push(.tagDirective); return true
            }
            if (s.has("---") || s.has("...")) && (s.at(s.pos + 3) == 32 || isLineEnd(s, s.pos + 3)) {
                s.emit(.nameNamespace, count: 3); resetIndent(); push(.blockLine); return true
            }
        }
        // `[ ]*(?!\s|$)`: the spaces before a line's first visible character.
        guard spaces < s.end, !CharSet.space.contains(s.at(spaces)) else { return false }
        let regular = saveIndent(spaces - s.pos)
        s.emit((.text, s.pos + regular), (.error, spaces))
        push(.blockLine)
        push(.indentation)
        return true
    }

    private func indentation(_ s: inout Scan) -> Bool {
        // `\s*?\n`: a line holding only whitespace.
        var i = s.pos
        while i < s.end && CharSet.space.contains(s.at(i)) && s.at(i) != 10 { i += 1 }
        if s.at(i) == 10 && i < s.end { s.emit(.text, to: i + 1); pop(2); return true }
        func indicator(_ j: Int) -> Bool {
            Self.indicators.contains(s.at(j)) && j < s.end && (s.at(j + 1) == 32 || isLineEnd(s, j + 1))
        }
        let spaces = s.skip(Self.spaces)
        if spaces > s.pos && indicator(spaces) {
            nextIndent += spaces - s.pos
            s.emit(.text, to: spaces)
            return true
        }
        if indicator(s.pos) {
            setIndent(1)
            s.emit(.punctuationIndicator, count: 1)
            return true
        }
        nextIndent += spaces - s.pos
        s.emit(.text, to: spaces)
        pop()
        return true
    }

    private func blockLine(_ s: inout Scan) -> Bool {
        let spaces = s.skip(Self.spaces)
        if s.at(spaces) == 35 || isLineEnd(s, spaces) { s.emit(.text, to: spaces); pop(); return true }
        if spaces > s.pos { s.emit(.text, to: spaces); return true }
        if descriptor(&s) || blockNode(&s) || flowNode(&s) { return true }
        let c = s.peek()
        if !Self.plainScalarStop.contains(c) || (CharSet("?:-").contains(c) && Self.nonBlank.contains(s.peek(1)) && s.pos + 1 < s.end) {
            push(.plainInBlock)
            return true
        }
        return false
    }

    /// Tags, anchors and aliases.
    func descriptor(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 33 /* ! */ {
            if s.peek(1) == 60 {
                let e = s.skip(Self.tagURIChars, from: s.pos + 2)
                if e > s.pos + 2 && s.at(e) == 62 { s.emit(.keywordType, to: e + 1); return true }
            }
            s.emit(.keywordType, to: s.skip(Self.tagSuffixChars, from: s.pos + 1))
            return true
        }
        if c == 38 || c == 42 {
            let e = s.skip(Self.anchorASCII, unicode: Self.isAnchorChar, from: s.pos + 1)
            guard e > s.pos + 1 else { return false }
            s.emit(c == 38 ? .nameLabel : .nameVariable, to: e)
            return true
        }
        return false
    }

    /// `[\p{L}\p{Nl}\p{Nd}_-]`
    static func isAnchorChar(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return Self.anchorASCII.contains(UInt8(u.value)) }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .letterNumber, .decimalNumber:
            return true
        default:
            return false
        }
    }

    static let keyChars = CharSet(bits: (0x7BFFEF73FFFFFBFF, 0xD7FFFFFFD7FFFFFF, 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF))   // not "#,:?[]{}\"'\n"

    private func blockNode(_ s: inout Scan) -> Bool {
        // `([^#,:?\[\]{}"'\n]+)(:)(?=\s|$)`: a mapping key.
        let e = s.skip(Self.keyChars)
        if e > s.pos && s.at(e) == 58 && e < s.end && (e + 1 >= s.end || CharSet.space.contains(s.at(e + 1))) {
            s.emit((.nameAttribute, e), (.punctuationIndicator, e + 1))
            setIndent(0, implicit: true)
            return true
        }
        let c = s.peek()
        if c == 124 || c == 62 {
            s.emit(.punctuationIndicator, count: s.peek(1) == 43 || s.peek(1) == 45 ? 2 : 1)
            push(.blockScalarContent)
            push(.blockScalarHeader)
            return true
        }
        return false
    }

    func flowNode(_ s: inout Scan) -> Bool {
        switch s.peek() {
        case 91: s.emit(.punctuationIndicator, count: 1); push(.flowSequence)
        case 123: s.emit(.punctuationIndicator, count: 1); push(.flowMapping)
        case 39: s.emit(.stringSingle, count: 1); push(.singleQuoted)
        case 34: s.emit(.stringDouble, count: 1); push(.doubleQuoted)
        default: return false
        }
        return true
    }

    private func flowCollection(_ s: inout Scan, closing: UInt8) -> Bool {
        let c = s.peek()
        if c == closing { s.emit(.punctuationIndicator, count: 1); pop(); return true }
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if comment(&s) { return true }
        if Self.flowIndicators.contains(c) { s.emit(.punctuationIndicator, count: 1); return true }
        if descriptor(&s) || flowNode(&s) { return true }
        if !Self.plainScalarStop.contains(c) { push(.plainInFlow); return true }
        return false
    }
}
