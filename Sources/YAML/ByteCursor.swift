/// ASCII bytes the scalar matchers compare against.
enum ASCII {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let underscore = UInt8(ascii: "_")
    static let zero = UInt8(ascii: "0")

    static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }

    /// Ruby's `\s` and `ISSPACE`: space, tab, newline, vertical tab, form feed, return.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || (byte >= 0x09 && byte <= 0x0D)
    }
}

/// A forward reader over scalar bytes for the hand-written pattern matchers.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var atEnd: Bool { position >= bytes.count }
    var current: UInt8? { atEnd ? nil : bytes[position] }

    func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        position += 1
        return true
    }

    mutating func skip(where predicate: (UInt8) -> Bool) -> Bool {
        guard let byte = current, predicate(byte) else { return false }
        position += 1
        return true
    }

    /// Skips a run of bytes matching `predicate`; returns how many.
    @discardableResult
    mutating func skipRun(where predicate: (UInt8) -> Bool) -> Int {
        let start = position
        while let byte = current, predicate(byte) { position += 1 }
        return position - start
    }

    /// Exactly `count` decimal digits, as a number.
    mutating func digits(exactly count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[position + offset]
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - ASCII.zero)
        }
        position += count
        return value
    }

    /// One to `limit` decimal digits (greedy), with how many there were.
    mutating func digits(upTo limit: Int) -> (value: Int, count: Int)? {
        var value = 0
        var count = 0
        while count < limit, let byte = current, ASCII.isDigit(byte) {
            value = value * 10 + Int(byte - ASCII.zero)
            count += 1
            position += 1
        }
        return count == 0 ? nil : (value, count)
    }
}

/// Minimal UTF-8 reading over bytes libyaml has already validated.
enum UTF8Scalar {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
        default: length = 4; value = UInt32(lead & 0x07)
        }
        let available = min(length, bytes.count - index)
        for offset in 1..<max(available, 1) {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", available)
    }

    /// The number of Unicode scalars (Ruby's `String#length` for UTF-8).
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
