/// Where rendering writes: a growing byte buffer (appending bytes is several times faster than
/// growing a `String`).
public struct OutputBuffer: Sendable {
    public var bytes: [UInt8]

    public init(reservingCapacity capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public var count: Int { bytes.count }

    @inlinable
    public mutating func append(_ string: String) {
        // A contiguous copy (memcpy) of the string's own storage: no copy of the string value
        // (which would retain and release it), no element-wise append.
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if done == nil { bytes.append(contentsOf: string.utf8) }
    }

    @inlinable
    public mutating func append(_ string: Substring) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if done == nil { bytes.append(contentsOf: string.utf8) }
    }

    public mutating func append(_ other: OutputBuffer) {
        bytes.append(contentsOf: other.bytes)
    }

    /// Appends a value as `{{ value }}` prints it.
    public mutating func append(value: Value) {
        switch value {
        case .nil: return
        case .string(let s): append(s)
        case .int(let i): appendInteger(i)
        case .array(let items):
            for item in items {
                if case .array = item {
                    append(value: item)
                } else {
                    append(value: item.isNil ? .string("") : item)
                }
            }
        default: append(value.rubyString)
        }
    }

    mutating func appendInteger(_ i: Int) {
        if i >= 0 && i < 10 {
            bytes.append(UInt8(48 + i))
            return
        }
        append(String(i))
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
