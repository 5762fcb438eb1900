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
        // The closures take the two fields they use, not the reader (a copy of the reader, its
        // configuration's references retained and released, cost ~1,500 instructions a file).
        let clock = clock, parsers = frontMatterParsers
        let read = Self.readFromHead(path: path) { yaml -> OrderedHash? in
            switch YAMLLoading.valueIfValid(yaml, path: displayPath, clock: clock, parsers: parsers) {
            case .hash(let data)?: return data
            case .nil?: return OrderedHash()
            default: return nil
            }
        }
        guard let read else { return nil }
        return Parsed(data: read.frontMatter ?? OrderedHash(), body: read.body, bodyLine: read.bodyLine,
                      hadFrontMatter: read.frontMatter != nil)
    }

    /// The body and where it starts, with plain front matter merged into `data` as `DataMerge`
    /// merges it (but for its date: `mergedDate` says whether to read one), as the file is read:
    /// no hash of the front matter's own is made, filled and merged (~5,000 instructions a post).
    /// nil where `parseFromHead` is nil and for front matter that is not plain YAML, with `data`
    /// perhaps merged into in part.
    func readMergingFrontMatter(path: String, into data: inout OrderedHash,
                                mergedDate: inout Bool) -> (body: String, bodyLine: Int)? {
        let clock = clock, parsers = frontMatterParsers
        let read = Self.readFromHead(path: path) { yaml -> Bool? in
            YAMLLoading.mergeIfPlain(yaml, into: &data, clock: clock, mergedDate: &mergedDate, parsers: parsers) ? true : nil
        }
        return read.map { ($0.body, $0.bodyLine) }
    }

    /// The file read by its head: what `load` makes of the front matter's YAML bytes (nil: the file
    /// has none), the body and its line; nil when the whole-file path must read it or `load` gives nil.
    private static func readFromHead<Loaded>(path: String, load: (UnsafeRawBufferPointer) -> Loaded?)
        -> (frontMatter: Loaded?, body: String, bodyLine: Int)? {
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
        }, load: { beforeText -> Loaded?? in
            guard hasFrontMatter else { return .some(nil) }
            return load(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: beforeText[..<split.yamlEnd]))).map { .some($0) }
        })
        guard let read else { return nil }
        return (read.loaded, read.text, split.bodyLine)
    }
}
