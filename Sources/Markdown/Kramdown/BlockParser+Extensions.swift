/// `{:…}` lines: attribute list definitions, block IALs, and the extensions `{::comment}`,
/// `{::nomarkdown}` and `{::options}`.
extension BlockParser {
    func parseBlockExtensions() -> Bool {
        let lead = Scan.leadingSpaces(src, pos)
        let open = pos + lead
        if let (name, body, end) = aldLine(open) {
            var ial = ctx.alds[name] ?? IAL()
            ial.merge(AttributeList.parse(src.string(body), invalid: { self.warn($0, .none) }))
            ctx.alds[name] = ial
            pos = end
            let eob = newBlock(.eob)
            eob.eob = .ald
            append(eob)
            return true
        }
        if let tag = ExtensionTag.block(src, open) {
            return parseExtension(tag)
        }
        if let (body, end) = Scan.ialBlock(src, pos, maxIndent: 3) {
            pos = end
            let ial = AttributeList.parse(src.string(body), invalid: { self.warn($0, .none) })
            if let last = tree.children.last, last.kind != .blank,
               last.kind != .eob || last.eob == .linkDef || last.eob == .abbrevDef || last.eob == .footnoteDef {
                var merged = last.ial ?? IAL()
                merged.merge(ial)
                last.ial = merged
                if Scan.ialBlock(src, pos, maxIndent: 3) == nil {
                    let eob = newBlock(.eob)
                    eob.eob = .ial
                    append(eob)
                }
            } else {
                var merged = blockIAL ?? IAL()
                merged.merge(ial)
                blockIAL = merged
            }
            return true
        }
        return false
    }

    /// ALD_START `{:name: attributes}` then the line end.
    private func aldLine(_ open: Int) -> (String, Range<Int>, Int)? {
        guard src.hasPrefix("{:", at: open), let f = src.at(open + 2), Byte.isWord(f) else { return nil }
        var j = open + 3
        while j < src.count, Byte.isWord(src[j]) || src[j] == Byte.dash { j += 1 }
        guard src.at(j) == Byte.colon, let (body, end) = Scan.attributeListBody(src, bodyStart: j + 1) else { return nil }
        return (string(open + 2, j), body, end)
    }

    /// `parse_extension_start_tag` for a block: the body runs to a stop tag on a line of its own.
    private func parseExtension(_ tag: ExtensionTag) -> Bool {
        guard case .start(let name, let attrs, let selfClosed, let end) = tag else {
            if case .stop(let name) = tag {
                if name.isEmpty {
                    // kramdown takes a nameless `{:/}` line for the start of an extension named ''.
                    if ExtensionTag.blockStop(src, from: nextLine(pos), name: "") == nil {
                        warn("No stop tag for extension '' found", .onLine, " - ignoring it")
                    } else {
                        warn("Invalid extension with name '' specified", .onLine, " - ignoring it")
                    }
                } else {
                    warn("Invalid extension stop tag for '\(name)'  found", .onLine, " - ignoring it")
                }
            }
            return false
        }
        var body: String? = nil
        var after = end
        if !selfClosed {
            guard let (bodyEnd, stopEnd) = ExtensionTag.blockStop(src, from: end, name: name) else {
                warn("No stop tag for extension '\(name)' found", .onLine, " - ignoring it")
                return false
            }
            var b = src[end..<bodyEnd]
            if b.last == Byte.newline { b = b.dropLast() }
            body = String(decoding: b, as: UTF8.self)
            after = stopEnd
        }
        let ial = AttributeList.parse(attrs, invalid: { self.warn($0, .none) })
        switch name {
        case "comment":
            pos = after
            if let body {
                let el = Element(.comment, body)
                el.block = true
                append(el)
            }
        case "nomarkdown":
            pos = after
            if let body {
                let el = Element(.raw, body)
                el.block = true
                el.rawTypes = (ial.attributes["type"] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
                append(el)
            }
        case "options":
            pos = after
            applyOptions(ial)
            let eob = newBlock(.eob)
            eob.eob = .options
            append(eob)
        default:
            warn("Invalid extension with name '\(name)' specified", .onLine, " - ignoring it")
            return false
        }
        return true
    }

    /// `{::options key="value" /}`: sets the options for the rest of the parse and for the
    /// conversion.
    func applyOptions(_ ial: IAL) {
        for (key, value) in ial.attributes.pairs {
            ctx.optionsMayHaveChanged = true
            switch ctx.options.setInline(key, value) {
            case .set: ctx.inlineOptions.append((key, value))
            case .forbidden: warn("Option \(key) may not be set inline", .none)
            case .unknown: warn("Unknown kramdown option '\(key)'", .none)
            case .invalid: break
            }
        }
    }
}

/// kramdown's extension tags: `{::name attrs}`, `{::name attrs/}` and `{:/name}`.
enum ExtensionTag {
    case start(name: String, attrs: String, selfClosed: Bool, end: Int)
    case stop(name: String)

    /// EXT_START_STR at `i`: the end of the tag (not of the line).
    static func start(_ b: Bytes, _ i: Int) -> (name: String, attrs: Range<Int>, selfClosed: Bool, end: Int)? {
        guard b.hasPrefix("{::", at: i) else { return nil }
        var j = i + 3
        while j < b.count, Byte.isWord(b[j]) { j += 1 }
        guard j > i + 3 else { return nil }
        let name = b.string(i + 3..<j)
        if b.hasPrefix("/}", at: j) { return (name, j..<j, true, j + 2) }
        if b.at(j) == Byte.rbrace { return (name, j..<j, false, j + 1) }
        guard let s = b.at(j), Byte.isSpace(s) else { return nil }
        // the shortest attributes after which `/?}` follows
        var k = j + 1
        while k < b.count {
            if b[k] == Byte.slash, b.at(k + 1) == Byte.rbrace { return (name, (j + 1)..<k, true, k + 2) }
            if b[k] == Byte.rbrace { return (name, (j + 1)..<k, false, k + 1) }
            k += (b[k] == Byte.backslash && b.at(k + 1) == Byte.rbrace) ? 2 : 1
        }
        return nil
    }

    /// EXT_BLOCK_START: a start or stop tag after up to three spaces, then only whitespace on the
    /// line; `end` is after the newline.
    static func block(_ b: Bytes, _ i: Int) -> ExtensionTag? {
        func lineRest(_ e: Int) -> Int? {
            var k = e
            while k < b.count, Scan.isInlineSpace(b[k]) { k += 1 }
            return b.at(k) == Byte.newline ? k + 1 : nil
        }
        if let t = start(b, i), let end = lineRest(t.end) {
            return .start(name: t.name, attrs: b.string(t.attrs), selfClosed: t.selfClosed, end: end)
        }
        if let e = stopTag(b, i), lineRest(e) != nil { return .stop(name: b.string(i + 3..<e - 1)) }
        return nil
    }

    /// `{:/}` or `{:/name}` at `i`; returns its end.
    static func stopTag(_ b: Bytes, _ i: Int) -> Int? {
        guard b.hasPrefix("{:/", at: i) else { return nil }
        var j = i + 3
        if j < b.count, Byte.isWord(b[j]) {
            j += 1
            while j < b.count, Byte.isWord(b[j]) || b[j] == Byte.dash { j += 1 }
        }
        return b.at(j) == Byte.rbrace ? j + 1 : nil
    }

    /// EXT_BLOCK_STOP_STR: the first line from `from` on that is `{:/}` or `{:/name}` (after up to
    /// three spaces, followed by whitespace). Returns (start of that line, end after its newline).
    static func blockStop(_ b: Bytes, from: Int, name: String) -> (Int, Int)? {
        var l = from
        let nameBytes = Array(name.utf8)
        while l < b.count {
            let lead = Scan.leadingSpaces(b, l)
            let i = l + lead
            if lead <= 3, b.hasPrefix("{:/", at: i) {
                var j = i + 3
                if b.count >= j + nameBytes.count, b[j..<j + nameBytes.count].elementsEqual(nameBytes), b.at(j + nameBytes.count) == Byte.rbrace {
                    j += nameBytes.count
                }
                if b.at(j) == Byte.rbrace {
                    var k = j + 1
                    while k < b.count, Scan.isInlineSpace(b[k]) { k += 1 }
                    if b.at(k) == Byte.newline { return (l, k + 1) }
                }
            }
            l = Scan.lineEnd(b, l) + 1
        }
        return nil
    }
}
