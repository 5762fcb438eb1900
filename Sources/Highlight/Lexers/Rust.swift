extension Lexer {
    public static let rust = Lexer("rust", title: "Rust", aliases: [
        "rs", "rust,no_run", "rs,no_run", "rust,ignore", "rs,ignore", "rust,should_panic", "rs,should_panic",
    ]) { RustTokenizer() }
}

/// Rust: items, literals, attributes, lifetimes, nested block comments and macros (whose
/// delimiters are counted to find where the invocation ends).
final class RustTokenizer: StackTokenizer {
    enum State: RootState {
        case root, bol, attribute, plainBlock, docBlock, macro, macroRules, string
    }

    let stack = StateStack<State>(.root, .bol)
    static let attributePunctuation = CharSet(bits: (0x2400130000000000, 0, 0, 0))   // "(,)=:"
    static let binaryDigits = CharSet(bits: (0x0003000000000000, 0x0000000080000000, 0, 0))   // "01_"
    static let commentStops = CharSet(bits: (0x0000840000000000, 0, 0, 0))   // "*/"
    static let decimalDigits = CharSet(bits: (0x03FF000000000000, 0x0000000080000000, 0, 0))   // "0-9_"
    static let escapeLetters = CharSet(bits: (0x0001008400000000, 0x0014400010000000, 0, 0))   // "nrt'\"\\0"
    static let hash = CharSet(bits: (0x0000000800000000, 0, 0, 0))   // "#"
    static let hexDigits = CharSet(bits: (0x03FF000000000000, 0x0000007E8000007E, 0, 0))   // "0-9a-fA-F_"
    static let identifierStart = CharSet(bits: (0, 0x07FFFFFE87FFFFFE, 0, 0))   // "a-zA-Z_"
    static let octalDigits = CharSet(bits: (0x00FF000000000000, 0x0000000080000000, 0, 0))   // "0-7_"
    static let operatorChars = CharSet(bits: (0xF000AC6200000000, 0x4000000040000001, 0, 0))   // "*/!@~&+%^<>=?-"
    static let punctuationChars = CharSet(bits: (0x0C00130000000000, 0x3800000028000000, 0, 0))   // "()[]{}|,:;"
    static let star = CharSet(bits: (0x0000040000000000, 0, 0, 0))   // "*"
    static let stringStops = CharSet(bits: (0x0000000400000000, 0x0000000010000000, 0, 0))   // "\"\\"
    static let underscore = CharSet(bits: (0, 0x0000000080000000, 0, 0))   // "_"
    /// Open macro delimiters by closing character: `]`, `)`, `}`.
    var macroDelimiters = [0, 0, 0]

    static let keywords = WordSet("""
        as async await break const continue crate dyn else enum extern false fn for if impl in let log
        loop match mod move mut pub ref return self Self static struct super trait true type unsafe use
        where while abstract become box do final macro override priv typeof unsized virtual yield try
        union
        """)
    static let builtins = WordSet("""
        Add BitAnd BitOr BitXor bool c_char c_double c_float char c_int clock_t c_long c_longlong Cons
        Const Copy c_schar c_short c_uchar c_uint c_ulong c_ulonglong c_ushort c_void dev_t DIR dirent
        Div Either Eq Err f32 f64 Failure FILE float fpos_t i16 i32 i64 i8 isize Index ino_t int
        intptr_t Left mode_t Modulo Mul Neg Nil None Num off_t Ok Option Ord Owned pid_t Ptr ptrdiff_t
        Right Send Shl Shr size_t Some ssize_t str Sub Success time_t u16 u32 u64 u8 usize uint
        uintptr_t Box Vec String Gc Rc Arc u128 i128 Result Sync Pin Unpin Sized Drop drop Fn FnMut
        FnOnce Clone PartialEq PartialOrd AsMut AsRef From Into Default DoubleEndedIterator
        ExactSizeIterator Extend IntoIterator Iterator
        """)

    /// `[\p{XID_Start}_]\p{XID_Continue}*`
    static func identifier(_ s: Scan, _ i: Int) -> Int? {
        guard let h = s.one(Self.identifierStart, unicode: { $0.properties.isXIDStart }, at: i) else { return nil }
        return s.skip(.word, unicode: { $0.properties.isXIDContinue }, from: h)
    }

    func step(_ state: State, _ s: inout Scan) -> Bool {
        let c = s.peek()
        switch state {
        case .root: return root(&s)
        case .bol:
            if whitespace(&s) { return true }
            if c == 35 && CharSet.space.contains(s.peek(1)) && s.pos + 1 < s.end {
                s.emit(.commentSpecial, to: s.lineEnd(from: s.pos))
                return true
            }
            pop()
            return true
        case .attribute:
            if whitespace(&s) || literal(&s) { return true }
            if Self.attributePunctuation.contains(c) { s.emit(.nameDecorator, count: 1); return true }
            if c == 93 { s.emit(.nameDecorator, count: 1); pop(); return true }
            guard let e = Self.identifier(s, s.pos) else { return false }
            s.emit(.nameDecorator, to: e)
            return true
        case .plainBlock, .docBlock:
            let token: Token = state == .plainBlock ? .commentMultiline : .commentDoc
            if s.has("*/") { s.emit(token, count: 2); pop(); return true }
            if s.has("/*") { s.emit(token, count: 2); push(state); return true }
            let e = s.skip(Self.commentStops.inverted)
            s.emit(token, to: e > s.pos ? e : s.pos + 1)
            return true
        case .macroRules:
            if c == 36 {
                var e = s.pos + 1
                if let id = Self.identifier(s, s.pos + 1) {
                    e = id
                    if s.at(id) == 58 && id < s.end, let kind = Self.identifier(s, id + 1) { e = kind }
                }
                s.emit(.nameVariable, to: e)
                return true
            }
            return macro(&s)
        case .macro: return macro(&s)
        case .string:
            if c == 34 { s.emit(.string, count: 1); pop(); return true }
            if let e = escape(s, s.pos) { s.emit(.stringEscape, to: e); return true }
            let e = s.skip(Self.stringStops.inverted)
            guard e > s.pos else { return false }
            s.emit(.string, to: e)
            return true
        }
    }

    private func macro(_ s: inout Scan) -> Bool {
        if literal(&s) { return true }
        let c = s.peek()
        if let k = [91, 40, 123].firstIndex(of: c) { macroDelimiters[k] += 1; s.emit(.punctuation, count: 1); return true }
        if let k = [93, 41, 125].firstIndex(of: c) {
            macroDelimiters[k] -= 1
            if macroDelimiters.allSatisfy({ $0 == 0 }) { pop() }
            s.emit(.punctuation, count: 1)
            return true
        }
        if let e = Self.identifier(s, s.pos), s.at(e) == 33 && e < s.end { s.emit(.nameDecorator, to: e + 1); return true }
        if root(&s) { return true }
        guard c != 10 else { return false }
        s.emitChar(.text)
        return true
    }

    /// `\\([nrt'"\\0]|x[0-9a-f]{2}|u\{([0-9a-f]_*){1,6}\})`
    func escape(_ s: Scan, _ i: Int) -> Int? {
        guard s.at(i) == 92, i + 1 < s.end else { return nil }
        let n = s.at(i + 1)
        if Self.escapeLetters.contains(n) { return i + 2 }
        if n == 120 { return s.skip(.hex, from: i + 2) >= i + 4 ? i + 4 : nil }
        guard n == 117, s.at(i + 2) == 123 else { return nil }
        var j = i + 3
        var groups = 0
        while groups < 6 && CharSet.hex.contains(s.at(j)) && j < s.end {
            j = s.skip(Self.underscore, from: j + 1)
            groups += 1
        }
        return groups > 0 && s.at(j) == 125 && j < s.end ? j + 1 : nil
    }

    func whitespace(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        guard c == 47 else { return false }
        if s.has("////") { s.emit(.commentSingle, to: s.lineEnd(from: s.pos)); return true }
        if s.has("///") || s.has("//!") { s.emit(.commentDoc, to: s.lineEnd(from: s.pos)); return true }
        if s.has("//") { s.emit(.commentSingle, to: s.lineEnd(from: s.pos)); return true }
        if s.has("/**/") { s.emit(.commentMultiline, count: 4); return true }
        if s.has("/***/") { s.emit(.commentMultiline, count: 5); return true }
        if s.has("/***") { s.emit(.commentMultiline, to: s.skip(Self.star, from: s.pos + 1)); push(.plainBlock); return true }
        if s.has("/**") || s.has("/*!") { s.emit(.commentDoc, count: 3); push(.docBlock); return true }
        if s.has("/*") { s.emit(.commentMultiline, count: 2); push(.plainBlock); return true }
        return false
    }
}
