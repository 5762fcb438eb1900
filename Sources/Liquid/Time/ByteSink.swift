/// Bytes written into a caller's buffer (on its stack), moved to the heap only when they outgrow
/// it: `strftime` writes a dozen bytes, for which an array's allocation, growth and release cost
/// more than the formatting.
struct ByteSink {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// Whether `base` is heap memory of ours (after the caller's buffer was outgrown).
    private var ownsBase = false

    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    /// Frees the heap memory, if any; the sink is not used afterwards.
    mutating func release() {
        if ownsBase { base.deallocate() }
        ownsBase = false
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count &+ 1) }
        base[count] = byte
        count &+= 1
    }

    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let p = bytes.baseAddress, !bytes.isEmpty else { return }
        if capacity &- count < bytes.count { grow(toAtLeast: count &+ bytes.count) }
        (base + count).initialize(from: p, count: bytes.count)
        count &+= bytes.count
    }

    mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    private mutating func grow(toAtLeast needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        new.initialize(from: base, count: count)
        if ownsBase { base.deallocate() }
        base = new
        capacity = newCapacity
        ownsBase = true
    }

    /// The bytes as text, not validated again: they are the pattern's own bytes in order (its
    /// runs cut at `%` and at the directives, which rejoin), ASCII, and whole strings.
    var string: String { OutputBuffer.string(ofValid: UnsafeBufferPointer(start: base, count: count)) }
}
