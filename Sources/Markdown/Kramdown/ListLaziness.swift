/// kramdown takes any non-blank line right after a list item's text as part of the item (a "lazy"
/// line), even a fence, an ATX header, a blockquote or a marker of the other list type; CommonMark
/// ends the list there. Such lines (and the rest of the fence or lazy run they start) are
/// re-indented to the item's content column so cmark-gfm keeps them in the item.
enum ListLaziness {
    private struct Item { var column: Int; var ordered: Bool }

    static func marker(_ b: Bytes) -> (indent: Int, width: Int, ordered: Bool)? {
        let lead = PrePass.leadingSpaces(b)
        guard lead <= 3, let c = b.at(lead) else { return nil }
        var j = lead
        var ordered = false
        if c == Byte.dash || c == Byte.star || c == Byte.plus {
            j += 1
        } else if Byte.isDigit(c) {
            while j < b.count, Byte.isDigit(b[j]) { j += 1 }
            guard j - lead <= 9, b.at(j) == Byte.dot else { return nil }
            j += 1
            ordered = true
        } else {
            return nil
        }
        guard j == b.count || Byte.isBlank(b[j]) else { return nil }
        var k = j
        while k < b.count, Byte.isBlank(b[k]) { k += 1 }
        var spaces = k - j
        if spaces > 4 || k == b.count { spaces = 1 }
        return (lead, j - lead + spaces, ordered)
    }

    private static func lazyBlockStart(_ b: Bytes) -> (fence: (UInt8, Int)?, isBlock: Bool) {
        let lead = PrePass.leadingSpaces(b)
        guard lead <= 3, let c = b.at(lead) else { return (nil, false) }
        if let f = PrePass.opensFence(b, lead) { return ((f.char, f.count), true) }
        if c == Byte.gt { return (nil, true) }
        if c == Byte.hash {
            var n = 0
            while b.at(lead + n) == Byte.hash { n += 1 }
            return (nil, n <= 6 && (b.at(lead + n).map(Byte.isBlank) ?? false))
        }
        return (nil, false)
    }

    static func relazy(_ lines: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(lines.count)
        var item: Item? = nil
        var lastBlank = true
        var fence: (char: UInt8, count: Int, pad: Int)? = nil
        var activePad = 0
        for line in lines {
            var b = line.bytes
            if let f = fence {
                let padded = f.pad > 0 ? String(repeating: " ", count: f.pad) + line : line
                out.append(padded)
                if PrePass.closesFence(b, (f.char, f.count)) { fence = nil }
                lastBlank = false
                continue
            }
            if SourceLine.isBlank(line) {
                lastBlank = true; activePad = 0
                out.append(line)
                continue
            }
            let indent = PrePass.leadingSpaces(b)
            var text = line
            if let m = marker(b) {
                if let it = item, !lastBlank, indent < it.column, m.ordered != it.ordered {
                    let pad = it.column - indent
                    text = String(repeating: " ", count: pad) + line
                    b = text.bytes
                }
                item = Item(column: PrePass.leadingSpaces(b) + m.width, ordered: m.ordered)
                activePad = 0
            } else if let it = item, indent < it.column {
                if lastBlank {
                    item = nil
                } else {
                    let start = lazyBlockStart(b)
                    if start.isBlock || activePad > 0 {
                        let pad = activePad > 0 ? activePad : it.column - indent
                        text = String(repeating: " ", count: pad) + line
                        activePad = pad
                        if let f = start.fence {
                            fence = (f.0, f.1, pad)
                            out.append(text)
                            lastBlank = false
                            continue
                        }
                    }
                }
            }
            if let f = PrePass.opensFence(b, PrePass.leadingSpaces(b)), fence == nil {
                fence = (f.char, f.count, 0)
            }
            out.append(text)
            lastBlank = false
        }
        return out
    }
}
