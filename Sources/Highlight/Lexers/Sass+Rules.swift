extension SassTokenizer {
    func scssRoot(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if CharSet.space.contains(c) { s.emit(.text, to: s.skip(CharSet.space)); return true }
        if c == 47 && s.peek(1) == 47 { s.emit(.commentSingle, to: s.lineEnd(from: s.pos)); return true }
        if c == 47 && s.peek(1) == 42, let close = s.find("*/", from: s.pos + 2) {
            s.emit(.commentMultiline, to: close + 2)
            return true
        }
        if s.has("@import") && !s.wordAt(s.pos + 7) { s.emit(.keyword, count: 7); push(.value); return true }
        if contentCommon(&s) { return true }
        // (?=[^;{}][;}]) or (?=[^;{}:\[]+:[^a-z])
        if !Self.blockChars.contains(c) && Self.attributeEnds.contains(s.at(s.charEnd(s.pos))) && s.charEnd(s.pos) < s.end {
            push(.attribute)
            return true
        }
        let run = s.skip(Self.attributeStops.inverted)
        if run > s.pos && s.at(run) == 58 && run + 1 < s.end && !Self.lower.contains(s.at(run + 1)) {
            push(.attribute)
            return true
        }
        push(.selector)
        return true
    }

    func sassRoot(_ s: inout Scan) -> Bool {
        let ws = s.skip(Self.spaceTab)
        if s.at(ws) == 10 && ws < s.end { s.emit(.text, to: ws + 1); return true }
        let indent = Array(UnsafeBufferPointer(start: s.base + s.pos, count: ws - s.pos))
        s.emit(.text, to: ws)
        lastIndentation = indent
        if let block = blockState, let base = blockIndentation, indent.starts(with: base), indent != base {
            push(block)
        } else {
            blockState = nil
            blockIndentation = nil
            push(.content)
        }
        return true
    }

    func startsBlock(_ state: State) {
        blockState = state
        blockIndentation = lastIndentation ?? []
    }

    func content(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 47 && s.peek(1) == 47 {
            s.emit(.commentSingle, to: s.lineEnd(from: s.pos))
            pop()
            startsBlock(.singleComment)
            return true
        }
        if c == 47 && s.peek(1) == 42, let nl = s.find(10, from: s.pos + 2) {
            s.emit(.commentMultiline, to: nl + 1)
            pop()
            startsBlock(.multiComment)
            return true
        }
        if s.has("@import") && !s.wordAt(s.pos + 7) { s.emit(.keyword, count: 7); push(.import); return true }
        if contentCommon(&s) { return true }
        if (c == 61 || c == 43), let e = id(s, s.pos + 1) {
            s.emit(c == 61 ? .nameFunction : .nameDecorator, to: e)
            push(.value)
            return true
        }
        if c == 58 { s.emit(.nameAttribute, count: 1); push(.oldStyleAttribute); return true }
        // (?=[^\[\n]+?:([^a-z]|$)): a later colon on this line not followed by a letter.
        var i = s.pos + 1
        while c != 91 && c != 10 && i < s.end && s.base[i] != 10 && s.base[i] != 91 {
            if s.base[i] == 58 && (i + 1 >= s.end || s.base[i + 1] == 10 || !Self.lower.contains(s.base[i + 1])) {
                push(.attribute)
                return true
            }
            i += 1
        }
        push(.selector)
        return true
    }

    func contentCommon(_ s: inout Scan) -> Bool {
        let c = s.peek()
        if c == 64 {
            if s.hasWord("@for") { s.emit(.keyword, count: 4); push(.for); return true }
            for w: StaticString in ["@debug", "@warn", "@if", "@each", "@while", "@else", "@return", "@media"] where s.has(w) {
                s.emit(.keyword, count: w.utf8CodeUnitCount)
                push(.value)
                return true
            }
            for (w, token): (StaticString, Token) in [("@mixin", .nameFunction), ("@function", .nameFunction)] where s.has(w) {
                let a = s.pos + w.utf8CodeUnitCount
                let b = s.skip(CharSet.space, from: a)
                if b > a, let e = id(s, b) { s.emit((.keyword, a), (.text, b), (token, e)); push(.value); return true }
            }
            if s.hasWord("@extend") { s.emit(.keyword, count: 7); push(.selector); return true }
            if s.has("@include") {
                let a = s.pos + 8
                let b = s.skip(CharSet.space, from: a)
                if b > a, let e = id(s, b) { s.emit((.keyword, a), (.text, b), (.nameDecorator, e)); push(.value); return true }
            }
            if let e = id(s, s.pos + 1) { s.emit(.keyword, to: e); push(.selector); return true }
        }
        if c == 38 { s.emit(.keyword, count: 1); push(.selector); return true }
        if c == 36, let e = id(s, s.pos + 1) {
            let ws = s.skip(Self.spaceTab, from: e)
            if s.at(ws) == 58 && ws < s.end { s.emit((.nameVariable, e), (.text, ws), (.punctuation, ws + 1)); push(.value); return true }
        }
        return false
    }

    func value(_ s: inout Scan) -> Bool {
        if endSection(&s) { return true }
        let c = s.peek()
        if c == 32 || c == 9 { s.emit(.text, to: s.skip(Self.spaceTab)); return true }
        if c == 36, let e = id(s, s.pos + 1) { s.emit(.nameVariable, to: e); return true }
        if s.has("url(") { s.emit(.stringOther, count: 4); push(.stringURL); return true }
        if let e = id(s, s.pos) {
            let ws = s.skip(CharSet.space, from: e)
            if s.at(ws) == 40 && ws < s.end { s.emit(.nameFunction, to: e); return true }
        }
        if c == 37, let e = id(s, s.pos + 1) { s.emit(.nameDecorator, to: e); return true }
        for w: StaticString in ["true", "false"] where s.hasWord(w) { s.emit(.nameBuiltinPseudo, count: w.utf8CodeUnitCount); return true }
        for w: StaticString in ["and", "or", "not"] where s.hasWord(w) { s.emit(.operatorWord, count: w.utf8CodeUnitCount); return true }
        if c == 35 {
            let e = s.skip(Self.alnum, from: s.pos + 1)
            if e > s.pos + 1 { s.emit(.numberHex, to: min(e, s.pos + 7)); return true }
        }
        if let (token, e) = number(s) { s.emit(token, to: e); return true }
        if c == 34 { s.emit(.stringDouble, count: 1); push(.doubleQuoted); return true }
        if c == 39 { s.emit(.stringSingle, count: 1); push(.singleQuoted); return true }
        if interpolationStart(&s) { return true }
        let ops = s.skip(Self.valueOperators)
        if ops > s.pos { s.emit(.operator, to: ops); return true }
        let punct = s.skip(Self.brackets)
        if punct > s.pos { s.emit(.punctuation, to: punct); return true }
        if let e = id(s, s.pos) {
            s.emit(s.contains(CSSWords.builtins, s.pos, e) ? .nameBuiltin : s.contains(CSSWords.colors, s.pos, e) ? .nameConstant : .name, to: e)
            return true
        }
        return false
    }

    /// `-?\d+(%|[a-z]+)?` (a number) or `-?\d*\.\d+(%|[a-z]+)?` (which Rouge marks as an integer).
    private func number(_ s: Scan) -> (Token, Int)? {
        let a = s.peek() == 45 ? s.pos + 1 : s.pos
        func unit(_ e: Int) -> Int {
            if s.at(e) == 37 && e < s.end { return e + 1 }
            return s.skip(Self.lower, from: e)
        }
        let d = s.skip(.digit, from: a)
        if d > a { return (.number, unit(d)) }
        if s.at(d) == 46 {
            let f = s.skip(.digit, from: d + 1)
            if f > d + 1 { return (.numberInteger, unit(f)) }
        }
        return nil
    }

    func selector(_ s: inout Scan) -> Bool {
        if endSection(&s) { return true }
        let c = s.peek()
        if c == 34 { s.emit(.stringDouble, count: 1); push(.doubleQuoted); return true }
        if c == 39 { s.emit(.stringSingle, count: 1); push(.singleQuoted); return true }
        if interpolationStart(&s) { return true }
        if c == 32 || c == 9 { s.emit(.text, to: s.skip(Self.spaceTab)); return true }
        let pieces: [(UInt8, Token, State)] = [(58, .nameDecorator, .pseudoClass), (46, .nameClass, .className),
                                               (35, .nameNamespace, .id), (37, .nameVariable, .placeholder)]
        for (mark, token, next) in pieces where c == mark {
            s.emit(token, count: 1)
            push(next)
            return true
        }
        if let e = id(s, s.pos) { s.emit(.nameTag, to: e); return true }
        if c == 38 { s.emit(.keyword, count: 1); return true }
        if Self.selectorOperators.contains(c) { s.emit(.operator, count: 1); return true }
        return false
    }
}
