#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// What a reader makes of a file's first bytes.
    enum HeadDecision {
        /// The text starts at this offset of the head (at most the head's length).
        case textStarts(at: Int)
        /// The head is too short to tell.
        case needMore
        /// The file is one for the whole-file path.
        case decline
    }

    /// A file read as its head (its first bytes, grown until `decide` can tell where the text
    /// after it begins), what `load` makes of the bytes before that text, and the text as a
    /// `String` of its own, so the text is not moved or validated again afterwards. nil when the
    /// file is not a regular file or cannot be read, when its size changes, when `decide` declines
    /// or `load` gives nil, or when the text is not the file's exact bytes (invalid UTF-8 or
    /// U+FFFD, as in `readUTF8String`); callers then read it the whole-file way, which also
    /// reports the errors.
    static func readHeadAndText<Loaded>(_ path: String, firstHead: Int = 2048, largestHead: Int = 1 << 16,
                                        decide: (_ head: UnsafeBufferPointer<UInt8>, _ isWholeFile: Bool) -> HeadDecision,
                                        load: (_ beforeText: UnsafeBufferPointer<UInt8>) -> Loaded?)
        -> (loaded: Loaded, textStart: Int, text: String)? {
        let fd = openPath(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return nil }
        // The whole file in one read, with a byte of room past its size (a file that grew fills
        // it): reading the head and then the rest took a second `read` call a file. The head is
        // then a growing window on those bytes.
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: size + 1, alignment: 8)
        defer { bytes.deallocate() }
        let (count, failure) = readAll(fd, into: bytes.baseAddress!, size + 1, expecting: size)
        guard failure == 0, count == size else { return nil }
        let file = UnsafeBufferPointer(start: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), count: size)
        var headCount = min(size, firstHead)
        let textStart: Int
        while true {
            switch decide(UnsafeBufferPointer(rebasing: file[..<headCount]), headCount == size) {
            case .textStarts(let offset):
                textStart = offset
            case .decline:
                return nil
            case .needMore:
                guard headCount < size, headCount < largestHead else { return nil }
                headCount = min(size, headCount * 4)
                continue
            }
            break
        }
        // Loaded from the file's own bytes: a copy of the head cost an allocation a file.
        guard let loaded = load(UnsafeBufferPointer(rebasing: file[..<textStart])) else { return nil }
        // Checked here (`UTF8Text`), then copied into the string: the standard library's own check
        // of the bytes cost far more than the copy.
        guard let text = UTF8Text.exactString(UnsafeRawBufferPointer(rebasing: bytes[textStart..<size])) else { return nil }
        return (loaded, textStart, text)
    }
}
