extension String {
    /// `String(decoding: utf8, as: UTF8.self)` without the standard library's second pass over
    /// the bytes. Swift checks UTF-8 when it makes a string (byte by byte over a whole buffer once
    /// it holds one non-ASCII byte, which a third of the posts do) and copies the bytes; here the
    /// ASCII stretches are skipped 32 bytes a round, only the other characters are checked (by
    /// `validSequenceLength`), and a buffer found valid is copied into the string unchecked.
    /// Invalid bytes (which the converters never write) take the standard, repairing path.
    init(decodingMostlyASCII utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { self = ""; return }
        let n = utf8.count
        var i = Self.firstNonASCII(base, from: 0, to: n)
        let isASCII = i == n
        while i < n {
            guard let length = Self.validSequenceLength(base, at: i, count: n) else {
                self = String(decoding: utf8, as: UTF8.self)
                return
            }
            i = Self.firstNonASCII(base, from: i + length, to: n)
        }
        self = stringFromCheckedUTF8(utf8, isASCII: isASCII)
    }

    /// The length of the well-formed UTF-8 sequence of a non-ASCII character at `i` (the
    /// Unicode standard's table of well-formed byte sequences: no overlong forms, surrogates or
    /// code points above U+10FFFF), or nil when the bytes there are not one.
    static func validSequenceLength(_ b: UnsafePointer<UInt8>, at i: Int, count n: Int) -> Int? {
        let lead = b[i]
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < n && b[i + k] >= low && b[i + k] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : nil
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : nil
        case 0xE1...0xEF:
            return continuation(1) && continuation(2) ? 3 : nil
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }

    /// The index of the first byte at or after `from` (before `to`) with its high bit set, or `to`.
    private static func firstNonASCII(_ base: UnsafePointer<UInt8>, from: Int, to n: Int) -> Int {
        var i = from
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080
        // 32 bytes a round while they are all ASCII (the usual case), then 8, then 1
        while i + 32 <= n {
            let any = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
            if any & high != 0 { break }
            i += 32
        }
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & high != 0 { break }
            i += 8
        }
        while i < n && base[i] < 0x80 { i += 1 }
        return i
    }
}

/// The standard library's own maker of a string from UTF-8 it knows to be valid
/// (`String._uncheckedFromUTF8(_:isASCII:)`, part of its ABI since it is inlinable code's
/// entry point), reached by its symbol because it is not public API. Only for bytes checked by
/// `String(decodingMostlyASCII:)`: a string of invalid UTF-8 breaks the type's invariants.
@_silgen_name("$sSS18_uncheckedFromUTF8_7isASCIISSSRys5UInt8VG_SbtFZ")
private func stringFromCheckedUTF8(_ utf8: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String
