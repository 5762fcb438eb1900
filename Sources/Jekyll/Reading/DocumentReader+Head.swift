import Liquid

extension DocumentReader {
    /// `parse(text:)` of the file at `path` without holding the file whole: the front matter is
    /// loaded from the file's first bytes, and the body read straight into a string of its own
    /// (a file without front matter: all of it).
    /// A whole-file text gave the body by moving it over the front matter (~5,600 instructions a
    /// post) after validating the front matter's bytes as UTF-8 along with it. nil for what the
    /// whole-file path must handle (see `FileSystem.readHeadAndText` and `FrontMatterSplit.split(head:)`),
    /// front matter YAML cannot load (warned about or thrown there, with its line) and front
    /// matter that is not a mapping.
    func parseFromHead(path: String, displayPath: String) -> Parsed? {
        // (a file without front matter: its body starts on line 1)
        var split = (yamlEnd: 0, bodyLine: 1)
        var hasFrontMatter = true
        let read = FileSystem.readHeadAndText(path, decide: { head, isWholeFile in
            // Neither `---` nor a byte order mark (which the whole-file path drops before looking
            // for one): the whole file is the body, read once (a layout without front matter was
            // read twice).
            if let first = head.first, first != UInt8(ascii: "-"), first != 0xEF {
                hasFrontMatter = false
                return .textStarts(at: 0)
            }
            switch FrontMatterSplit.split(head: head, isWholeFile: isWholeFile) {
            case .found(let yamlEnd, let bodyStart, let bodyLine):
                split = (yamlEnd, bodyLine)
                return .textStarts(at: bodyStart)
            case .needMore: return .needMore
            case .decline: return .decline
            }
        }, load: { beforeText -> OrderedHash? in
            guard hasFrontMatter else { return OrderedHash() }
            switch YAMLLoading.valueIfValid(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: beforeText[..<split.yamlEnd])),
                                            path: displayPath, clock: clock) {
            case .hash(let data)?: return data
            case .nil?: return OrderedHash()
            default: return nil
            }
        })
        guard let read else { return nil }
        return Parsed(data: read.loaded, body: read.text, bodyLine: split.bodyLine, hadFrontMatter: hasFrontMatter)
    }
}
