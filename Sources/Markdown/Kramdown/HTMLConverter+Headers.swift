/// Headers and the ids kramdown gives them.
extension HTMLConverter {
    func header(_ el: Element, _ indent: Int) {
        if el.textIDRepeats >= 0 { return headerWithTextID(el, indent) }
        var attrs = el.attrs
        if options.autoIDs && attrs["id"] == nil {
            // (a GFM header's text may be left out of `rawText`: `TreeUpdate.updateBlock`)
            attrs["id"] = generateID(el.rawText ?? TreeUpdate.rawText(of: el, gfm: options.input == .gfm))
        }
        if ctx.mayRequestTOC, let id = attrs["id"], isTOCLevel(el.level), !(attrs["class"].map { Self.hasWord($0, "no_toc") } ?? false) {
            // room for a page's headers at once, not a new buffer at each doubling
            if toc.capacity == 0 { toc.reserveCapacity(16) }
            toc.append((el.level, id, el))
        }
        let level = min(max(el.level + options.headerOffset, 1), 6)
        blockHTML(Self.headerTag(level), attrs, indent) { self.inner(el, indent) }
    }

    /// A header whose id the GFM pass worked out and counted (`Element.textIDRepeats`): printed
    /// as `header` prints it with that id added last to its attributes, the id's bytes those the
    /// pass kept (`Element.textIDBytes`).
    private func headerWithTextID(_ el: Element, _ indent: Int) {
        let tag = Self.headerTag(min(max(el.level + options.headerOffset, 1), 6))
        out.spaces(indent)
        out.opening(tag)
        out.attributes(el.attrs)
        let attributeStart = out.count
        out.append(" id=\"")
        let idStart = out.count
        // (worked out from the text by the GFM pass, which counted it)
        out.append(ctx.textIDBytes.bytes(el.textIDBytes))
        if el.textIDRepeats > 0 {
            out.append(Byte.dash)
            out.append(Int(el.textIDRepeats))
        }
        // (an empty id is left out, as `attributes` leaves out a blank one)
        if out.count == idStart { out.truncate(to: attributeStart) } else { out.append(Byte.quote) }
        out.append(Byte.gt)
        inner(el, indent)
        out.closingLine(tag)
    }

    /// Whether `toc_levels` holds `level`: a bit mask made at the first header (the options no
    /// longer change once the tree is converted; a `Set` lookup hashed every header's level).
    private func isTOCLevel(_ level: Int) -> Bool {
        guard level >= 0 && level < 64 else { return options.tocLevels.contains(level) }
        if tocLevelMask == nil {
            tocLevelMask = options.tocLevels.reduce(UInt64(0)) { $1 >= 0 && $1 < 64 ? $0 | (1 << UInt64($1)) : $0 }
        }
        return tocLevelMask! & (1 << UInt64(level)) != 0
    }

    /// `h1`–`h6` (a static string: no `swift_once` and no string retained per header).
    static func headerTag(_ level: Int) -> StaticString {
        switch level {
        case 1: return "h1"
        case 2: return "h2"
        case 3: return "h3"
        case 4: return "h4"
        case 5: return "h5"
        default: return "h6"
        }
    }

    /// `/\bword\b/`: `word` in `s` with no word character right before or after it.
    static func hasWord(_ s: String, _ word: String) -> Bool {
        let b = Array(s.utf8), w = Array(word.utf8)
        guard b.count >= w.count, !w.isEmpty else { return false }
        for i in 0...(b.count - w.count) where b[i..<i + w.count].elementsEqual(w) {
            let before = i == 0 ? false : (b.scalar(before: i)?.isWordClass ?? false)
            let after = b.scalar(at: i + w.count)?.0.isWordClass ?? false
            if !before && !after { return true }
        }
        return false
    }

    /// `generate_id`: kramdown's own algorithm (used for headers the GFM pass did not reach).
    func generateID(_ text: String) -> String {
        var id = Self.basicID(options.transliteratedHeaderIDs ? Transliteration.decode(text) : text)
        if id.isEmpty { id = "section" }
        let repeats = usedIDs.count(id)
        if repeats > 0 { id += "-\(repeats)" }
        return options.autoIDPrefix + id
    }

    /// `basic_generate_id`: from the first ASCII letter on, only letters, digits, spaces and
    /// hyphens, spaces made hyphens, lower-cased.
    static func basicID(_ text: String) -> String {
        var out = Bytes()
        var lineStart = true
        var skipping = true
        for b in text.utf8 {
            if b == Byte.newline { lineStart = true; skipping = true; out.append(b); continue }
            if lineStart && skipping {
                if !Byte.isAlpha(b) { continue }
                skipping = false
            }
            lineStart = false
            out.append(b)
        }
        var id = ""
        for b in out where Byte.isAlpha(b) || Byte.isDigit(b) || b == Byte.space || b == Byte.dash {
            id.unicodeScalars.append(Unicode.Scalar(b == Byte.space ? Byte.dash : (Byte.isAlpha(b) ? b | 0x20 : b)))
        }
        return id
    }
}
