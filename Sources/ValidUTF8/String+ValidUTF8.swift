extension String {
    /// A string of `utf8`, bytes the caller knows to be valid UTF-8 — checked already, or put
    /// together from valid strings cut at ASCII bytes and from ASCII markup — copied without the
    /// standard library's validation. That check goes a byte at a time through the rest of a text
    /// once it meets one non-ASCII byte, which made it a large share of turning a page's bytes into
    /// a string. Debug builds still check, so a caller that cuts a character fails its tests.
    /// `isASCII` marks the string as all ASCII; pass it only when the bytes are known to be.
    @inlinable
    public init(validUTF8 utf8: UnsafeBufferPointer<UInt8>, isASCII: Bool = false) {
        assert(String(decoding: utf8, as: UTF8.self).utf8.elementsEqual(utf8), "the bytes are not valid UTF-8")
        assert(!isASCII || utf8.allSatisfy { $0 < 0x80 }, "the bytes are not all ASCII")
        guard !utf8.isEmpty else {
            self = ""
            return
        }
        // `UTF8Span` is in the Swift 6.2 library (macOS 26 and later); before it, the checked path.
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            self = unsafe String(copying: UTF8Span(unchecked: utf8.span, isKnownASCII: isASCII))
        } else {
            self = String(decoding: utf8, as: UTF8.self)
        }
    }
}
