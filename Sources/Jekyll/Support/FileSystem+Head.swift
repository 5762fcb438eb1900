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
        // The head is read on its own, and the text after it straight into its string's storage
        // (below): reading the whole file into a buffer, then copying the text into a string,
        // cost ~1 instruction a byte for the copy.
        var headCount = min(size, firstHead)
        var head = UnsafeMutableRawBufferPointer.allocate(byteCount: headCount, alignment: 8)
        defer { head.deallocate() }
        let textStart: Int
        while true {
            let (count, failure) = readAll(fd, into: head.baseAddress!, headCount, expecting: headCount, at: 0)
            guard failure == 0, count == headCount else { return nil }
            let bytes = UnsafeBufferPointer(start: head.baseAddress!.assumingMemoryBound(to: UInt8.self), count: headCount)
            switch decide(bytes, headCount == size) {
            case .textStarts(let offset):
                textStart = offset
            case .decline:
                return nil
            case .needMore:
                guard headCount < size, headCount < largestHead else { return nil }
                headCount = min(size, headCount * 4)
                head.deallocate()
                head = .allocate(byteCount: headCount, alignment: 8)
                continue
            }
            break
        }
        // Loaded from the head's own bytes: a copy of them cost an allocation a file.
        let beforeText = UnsafeBufferPointer(start: head.baseAddress!.assumingMemoryBound(to: UInt8.self), count: textStart)
        guard let loaded = load(beforeText), let text = readExactText(fd, from: textStart, count: size - textStart).text else {
            return nil
        }
        return (loaded, textStart, text)
    }

    /// The `count` bytes of the file from `offset` to its end as a string, when they are valid
    /// UTF-8 without U+FFFD and the file still ends there (nil otherwise), and errno when a read
    /// failed (0 otherwise). `readHeadAndText` reads a body with it, `readUTF8String` a whole file.
    ///
    /// The bytes are read straight into the string's storage. ASCII text (most of it) stays there,
    /// and the standard library checks it a word at a time. Other text would take its check a byte
    /// at a time: it is checked here (`UTF8Text`) and copied into a string of its own instead.
    static func readExactText(_ fd: Int32, from offset: Int, count: Int) -> (text: String?, errno: Int32) {
        var read = (count: 0, errno: Int32(0))
        var isASCII = false
        var other: String?
        // A byte of room past the end: a file that grew fills it.
        let ascii = String(unsafeUninitializedCapacity: count + 1) { storage -> Int in
            read = readAll(fd, into: UnsafeMutableRawPointer(storage.baseAddress!), count + 1, expecting: count, at: offset)
            guard read.errno == 0, read.count == count else { return 0 }
            let bytes = UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(storage)[..<count])
            let asciiCount = UTF8Text.asciiPrefixCount(bytes)
            isASCII = asciiCount == count
            if !isASCII { other = UTF8Text.exactString(bytes, checkingFrom: asciiCount) }
            return isASCII ? count : 0
        }
        guard read.errno == 0, read.count == count else { return (nil, read.errno) }
        return (isASCII ? ascii : other, 0)
    }
}
