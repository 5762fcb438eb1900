extension Lexer {
    public static let sass = Lexer("sass", title: "Sass") { SassTokenizer(indented: true) }
    public static let scss = Lexer("scss", title: "SCSS") { SassTokenizer(indented: false) }
}

/// Sass (indented syntax) and SCSS. Values and selectors run to the end of the line (Sass) or to
/// `;`, `{`, `}` (SCSS), where the stack starts over.
final class SassTokenizer: StackTokenizer {
    enum State: RootState {
        case root, content, singleComment, multiComment, `import`, oldStyleAttribute
        case value, interpolation, selector, doubleQuoted, singleQuoted, stringURL
        case pseudoClass, className, id, placeholder, `for`, attribute, inlineComment
    }

    let stack = StateStack<State>(.root)
    static let alnum = CharSet(bits: (0x03FF000000000000, 0x07FFFFFE07FFFFFE, 0, 0))   // "a-zA-Z0-9"
    static let attributeEnds = CharSet(bits: (0x0800000000000000, 0x2000000000000000, 0, 0))   // ";}"
    static let attributeStops = CharSet(bits: (0x0C00000000000000, 0x2800000008000000, 0, 0))   // ";{}:["
    static let blockChars = CharSet(bits: (0x0800000000000000, 0x2800000000000000, 0, 0))   // ";{}"
    static let brackets = CharSet(bits: (0x0000030000000000, 0x0000000028000000, 0, 0))   // "[]()"
    static let lower = CharSet(bits: (0, 0x07FFFFFE00000000, 0, 0))   // "a-z"
    static let selectorOperators = CharSet(bits: (0xFC00FF4200000000, 0x5000000068000001, 0, 0))   // "~^*!&[]()<>|+=@:;,./?-"
    static let spaceTab = CharSet(bits: (0x0000000100000200, 0, 0, 0))   // " \t"
    static let valueOperators = CharSet(bits: (0xF400FC6200000000, 0x5000000040000001, 0, 0))   // "~^*!&%<>|+=@:,./?-"
    let indented: Bool
    // Sass comment blocks: lines indented deeper than a comment continue it.
    var blockState: State?
    var blockIndentation: [UInt8]?
    var lastIndentation: [UInt8]?

    init(indented: Bool) { self.indented = indented }

    static let idChars = CharSet(bits: (0x03FF200000000000, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z0-9_-"

    /// `[\w-]+` at `i`.
    func id(_ s: Scan, _ i: Int) -> Int? {
        let e = s.skip(Self.idChars, from: i)
        return e > i ? e : nil
    }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        switch state {
        case .root: return indented ? sassRoot(&s) : scssRoot(&s)
        case .content: return content(&s)
        case .singleComment: s.emit(.commentSingle, to: s.lineEnd(from: s.pos)); pop(); return true
        case .multiComment:
            guard let nl = s.find(10, from: s.pos) else { return false }
            s.emit(.commentMultiline, to: nl + 1)
            pop()
            return true
        case .import:
            let c = s.peek()
            if c == 32 || c == 9 { s.emit(.text, to: s.skip(Self.spaceTab)); return true }
            if c == 10 { s.emit(.text, count: 1); pop(); return true }
            let e = s.skip(CharSet.space.inverted)
            guard e > s.pos else { return false }
            s.emit(.string, to: e)
            return true
        case .oldStyleAttribute:
            if attributeName(&s) { return true }
            pop()
            push(.value)
            return true
        case .value: return value(&s)
        case .interpolation:
            if s.peek() == 125 { s.emit(.stringInterpol, count: 1); pop(); return true }
            return value(&s)
        case .selector: return selector(&s)
        case .doubleQuoted, .singleQuoted:
            let quote: UInt8 = state == .doubleQuoted ? 34 : 39
            if s.peek() == quote { s.emit(state == .doubleQuoted ? .stringDouble : .stringSingle, count: 1); pop(); return true }
            if interpolationStart(&s) { return true }
            return stringRun(&s, stop: quote, token: state == .doubleQuoted ? .stringDouble : .stringSingle)
        case .stringURL:
            if s.peek() == 41 { s.emit(.stringOther, count: 1); pop(); return true }
            if stringRun(&s, stop: 41, token: .stringOther) { return true }
            return interpolationStart(&s)
        case .pseudoClass, .className, .id, .placeholder:
            if let e = id(s, s.pos) {
                let token: Token = state == .pseudoClass ? .nameDecorator : state == .className ? .nameClass
                    : state == .id ? .nameNamespace : .nameVariable
                s.emit(token, to: e)
                return true
            }
            if interpolationStart(&s) { return true }
            pop()
            return true
        case .for:
            for w: StaticString in ["from", "to", "through"] where s.has(w) {
                s.emit(.operatorWord, count: w.utf8CodeUnitCount)
                return true
            }
            return value(&s)
        case .attribute:
            if attributeName(&s) { return true }
            let ws = s.skip(Self.spaceTab)
            if s.at(ws) == 58 && ws < s.end { s.emit((.text, ws), (.punctuation, ws + 1)); push(.value); return true }
            return false
        case .inlineComment:
            // (\\#|#(?=[^\n{])|\*(?=[^\n\/])|[^\n#*])+
            var i = s.pos
            while i < s.end {
                let c = s.base[i]
                if c == 92 && s.at(i + 1) == 35 && i + 1 < s.end { i += 2; continue }
                if c == 35 { if i + 1 < s.end && s.at(i + 1) != 10 && s.at(i + 1) != 123 { i += 1; continue } else { break } }
                if c == 42 { if i + 1 < s.end && s.at(i + 1) != 10 && s.at(i + 1) != 47 { i += 1; continue } else { break } }
                if c == 10 { break }
                i += 1
            }
            if i > s.pos { s.emit(.commentMultiline, to: i); return true }
            if interpolationStart(&s) { return true }
            if s.has("*/") { s.emit(.commentMultiline, count: 2); pop(); return true }
            return false
        }
    }

    /// `(\\.|#(?![{])|[^\n STOP #])+`
    func stringRun(_ s: inout Scan, stop: UInt8, token: Token) -> Bool {
        var i = s.pos
        while i < s.end {
            let c = s.base[i]
            if c == 92 && i + 1 < s.end && s.base[i + 1] != 10 { i = s.charEnd(i + 1); continue }
            if c == 35 { if s.at(i + 1) == 123 && i + 1 < s.end { break } else { i += 1; continue } }
            if c == 10 || c == stop { break }
            i = s.charEnd(i)
        }
        guard i > s.pos else { return false }
        s.emit(token, to: i)
        return true
    }

    func interpolationStart(_ s: inout Scan) -> Bool {
        guard s.peek() == 35 && s.peek(1) == 123 else { return false }
        s.emit(.stringInterpol, count: 2)
        push(.interpolation)
        return true
    }

    /// attr_common: interpolation or a property name.
    func attributeName(_ s: inout Scan) -> Bool {
        if interpolationStart(&s) { return true }
        guard let e = id(s, s.pos) else { return false }
        s.emit(s.contains(CSSWords.properties, s.pos, e) ? .nameLabel : .nameAttribute, to: e)
        return true
    }

    /// Where values and selectors end: a newline (Sass) or `;`, `{`, `}` (SCSS).
    func endSection(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if indented {
            guard c == 10 else { return false }
            s.emit(.text, count: 1)
            stack.reset(to: .root)
            return true
        }
        if c == 10 { s.emit(.text, count: 1); return true }
        guard c == 59 || c == 123 || c == 125 else { return false }
        s.emit(.punctuation, count: 1)
        stack.reset(to: .root)
        return true
    }
}
