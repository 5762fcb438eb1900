/// The converter's output: UTF-8 bytes appended in place, with kramdown's escaping modes written
/// straight into the buffer. The bytes live in a buffer of our own: the converter appends some
/// hundred thousand short pieces per megabyte, and `Array.append(contentsOf:)` costs several
/// times a `memcpy` for each.
///
/// A copy of an `HTMLBuffer` shares its bytes (no copy on write: the uniqueness test cost more
/// than the rest of a short append). The converters only set a buffer aside while they write
/// into a new one and then put it back, which needs no copy.
struct HTMLBuffer {
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = Swift.max(capacity, 64)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        /// Where the next byte goes, with room made for `n` bytes.
        @inline(__always) func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
            if count + n > capacity { grow(to: count + n) }
            return base + count
        }

        func grow(to needed: Int) {
            var c = capacity * 2
            while c < needed { c *= 2 }
            let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
            b.initialize(from: base, count: count)
            base.deallocate()
            base = b
            capacity = c
        }
    }

    private let storage: Storage

    init(capacity: Int = 0) { storage = Storage(capacity: capacity) }

    var count: Int { storage.count }
    var capacity: Int { storage.capacity }
    var last: UInt8? { storage.count > 0 ? storage.base[storage.count - 1] : nil }
    /// A copy of the bytes written so far.
    var bytes: Bytes { Array(UnsafeBufferPointer(start: storage.base, count: storage.count)) }

    /// Room for `n` more bytes; returns where they go (the caller writes them and counts them).
    @inline(__always) private mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> { storage.room(n) }

    /// Where the next byte goes, with room made for `n` bytes: for a loop that writes many short
    /// pieces through a pointer of its own (each `append` reloads the storage's fields and checks
    /// the room), then counts them with `advance(to:)` before any other write.
    @inline(__always) mutating func cursor(room n: Int) -> UnsafeMutablePointer<UInt8> { reserve(n) }

    /// Counts the bytes written through `cursor`'s pointer, up to `end`.
    @inline(__always) mutating func advance(to end: UnsafeMutablePointer<UInt8>) { storage.count = end - storage.base }

    @inline(__always) mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
        guard let src = b.baseAddress, b.count > 0 else { return }
        Self.copy(src, b.count, to: reserve(b.count))
        storage.count += b.count
    }

    /// Copies `n` (> 0) bytes: up to 32 (tags, words and most texts between spans) with two
    /// overlapping loads and stores instead of a `memcpy` call, which cost more than the copy
    /// for them (and the caller's registers reloaded after it).
    @inline(__always) static func copy(_ src: UnsafePointer<UInt8>, _ n: Int, to dst: UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(src), to = UnsafeMutableRawPointer(dst)
        if n > 16 {
            if n > 32 { return dst.initialize(from: src, count: n) }
            to.storeBytes(of: from.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 16, as: SIMD16<UInt8>.self), toByteOffset: n &- 16,
                          as: SIMD16<UInt8>.self)
        } else if n >= 8 {
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self), toByteOffset: n &- 8, as: UInt64.self)
        } else if n >= 4 {
            to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self), toByteOffset: n &- 4, as: UInt32.self)
        } else {
            dst[0] = src[0]
            dst[n &>> 1] = src[n &>> 1]
            dst[n &- 1] = src[n &- 1]
        }
    }

    /// (String literals come here, not to `append(String)`: a literal made a `String` was
    /// retained and released around each append. A one-character literal may be kept as a
    /// scalar, not as bytes: `withUTF8Buffer` reads either.)
    @inline(__always) mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { append($0) }
    }

    @_disfavoredOverload @inline(__always) mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    /// `</name>` and a line end (a block's closing tag), room made once for all of it: three
    /// appends checked the room and counted the bytes three times.
    @inline(__always) mutating func closingLine(_ name: StaticString) {
        let (start, end) = tag(name, before: 2, after: 2)
        start[0] = Byte.lt
        start[1] = Byte.slash
        end[-2] = Byte.gt
        end[-1] = Byte.newline
    }

    /// `<name` (a tag opened for its attributes), room made once.
    @inline(__always) mutating func opening(_ name: StaticString) {
        tag(name, before: 1, after: 0).start[0] = Byte.lt
    }

    /// Room for `name` with `before` bytes ahead of it and `after` behind, the name copied in and
    /// all of it counted; the bytes around the name are the caller's to write, from `start` and
    /// up to `end`. `name` is a tag name: not empty (`copy` writes at least one byte).
    @inline(__always) private mutating func tag(_ name: StaticString, before: Int, after: Int)
        -> (start: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>) {
        // (`withUTF8Buffer`: a one-letter name may be kept as a scalar, without bytes to point to)
        name.withUTF8Buffer { b in
            let n = b.count
            assert(n > 0, "a tag name")
            let to = reserve(before &+ n &+ after)
            Self.copy(b.baseAddress!, n, to: to + before)
            storage.count &+= before &+ n &+ after
            return (to, to + (before &+ n &+ after))
        }
    }

    @inline(__always) mutating func append(_ b: UInt8) {
        reserve(1).initialize(to: b)
        storage.count += 1
    }

    mutating func append(_ n: Int) { append(String(n)) }

    /// Lets `body` write in place: its argument `room(n)` returns where up to `n` more bytes may
    /// go, and `body` returns how many it wrote there (nil: none, and false is returned).
    mutating func appendInPlace(_ body: ((Int) -> UnsafeMutablePointer<UInt8>) -> Int?) -> Bool {
        let storage = self.storage
        let written = body { n in storage.room(n) }
        guard let written else { return false }
        storage.count += written
        return true
    }

    mutating func append(contentsOf b: Bytes) { b.withUnsafeBufferPointer { append($0) } }

    @inline(__always) mutating func spaces(_ n: Int) {
        guard n > 0 else { return }
        if n <= 16 {
            // most indents: sixteen spaces stored at once in room made for them, `n` of them
            // counted (a `memset` call cost more than the store)
            UnsafeMutableRawPointer(reserve(16)).storeBytes(of: SIMD16<UInt8>(repeating: Byte.space), as: SIMD16<UInt8>.self)
        } else {
            reserve(n).initialize(repeating: Byte.space, count: n)
        }
        storage.count += n
    }

    mutating func truncate(to n: Int) {
        storage.count = Swift.min(n, storage.count)
    }

    /// Empties the buffer, with room made for `capacity` bytes (its bytes are shared by its
    /// copies: none of them may read them any more).
    mutating func removeAll(keepingCapacity capacity: Int) {
        storage.count = 0
        if storage.capacity < capacity { storage.grow(to: capacity) }
    }

    /// ` key="value"` for every attribute (kramdown's `html_attributes`), skipping a blank `id`.
    @inline(__always) mutating func attributes(_ attrs: Attributes) {
        if !attrs.isEmpty { appendAttributes(attrs) }
    }

    private mutating func appendAttributes(_ attrs: Attributes) {
        // by index, each pair's strings read in place: a `for (k, v)` loop retained and released
        // both strings of every pair
        let pairs = attrs.pairs
        for i in pairs.indices {
            appendAttribute(pairs[i].key, pairs[i].value)
        }
    }

    private mutating func appendAttribute(_ key: String, _ value: String) {
        // (an id's first byte settles it but for a blank one: no walk over the string's bytes)
        if key == "id", value.utf8.first.map(Byte.isSpace) ?? true, value.utf8.allSatisfy({ Byte.isSpace($0) }) { return }
        append(Byte.space)
        if key.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil { append(key) }
        append("=\"")
        if value.utf8.withContiguousStorageIfAvailable({ escape(bytes: $0, mode: .attribute) }) == nil {
            escape(value, mode: .attribute)
        }
        append(Byte.quote)
    }

    /// kramdown's three `escape_html` modes, and cmark's (`&`, `<`, `>` and `"`, always).
    enum EscapeMode { case all, text, attribute, cmark }

    /// kramdown's `escape_html`: `&`, `<`, `>` (and `"` in attributes); for text and attributes
    /// an entity reference already written (`&amp;`, `&#60;`) is kept as it is.
    mutating func escape(_ s: String, mode: EscapeMode) {
        var s = s
        s.withUTF8 { escape(bytes: $0, mode: mode) }
    }

    /// `escape` of UTF-8 bytes. Most texts, URLs and code need no escape: copied whole after
    /// the scan for the first byte that may, without a call; the rest escaped from that byte.
    @inline(__always) mutating func escape(bytes src: UnsafeBufferPointer<UInt8>, mode: EscapeMode) {
        let first = Self.firstCandidate(in: src)
        if first == src.count { append(src) } else { escape(bytes: src, from: first, mode: mode) }
    }

    /// `escape` of `src`, whose bytes before `first` need no escape.
    mutating func escape(bytes src: UnsafeBufferPointer<UInt8>, from first: Int, mode: EscapeMode) {
        guard let base = src.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        let n = src.count
        var i = first
        var start = 0
        while i < n {
            // to the next byte that may need escaping: eight bytes a test (the lowest byte the
            // test marks is one), the last few in the last eight bytes, those already passed
            // shifted out (a byte passed may mark the one after it: the switch passes over a byte
            // that needs no escape), the last few of a shorter text one by one
            if i &+ 8 <= n {
                let marks = Self.candidateMarks(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if marks == 0 { i &+= 8; continue }
                i &+= marks.trailingZeroBitCount &>> 3
            } else if n >= 8 {
                let passed = i &- (n &- 8)
                let marks = Self.candidateMarks(raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)) &>> UInt64(passed &* 8)
                if marks == 0 { i = n; continue }
                i &+= marks.trailingZeroBitCount &>> 3
            } else if !Self.isCandidate(base[i]) {
                i &+= 1
                continue
            }
            let replacement: StaticString
            switch base[i] {
            case Byte.amp:
                if mode == .text || mode == .attribute, let end = Escape.referenceEnd(src, i) { i = end; continue }
                replacement = "&amp;"
            case Byte.lt: replacement = "&lt;"
            case Byte.gt: replacement = "&gt;"
            case Byte.quote where mode == .attribute || mode == .cmark: replacement = "&quot;"
            default:
                i &+= 1
                continue
            }
            if i > start { append(UnsafeBufferPointer(start: base + start, count: i &- start)) }
            append(replacement)
            i &+= 1
            start = i
        }
        if n > start { append(UnsafeBufferPointer(start: base + start, count: n &- start)) }
    }

    /// Where the first of `escape`'s candidates in `b` is (`b.count` when it holds none, so
    /// that every mode prints it as it is): sixteen bytes a test, the last sixteen overlapping
    /// the ones before (which hold none); a shorter text eight bytes a test, the same way.
    @inline(__always) static func firstCandidate(in b: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = b.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let n = b.count
        if n >= 16 {
            var i = 0
            while i < n {
                let at = Swift.min(i, n &- 16)
                if let k = candidateIndex(inSixteenAt: raw + at) { return at &+ k }
                i &+= 16
            }
            return n
        }
        if n >= 8 {
            // (the lowest byte the second test marks is one: the bytes before it are not)
            var marks = candidateMarks(raw.loadUnaligned(as: UInt64.self))
            if marks != 0 { return marks.trailingZeroBitCount &>> 3 }
            marks = candidateMarks(raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
            return marks != 0 ? n &- 8 &+ (marks.trailingZeroBitCount &>> 3) : n
        }
        var i = 0
        while i < n && !isCandidate(base[i]) { i &+= 1 }
        return i
    }

    /// The index of the first of the sixteen bytes at `p` that is one of `escape`'s candidates
    /// (exactly: the two masked compares of `isCandidate`, made zero tests, for the sixteen at
    /// once); nil when none is. Half the instructions of two `candidateMarks` tests.
    @inline(__always) static func candidateIndex(inSixteenAt p: UnsafeRawPointer) -> Int? {
        let v = p.loadUnaligned(as: SIMD16<UInt8>.self)
        let quoteAmp = (v & SIMD16(repeating: 0xFB)) ^ SIMD16(repeating: Byte.quote)
        let angles = (v & SIMD16(repeating: 0xFD)) ^ SIMD16(repeating: Byte.lt)
        // A byte `x` is zero exactly when `(x - 1) & ~x` has its high bit: lanes do not borrow
        // from each other. (Arithmetic, not the vector compares: the optimizer makes those a
        // loop over the lanes in some places.)
        let one = SIMD16<UInt8>(repeating: 1)
        let zeros = (((quoteAmp &- one) & ~quoteAmp) | ((angles &- one) & ~angles)) & SIMD16(repeating: 0x80)
        let words = unsafeBitCast(zeros, to: SIMD2<UInt64>.self)
        if words[0] != 0 { return words[0].trailingZeroBitCount &>> 3 }
        if words[1] != 0 { return 8 &+ (words[1].trailingZeroBitCount &>> 3) }
        return nil
    }

    /// `escape`'s candidates: `"`, `&`, `<` and `>`.
    @inline(__always) static func isCandidate(_ c: UInt8) -> Bool { c & 0xFB == 0x22 || c & 0xFD == 0x3C }

    /// The high bit of each byte of `w` that may be a candidate, the lowest marked one surely is
    /// (0 when none is): `"` and `&` differ only in bit 2 (0x22, 0x26), `<` and `>` only in bit 1
    /// (0x3C, 0x3E), so two masked compares per byte, done for all eight at once with the
    /// zero-byte test (a borrow can mark a byte only above a true zero).
    @inline(__always) static func candidateMarks(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quoteAmp = (w & 0xFBFB_FBFB_FBFB_FBFB) ^ 0x2222_2222_2222_2222
        let angles = (w & 0xFDFD_FDFD_FDFD_FDFD) ^ 0x3C3C_3C3C_3C3C_3C3C
        return (((quoteAmp &- ones) & ~quoteAmp) | ((angles &- ones) & ~angles)) & highs
    }

    /// Replaces the first occurrence of `marker` with `replacement`.
    mutating func replaceFirst(_ marker: String, with replacement: Bytes) {
        var b = bytes
        let m = Array(marker.utf8)
        guard let first = m.first, b.count >= m.count else { return }
        var i = 0
        while i + m.count <= b.count {
            if b[i] == first, b[i..<i + m.count].elementsEqual(m) {
                b.replaceSubrange(i..<i + m.count, with: replacement)
                self = HTMLBuffer(capacity: b.count)
                append(contentsOf: b)
                return
            }
            i += 1
        }
    }

    var string: String { String(decodingMostlyASCII: UnsafeBufferPointer(start: storage.base, count: storage.count)) }

    /// `string` for bytes known to be valid UTF-8 (see `String(copyingValidUTF8:)`).
    var validString: String { String(copyingValidUTF8: UnsafeBufferPointer(start: storage.base, count: storage.count)) }
}
