extension UnsafeRawBufferPointer {
    /// Whether every byte is ASCII, read eight at a time (a byte-by-byte `allSatisfy` costs several
    /// times more on the titles, URLs and front matter this is asked of).
    @inlinable
    public var isAllASCII: Bool {
        guard let base = baseAddress else { return true }
        var i = 0
        while i + 8 <= count {
            if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < count {
            if base.load(fromByteOffset: i, as: UInt8.self) >= 0x80 { return false }
            i += 1
        }
        return true
    }
}

extension String {
    /// Whether the string's UTF-8 is all ASCII.
    @inlinable
    public var isAllASCII: Bool {
        // In place when the bytes are contiguous (a copy, to reach them, is retained and released).
        if let ascii = utf8.withContiguousStorageIfAvailable({ UnsafeRawBufferPointer($0).isAllASCII }) { return ascii }
        var copy = self
        return copy.withUTF8 { UnsafeRawBufferPointer($0).isAllASCII }
    }
}
