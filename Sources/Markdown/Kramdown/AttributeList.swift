/// Parsing of kramdown attribute lists: the inside of `{: … }` (IAL) and `{:name: … }` (ALD).
enum AttributeList {
    /// Parses `key="v"`, `key='v'`, `.class`, `#id` and bare references, each separated by
    /// whitespace, the way kramdown's `parse_attribute_list` scans them. `invalid` hears kramdown's
    /// warning when the list holds something but no item.
    static func parse(_ s: String, invalid: ((String) -> Void)? = nil) -> IAL {
        var ial = IAL()
        let b = s.bytes
        let trimmed = s.trimmingCharacters(in: " \t\n")
        if trimmed.isEmpty || trimmed == ":" { return ial }
        var p = 0
        var foundItem = false
        defer { if !foundItem { invalid?("No or invalid attributes found in IAL/ALD content: \(s)") } }
        while p <= b.count {
            // (?:\A|\s) then an item, then (?=\s|\Z)
            var starts: [Int] = []
            if p == 0 { starts.append(0) }
            if p < b.count, Byte.isSpace(b[p]) { starts.append(p + 1) }
            var matched: Int? = nil
            for s0 in starts {
                if let end = item(b, s0, into: &ial), end == b.count || Byte.isSpace(b[end]) {
                    matched = end; break
                }
            }
            if let end = matched { p = max(end, p + 1); foundItem = true } else { p += 1 }
        }
        return ial
    }

    /// Tries one item at `i`; on success records it and returns its end.
    private static func item(_ b: Bytes, _ i: Int, into ial: inout IAL) -> Int? {
        guard i < b.count else { return nil }
        // key="value" / key='value'
        if Byte.isWord(b[i]) {
            var j = i + 1
            while j < b.count, Byte.isWord(b[j]) || b[j] == Byte.dash { j += 1 }
            let name = b.string(i..<j)
            if j + 1 < b.count, b[j] == Byte.equals, b[j + 1] == Byte.quote || b[j + 1] == Byte.apos {
                let q = b[j + 1]
                var k = j + 2
                var value = Bytes()
                while k < b.count {
                    let c = b[k]
                    if c == Byte.backslash, k + 1 < b.count, b[k + 1] == Byte.rbrace || b[k + 1] == q {
                        value.append(b[k + 1]); k += 2; continue
                    }
                    if c == q {
                        if k + 1 == b.count || Byte.isSpace(b[k + 1]) {
                            ial.attributes[name] = String(decoding: value, as: UTF8.self)
                            return k + 1
                        }
                    }
                    if c == Byte.rbrace || c == 0x02 { break }
                    value.append(c); k += 1
                }
            }
            if j == b.count || Byte.isSpace(b[j]) {
                ial.refs.append(name)
                return j
            }
        }
        // (#id|.class)+
        var j = i
        var parts: [(isID: Bool, name: String)] = []
        while j < b.count {
            if b[j] == Byte.hash, j + 1 < b.count, Byte.isAlpha(b[j + 1]) {
                var k = j + 2
                while k < b.count, Byte.isWord(b[k]) || b[k] == Byte.colon || b[k] == Byte.dash { k += 1 }
                parts.append((true, b.string(j + 1..<k))); j = k
            } else if b[j] == Byte.dot, j + 1 < b.count, !Byte.isSpace(b[j + 1]), b[j + 1] != Byte.dot, b[j + 1] != Byte.hash {
                var k = j + 1
                while k < b.count, !Byte.isSpace(b[k]), b[k] != Byte.dot, b[k] != Byte.hash { k += 1 }
                parts.append((false, b.string(j + 1..<k))); j = k
            } else {
                break
            }
        }
        guard !parts.isEmpty, j == b.count || Byte.isSpace(b[j]) else { return nil }
        for part in parts {
            if part.isID { ial.attributes["id"] = part.name }
            else {
                let old = ial.attributes["class"] ?? ""
                ial.attributes["class"] = old.isEmpty ? part.name : old + " " + part.name
            }
        }
        return j
    }
}

extension String {
    /// Trims the given ASCII characters from both ends.
    func trimmingCharacters(in set: StaticString) -> String {
        let chars = UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount)
        let u = utf8
        var start = u.startIndex, end = u.endIndex
        while start < end, chars.contains(u[start]) { start = u.index(after: start) }
        while end > start, chars.contains(u[u.index(before: end)]) { end = u.index(before: end) }
        if start == u.startIndex && end == u.endIndex { return self }
        return String(self[start..<end])
    }
}
