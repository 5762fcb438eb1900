import Foundation

/// kramdown-parser-gfm's `update_elements`: hard breaks from backslash line ends (or every line
/// end with `hard_wrap`), and GFM-style header ids, outside HTML elements.
struct GFMPass {
    let ctx: SpanParser.Context

    func updateElements(_ el: Element) {
        guard ctx.options.hardWrap || ctx.sourceHasBackslashBreak else { return headerIDs(el) }
        var out: [Element]? = nil
        let lastChild = el.children.last
        let hardWrap = ctx.options.hardWrap
        for (index, child) in el.children.enumerated() {
            if child.kind == .text, Self.containsBreak(child.value, hardWrap: hardWrap) {
                if out == nil { out = Array(el.children[..<index]) }
                out! += splitBreaks(child, in: el, isLast: child === lastChild, hardWrap: hardWrap)
                continue
            }
            if child.kind == .header, ctx.options.autoIDs, child.attrs["id"] == nil {
                child.attrs["id"] = headerID(of: child)
            } else if child.kind != .htmlElement && child.kind != .text && !child.children.isEmpty {
                updateElements(child)
            }
            out?.append(child)
        }
        if let out { el.children = out }
    }

    /// `updateElements` when no text holds a break: only the headers' ids, in the same order.
    /// Headers stand only in block containers, and the pass does not enter HTML elements.
    private func headerIDs(_ el: Element) {
        // the children are read through unmanaged references from the array `children` keeps
        // (no retain and release around each one: only attributes change here)
        let children = el.children
        children.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: Unmanaged<Element>.self) { refs in
                for ref in refs {
                    ref._withUnsafeGuaranteedRef { child in
                        switch child.kind {
                        case .header:
                            if ctx.options.autoIDs, child.attrs["id"] == nil, !countTextID(of: child) {
                                child.attrs["id"] = headerID(of: child)
                            }
                        case .li where child.holdsItemParagraph:
                            // one paragraph, kept on the item
                            break
                        case .root, .blockquote, .ul, .ol, .li, .dl, .dd:
                            headerIDs(child)
                        default:
                            break
                        }
                    }
                }
            }
        }
    }

    /// A header named by its one pending text of ASCII characters, when no prefix goes before
    /// the ids and no table of contents reads them: its id worked out here from the text's bytes
    /// into the context's `TextIDBytes`, counted, and written by the converter from there
    /// (`Element.textIDRepeats`, `textIDBytes`), never made a string.
    /// False (and nothing done) otherwise.
    private func countTextID(of header: Element) -> Bool {
        guard ctx.options.autoIDPrefix.isEmpty, !ctx.mayRequestTOC, header.rawText == nil else { return false }
        // the id written straight into the kept buffer; its bytes count as kept (`advance`) only
        // when the text made an id
        let ids = ctx.textIDBytes
        let counted = header.withPendingText { text -> (repeats: Int, length: Int)? in
            let to = ids.room(text.count)
            guard let n = Self.asciiID(of: text, into: to) else { return nil }
            return (ctx.gfmIDs.count(bytes: UnsafeBufferPointer(start: to, count: n)), n)
        }
        guard let (repeats, length) = counted ?? nil else { return false }
        header.textIDRepeats = Int32(truncatingIfNeeded: repeats)
        header.textIDBytes = Int32(ids.count)..<Int32(ids.count + length)
        ids.advance(by: length)
        return true
    }

    /// Whether `s` holds a line end that becomes a break: a backslash before it, or any with
    /// `hard_wrap`.
    static func containsBreak(_ s: String, hardWrap: Bool) -> Bool {
        var s = s
        return s.withUTF8 { b in
            guard let base = b.baseAddress, b.count > 1 else { return hardWrap && b.first == Byte.newline }
            // line ends found with memchr; most texts have few or none
            var i = 1
            while i < b.count, let hit = memchr(base + i, Int32(Byte.newline), b.count - i) {
                i = UnsafeRawPointer(base).distance(to: hit)
                if hardWrap || b[i - 1] == Byte.backslash { return true }
                i += 1
            }
            return hardWrap && b.first == Byte.newline
        }
    }

    /// `update_text_type`: the text split at each break line end, with breaks between the parts
    /// (none after an empty last part of a block's last text).
    private func splitBreaks(_ child: Element, in parent: Element, isLast: Bool, hardWrap: Bool) -> [Element] {
        var lines: [String] = []
        var s = child.value
        s.withUTF8 { b in
            var start = 0
            var i = 0
            while i < b.count {
                if b[i] == Byte.newline && (hardWrap || (i > 0 && b[i - 1] == Byte.backslash)) {
                    let end = hardWrap ? i : i - 1
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
                    start = i + 1
                }
                i += 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<b.count]), as: UTF8.self))
        }
        let omitTrailing = lines.last == "" && Self.isBlock(parent) && isLast
        var result: [Element] = []
        for (index, line) in lines.enumerated() {
            result.append(.text(index > 0 ? "\n" + line : line))
            if index < lines.count - 2 || (index == lines.count - 2 && !omitTrailing) { result.append(Element(.br)) }
        }
        return result
    }

    /// `Element.category`: the kinds kramdown counts as block-level, or the element's own category.
    static func isBlock(_ el: Element) -> Bool {
        switch el.kind {
        case .root, .blank, .p, .header, .hr, .codeblock, .blockquote, .ul, .ol, .li, .dl, .dt, .dd,
             .table, .thead, .tbody, .tfoot, .tr, .td, .eob:
            return true
        case .htmlElement, .xmlComment, .xmlPI, .comment, .raw, .math:
            return el.block
        default:
            return false
        }
    }

    /// `generate_gfm_header_id` of a header's text: its `rawText`, or (when the tree pass left
    /// that out) its one pending text's bytes.
    func headerID(of header: Element) -> String {
        if let text = header.rawText { return headerID(text) }
        if let id = header.withPendingText({ headerID(bytes: $0) }) { return id }
        return headerID(TreeUpdate.rawText(of: header, gfm: ctx.options.input == .gfm))
    }

    /// `generate_gfm_header_id`.
    func headerID(_ text: String) -> String {
        var text = text
        return text.withUTF8 { headerID(bytes: $0) }
    }

    /// `generate_gfm_header_id`'s rules for an ASCII text `b`, the id written to `out` (room for
    /// `b.count` bytes): its length, or nil when `b` is not ASCII (what was written is then
    /// meaningless). (The id holds only letters, digits, `-` and `_`: nothing to escape.)
    @inline(__always) static func asciiID(of b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int? {
        guard let src = b.baseAddress else { return 0 }
        // each byte mapped, written, and counted when it is kept: no branch on its kind, nor
        // on whether it is ASCII (the bytes' high bits are or'ed together and tested once)
        let map = asciiIDBytes
        let count = b.count
        var n = 0, i = 0
        var highBits: UInt8 = 0
        while i < count {
            let c = src[i]
            highBits |= c
            let m = map[Int(c)]
            out[n] = m
            n &+= m == 0 ? 0 : 1
            i &+= 1
        }
        return highBits < 0x80 ? n : nil
    }

    /// `asciiID`'s map of every byte value to its byte in the id: a letter lower-cased, a space
    /// or tab a hyphen, a digit, `-` or `_` itself, any other byte 0 (left out; `asciiID` tells
    /// a text with a byte of another character by its high bit). Made once.
    private nonisolated(unsafe) static let asciiIDBytes: UnsafePointer<UInt8> = {
        let map = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for value in 0..<256 {
            let c = UInt8(value)
            if Byte.isAlpha(c) { map[value] = c | 0x20 }
            else if c == Byte.space || c == Byte.tab { map[value] = Byte.dash }
            else if Byte.isDigit(c) || c == Byte.dash || c == Byte.underscore { map[value] = c }
            else { map[value] = 0 }
        }
        return UnsafePointer(map)
    }()

    /// `generate_gfm_header_id` of the UTF-8 text `b`.
    func headerID(bytes b: UnsafeBufferPointer<UInt8>) -> String {
        let id = { () -> String? in
            // ASCII: the same rules, byte by byte, written straight into the id; a byte of
            // another character found on the way (the bytes were not tested first) sends the
            // text to the general rules
            var ascii = true
            let id = String(unsafeUninitializedCapacity: b.count) { out in
                guard let base = out.baseAddress, let n = Self.asciiID(of: b, into: base) else { ascii = false; return 0 }
                return n
            }
            return ascii ? id : nil
        }() ?? {
            var id = ""
            for ch in String(decoding: b, as: UTF8.self).lowercased().unicodeScalars {
                if ch == " " || ch == "\t" { id += "-" } else if ch == "-" || ch.isWordClass { id.unicodeScalars.append(ch) }
            }
            return id
        }()
        // the number of headers before this one with the same id
        let n = ctx.gfmIDs.count(id)
        guard n > 0 || !ctx.options.autoIDPrefix.isEmpty else { return id }
        return ctx.options.autoIDPrefix + (n > 0 ? "\(id)-\(n)" : id)
    }
}
