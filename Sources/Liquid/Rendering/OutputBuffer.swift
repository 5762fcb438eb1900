import ValidUTF8

/// Where rendering writes: a growing byte buffer (appending bytes is several times faster than
/// growing a `String`). A value: copies share their bytes until one of them is appended to.
public struct OutputBuffer: Sendable {
    /// The bytes, in memory of its own: appending is a capacity test and a copy (an `Array`'s
    /// `append(contentsOf:)` cost several times that for the short texts a template appends).
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var base: UnsafeMutablePointer<UInt8>
        @exclusivity(unchecked) var count = 0
        @exclusivity(unchecked) var capacity: Int
        /// Long strings appended (a layout's `content`), kept as they are instead of copied into
        /// the bytes, each with the byte offset it stands at: the result is made by joining
        /// strings, so their text is neither copied twice nor validated again as UTF-8.
        @exclusivity(unchecked) var pieces: [(at: Int, text: String)] = []
        @exclusivity(unchecked) var pieceBytes = 0

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        func copy(minimumCapacity: Int) -> Storage {
            let new = Storage(capacity: max(minimumCapacity, capacity))
            new.base.initialize(from: base, count: count)
            new.count = count
            new.pieces = pieces
            new.pieceBytes = pieceBytes
            return new
        }

        func grow(toAtLeast needed: Int) {
            let newCapacity = max(needed, capacity * 2)
            let new = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            new.initialize(from: base, count: count)
            base.deallocate()
            base = new
            capacity = newCapacity
        }
    }

    private var storage: Storage

    public init(reservingCapacity capacity: Int = 0) {
        storage = Storage(capacity: capacity)
    }

    /// Strings at least this long are held, not copied (see `Storage.pieces`).
    static let heldStringBytes = 4096

    public var count: Int { storage.count + storage.pieceBytes }

    /// The bytes appending this buffer to another copies (its held strings are held there too).
    public var copiedCount: Int { storage.count }

    /// A copy of the bytes written so far.
    public var bytes: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        forEachSegment(
            bytes: { result.append(contentsOf: $0) },
            string: { result.append(contentsOf: $0.utf8) })
        return result
    }

    /// The output's bytes in order, in as few runs as it holds them (written bytes and held
    /// strings), all valid during `body`, without joining them into one `String`: a host that
    /// writes the output to a file (one `writev`) needs neither the copy nor the UTF-8 validation
    /// the join makes.
    public func withByteRuns<R>(_ body: ([UnsafeRawBufferPointer]) -> R) -> R {
        let s = storage
        defer { withExtendedLifetime(s) {} }
        var runs: [UnsafeRawBufferPointer] = []
        runs.reserveCapacity(s.pieces.count * 2 + 1)
        // Each held string's bytes are reached inside a closure: the later ones nest in it.
        func collect(from index: Int, at: Int) -> R {
            guard index < s.pieces.count else {
                if s.count > at { runs.append(UnsafeRawBufferPointer(start: s.base + at, count: s.count - at)) }
                return body(runs)
            }
            let piece = s.pieces[index]
            if piece.at > at { runs.append(UnsafeRawBufferPointer(start: s.base + at, count: piece.at - at)) }
            var text = piece.text
            return text.withUTF8 {
                runs.append(UnsafeRawBufferPointer($0))
                return collect(from: index + 1, at: piece.at)
            }
        }
        return collect(from: 0, at: 0)
    }

    /// The output in order: runs of bytes and held strings.
    private func forEachSegment(bytes: (UnsafeBufferPointer<UInt8>) -> Void, string: (String) -> Void) {
        let s = storage
        var at = 0
        for piece in s.pieces {
            if piece.at > at { bytes(UnsafeBufferPointer(start: s.base + at, count: piece.at - at)) }
            string(piece.text)
            at = piece.at
        }
        if s.count > at { bytes(UnsafeBufferPointer(start: s.base + at, count: s.count - at)) }
        withExtendedLifetime(s) {}
    }

    /// Appends `count` bytes (valid UTF-8 as a whole: the output becomes a `String`).
    @inline(__always)
    mutating func append(bytes source: UnsafePointer<UInt8>, count n: Int) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(minimumCapacity: storage.count + n) }
        let s = storage
        if s.capacity - s.count < n { s.grow(toAtLeast: s.count + n) }
        (s.base + s.count).initialize(from: source, count: n)
        s.count += n
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(minimumCapacity: storage.count + 1) }
        let s = storage
        if s.capacity == s.count { s.grow(toAtLeast: s.count + 1) }
        s.base[s.count] = byte
        s.count += 1
    }

    public mutating func append(_ string: String) {
        let n = string.utf8.count
        if n >= Self.heldStringBytes {
            hold(string)
            return
        }
        // The bytes are found first and copied after, outside the closure that finds them:
        // growing this buffer inside it made the compiler retain and release the string around
        // every append (~40 instructions, a filter's result or a drop's field each time).
        if n > UTF8Text.longestSmallString {
            if let source = UTF8Text.storedBytes(of: string) {
                append(bytes: source, count: n)
                withExtendedLifetime(string) {}
                return
            }
        } else {
            // A small string's bytes are handed out from a temporary copy: copied out here.
            var small: (UInt64, UInt64) = (0, 0)
            let copied: Void?? = withUnsafeMutableBytes(of: &small) { buffer in
                string.utf8.withContiguousStorageIfAvailable { buffer.copyMemory(from: UnsafeRawBufferPointer($0)) }
            }
            if copied != nil {
                appendSmall(small, count: n)
                return
            }
        }
        // Text without contiguous UTF-8 (bridged) is rare.
        append(String(decoding: Array(string.utf8), as: UTF8.self))
    }

    /// Appends the first `n` bytes of `words` (a small string's, `n` < 16): where the buffer has
    /// room for all sixteen, they are stored as two words (the bytes past `n` are overwritten by
    /// what comes next), not copied by a call of `memcpy` for a dozen bytes.
    @inline(__always)
    private mutating func appendSmall(_ words: (UInt64, UInt64), count n: Int) {
        guard isKnownUniquelyReferenced(&storage), storage.capacity &- storage.count >= 16 else {
            var words = words
            withUnsafeBytes(of: &words) { append(bytes: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n) }
            return
        }
        let s = storage
        let at = UnsafeMutableRawPointer(s.base + s.count)
        at.storeBytes(of: words.0, as: UInt64.self)
        at.storeBytes(of: words.1, toByteOffset: 8, as: UInt64.self)
        s.count &+= n
    }

    /// Appends text written in the program (a tag's markup): its bytes, without looking into a
    /// `String`'s representation first (~110 instructions for a short one).
    public mutating func append(literal text: StaticString) {
        guard text.hasPointerRepresentation else { return append(text.description) }
        append(bytes: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    public mutating func append(_ string: Substring) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable {
            if let p = $0.baseAddress { append(bytes: p, count: $0.count) }
        }
        if done == nil { append(String(string)) }
    }

    private mutating func hold(_ string: String) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(minimumCapacity: storage.count) }
        let s = storage
        if s.pieces.capacity == 0 { s.pieces.reserveCapacity(2) }
        s.pieces.append((s.count, string))
        s.pieceBytes += string.utf8.count
    }

    public mutating func append(_ other: OutputBuffer) {
        let o = other.storage
        if o.pieces.isEmpty {
            append(bytes: o.base, count: o.count)
        } else {
            other.forEachSegment(bytes: { append(bytes: $0.baseAddress!, count: $0.count) }, string: { hold($0) })
        }
        withExtendedLifetime(other) {}
    }

    /// Appends a value as `{{ value }}` prints it.
    public mutating func append(value: Value) {
        switch value {
        case .nil: return
        case .string(let s): append(s)
        case .int(let i): appendInteger(i)
        case .drop(let d):
            if let rendered = d as? RenderedOutput {
                append(rendered.buffer)
            } else {
                append(value.rubyString)
            }
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
            append(byte: UInt8(48 + i))
            return
        }
        // The digits written backwards into 24 bytes on the stack (Int.min has 19 and a sign),
        // instead of making a `String`.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            var n = i.magnitude
            var p = raw.count
            repeat {
                p -= 1
                raw[p] = UInt8(48 + n % 10)
                n /= 10
            } while n > 0
            if i < 0 {
                p -= 1
                raw[p] = UInt8(ascii: "-")
            }
            append(bytes: raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + p, count: raw.count - p)
        }
    }

    public var string: String {
        let s = storage
        if s.pieces.isEmpty {
            let text = Self.string(ofValid: UnsafeBufferPointer(start: s.base, count: s.count))
            withExtendedLifetime(s) {}
            return text
        }
        // Joined: the runs of bytes and the held strings, each copied once.
        var result = String()
        result.reserveCapacity(count)
        forEachSegment(bytes: { result.append(Self.string(ofValid: $0)) }, string: { result.append($0) })
        return result
    }

    /// A run of the buffer's bytes as text, without validating it again: everything appended is
    /// whole UTF-8 — strings, substrings, the program's literals, ASCII digits and the template's
    /// text cut at ASCII markup — so the bytes are valid (debug builds check). The standard
    /// library's check went byte by byte through a page once one character was not ASCII.
    static func string(ofValid run: UnsafeBufferPointer<UInt8>) -> String { String(validUTF8: run) }
}
