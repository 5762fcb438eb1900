import Liquid

extension DocumentReader {
    /// `parse(text:)` of the file at `path` without holding the file whole: the front matter is
    /// loaded from the file's first bytes, and the body read straight into a string of its own.
    /// A whole-file text gave the body by moving it over the front matter (~5,600 instructions a
    /// post) after validating the front matter's bytes as UTF-8 along with it. nil for what the
    /// whole-file path must handle (see `FileSystem.readHeadAndText` and `FrontMatterSplit.split(head:)`),
    /// front matter YAML cannot load (warned about or thrown there, with its line) and front
    /// matter that is not a mapping.
    func parseFromHead(path: String, displayPath: String) -> Parsed? {
        var split = (yamlEnd: 0, bodyLine: 0)
        let read = FileSystem.readHeadAndText(path, decide: { head, isWholeFile in
            switch FrontMatterSplit.split(head: head, isWholeFile: isWholeFile) {
            case .found(let yamlEnd, let bodyStart, let bodyLine):
                split = (yamlEnd, bodyLine)
                return .textStarts(at: bodyStart)
            case .needMore: return .needMore
            case .decline: return .decline
            }
        }, load: { beforeText -> OrderedHash? in
            switch YAMLLoading.valueIfValid(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: beforeText[..<split.yamlEnd])),
                                            path: displayPath, clock: clock) {
            case .hash(let data)?: return data
            case .nil?: return OrderedHash()
            default: return nil
            }
        })
        guard let read else { return nil }
        return Parsed(data: read.loaded, body: read.text, bodyLine: split.bodyLine, hadFrontMatter: true)
    }
}
