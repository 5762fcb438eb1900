/// kramdown's `Unidecoder.decode` (for `transliterated_header_ids`): every non-ASCII character
/// becomes the ASCII text stringex's unidecoder data gives it, `?` where the data has no block.
enum Transliteration {
    static func decode(_ s: String) -> String {
        guard !s.utf8.allSatisfy({ $0 < 0x80 }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            let cp = Int(scalar.value)
            if cp < 0x80 {
                out.unicodeScalars.append(scalar)
            } else if let block = TransliterationTable.blocks[cp >> 8] {
                out += entry(block, cp & 0xFF)
            } else {
                out += "?"
            }
        }
        return out
    }

    /// The `index`-th tab-separated entry of a block (empty past its end).
    private static func entry(_ block: String, _ index: Int) -> Substring {
        var i = 0
        var start = block.utf8.startIndex
        var p = start
        let u = block.utf8
        while p < u.endIndex {
            if u[p] == Byte.tab {
                if i == index { return Substring(u[start..<p]) }
                i += 1
                start = u.index(after: p)
            }
            p = u.index(after: p)
        }
        return i == index ? Substring(u[start..<u.endIndex]) : ""
    }
}
