extension CTokenizer {
    /// `([\w*\s]+?[\s*])(id)(\s*\([^;]*?\))(ws?)({|;)` at the top level: the return type and
    /// signature are lexed by a fresh lexer, the name is a function.
    func functionDefinition(_ s: inout Scan) -> Bool {
        let prefixEnd = s.skip(Self.prefixChars.union(.space))
        var split = s.pos + 1
        while split < prefixEnd {
            defer { split += 1 }
            let c = s.base[split]
            guard c == 42 || CharSet.space.contains(c), let nameEnd = identifier(s, split + 1) else { continue }
            let open = s.skip(CharSet.space, from: nameEnd)
            guard s.at(open) == 40 && open < s.end else { continue }
            var k = open + 1
            while k < s.end && s.base[k] != 59 {
                if s.base[k] == 41, let (wsEnd, brace) = signatureTail(s, k + 1) {
                    let fresh = CTokenizer(cpp: cpp)
                    delegate(fresh, &s, s.pos, split + 1)
                    s.emit(.nameFunction, to: nameEnd)
                    delegate(CTokenizer(cpp: cpp), &s, nameEnd, k + 1)
                    delegate(CTokenizer(cpp: cpp), &s, k + 1, wsEnd)
                    s.emit(.punctuation, to: wsEnd + 1)
                    if brace { push(.function) }
                    return true
                }
                k += 1
            }
        }
        return false
    }

    /// `(ws?)({|;)` after a signature: whitespace and comments (which may stretch, as the regex
    /// engine backtracks into them), then `{` or `;`. Returns where `{`/`;` is and whether it is `{`.
    private func signatureTail(_ s: Scan, _ i: Int) -> (Int, Bool)? {
        func end(_ j: Int) -> Int? { s.at(j) == 123 || s.at(j) == 59 ? (j < s.end ? j : nil) : nil }
        let found = s.repeatThenTail(from: i, alternativeEnds: { j in
            var ends: [Int] = []
            guard j < s.end else { return ends }
            if CharSet.space.contains(s.base[j]) { ends.append(j + 1) }
            if s.has("//", at: j) {
                var k = j + 2
                while let nl = s.find(10, from: k) { ends.append(nl + 1); k = nl + 1 }
            }
            if s.has("/*", at: j) {
                var k = j + 2
                while let close = s.find("*/", from: k) { ends.append(close + 2); k = close + 1 }
            }
            return ends
        }, tail: { j in end(j).map { $0 + 1 } })
        guard let e = found else { return nil }
        return (e - 1, s.base[e - 1] == 123)
    }
}

extension Scan {
    /// Like `repeatThenTail(from:alternatives:_:tail:)`, with each position's alternative ends
    /// listed in the order the regex engine would try them.
    func repeatThenTail(from i: Int, alternativeEnds: (Int) -> [Int], tail: (Int) -> Int?) -> Int? {
        var stack: [(pos: Int, ends: [Int], next: Int)] = [(i, alternativeEnds(i), 0)]
        var failed = Set<Int>()
        while let top = stack.last {
            if top.next < top.ends.count {
                stack[stack.count - 1].next += 1
                let e = top.ends[top.next]
                if e > top.pos, !failed.contains(e) { stack.append((e, alternativeEnds(e), 0)) }
                continue
            }
            if let e = tail(top.pos) { return e }
            failed.insert(top.pos)
            stack.removeLast()
        }
        return nil
    }
}
