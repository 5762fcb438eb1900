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
        let read = FileSystem.readHeadAndText(path) { head, isWholeFile in
            switch FrontMatterSplit.split(head: head, isWholeFile: isWholeFile) {
            case .found(let yamlEnd, let bodyStart, let bodyLine):
                split = (yamlEnd, bodyLine)
                return .textStarts(at: bodyStart)
            case .needMore: return .needMore
            case .decline: return .decline
            }
        }
        guard let read else { return nil }
        let value = read.head.withUnsafeBytes { bytes in
            YAMLLoading.valueIfValid(UnsafeRawBufferPointer(rebasing: bytes[..<split.yamlEnd]), path: displayPath, clock: clock)
        }
        switch value {
        case .hash(let data)?:
            return Parsed(data: data, body: read.text, bodyLine: split.bodyLine, hadFrontMatter: true)
        case .nil?:
            return Parsed(data: OrderedHash(), body: read.text, bodyLine: split.bodyLine, hadFrontMatter: true)
        default:
            return nil
        }
    }
}
