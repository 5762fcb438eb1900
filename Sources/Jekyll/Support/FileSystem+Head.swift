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
    /// after it begins) and that text as a `String` of its own, so the text is not moved or validated
    /// again afterwards. nil when the file is not a regular file or cannot be read, when its size
    /// changes, when `decide` declines, or when the text is not the file's exact bytes (invalid
    /// UTF-8 or U+FFFD, as in `readUTF8String`); callers then read it the whole-file way, which
    /// also reports the errors.
    static func readHeadAndText(_ path: String, firstHead: Int = 2048, largestHead: Int = 1 << 16,
                                decide: (_ head: UnsafeBufferPointer<UInt8>, _ isWholeFile: Bool) -> HeadDecision)
        -> (head: [UInt8], textStart: Int, text: String)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return nil }
        var head: [UInt8] = []
        var capacity = min(size, firstHead)
        let textStart: Int
        while true {
            let previous = head
            var complete = false
            head = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                let base = UnsafeMutableRawPointer(buffer.baseAddress!)
                previous.withUnsafeBytes { if let old = $0.baseAddress { base.copyMemory(from: old, byteCount: $0.count) } }
                let wanted = capacity - previous.count
                let (read, failure) = readAll(fd, into: base + previous.count, wanted, expecting: wanted)
                complete = failure == 0 && read == wanted
                count = complete ? capacity : 0
            }
            guard complete else { return nil }
            switch head.withUnsafeBufferPointer({ decide($0, capacity == size) }) {
            case .textStarts(let offset):
                textStart = offset
            case .decline:
                return nil
            case .needMore:
                guard capacity < size, capacity < largestHead else { return nil }
                capacity = min(size, capacity * 4)
                continue
            }
            break
        }
        // The rest of the file, with a byte of room past its size: a file that grew fills it. It is
        // read beside the head's share of the text and checked here (`UTF8Text`), then copied into
        // the string: the standard library's own check of the bytes cost far more than the copy.
        let rest = size - head.count
        let fromHead = head.count - textStart
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: fromHead + rest + 1, alignment: 8)
        defer { bytes.deallocate() }
        let base = bytes.baseAddress!
        head.withUnsafeBytes { base.copyMemory(from: $0.baseAddress! + textStart, byteCount: fromHead) }
        let (count, failure) = readAll(fd, into: base + fromHead, rest + 1, expecting: rest)
        guard failure == 0, count == rest,
              let text = UTF8Text.exactString(UnsafeRawBufferPointer(rebasing: bytes[..<(fromHead + rest)])) else { return nil }
        return (head, textStart, text)
    }
}
