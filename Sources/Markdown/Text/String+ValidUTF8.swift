import ValidUTF8

extension String {
    /// A string of `utf8`, which the caller knows to be valid UTF-8 (the converters' HTML: text
    /// cut from a validated `String` at ASCII bytes, and ASCII markup), copied without the
    /// standard library's validation — a third of a page's conversion to a string, byte by byte
    /// once one character is not ASCII. A buffer that does not end in an ASCII byte (HTML ends in
    /// a newline) is checked as usual: no sequence can then run past its end. Debug builds check
    /// every buffer, so the tests catch a converter that cuts a character. The string is not
    /// marked all-ASCII: a scan to find out would cost a fifth of what skipping the check saves.
    init(copyingValidUTF8 utf8: UnsafeBufferPointer<UInt8>) {
        guard let last = utf8.last, last < 0x80 else {
            self = String(decodingMostlyASCII: utf8)
            return
        }
        self = String(validUTF8: utf8)
    }
}
