/// An immutable set of words looked up by byte range without allocating, optionally folding
/// ASCII case. Words may come in groups (a lexer's keywords, then its builtins…): `group(_:_:)`
/// says which group holds a word, the first one listing it winning, with one lookup instead of
/// one per group.
///
/// A class over memory of its own, immutable once made (hence `@unchecked Sendable`): as a
/// struct of arrays each lookup copied the struct for the call and read the arrays' buffers.
final class WordSet: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<UInt8>
    /// Open addressing over a power-of-two table. A slot is 0 when empty, else the word's offset
    /// in `storage` (bits 24…55), its length (bits 8…23) and its group number from 1 (bits 0…7).
    private let slots: UnsafeMutablePointer<UInt64>
    private let mask: Int
    /// 64 minus log2 of the table's size: `hash` keeps that many top bits.
    private let shift: UInt64
    let ignoresCase: Bool
    /// The shortest and longest word, and which bytes start a word (folded when ignoring case):
    /// most identifiers a lexer asks about are in no set, and these reject them before hashing.
    private let minLength: Int
    private let maxLength: Int
    private let firstBytes: CharSet

    /// Groups given as texts of words separated by spaces or newlines; a word listed again
    /// (in its group or a later one) keeps its first group. Built from the texts' bytes: a
    /// `String` per word made building the lexers' sets cost more than a site's lookups in them.
    convenience init(groupTexts: [String], ignoringCase: Bool = false) {
        self.init(groupTexts: groupTexts, ignoringCase: ignoringCase, memberships: false)
    }

    /// Sets given as texts of words (at most eight): `memberships(_:_:)` answers, in one lookup,
    /// a mask with bit `k` set when text `k` lists the word, for lexers that ask of one word
    /// whether it is in each of several overlapping lists.
    convenience init(memberOf texts: String...) {
        precondition(texts.count <= 8)
        self.init(groupTexts: texts, ignoringCase: false, memberships: true)
    }

    private init(groupTexts: [String], ignoringCase: Bool, memberships: Bool) {
        ignoresCase = ignoringCase
        // Unicode lower case, as lookups compare against words folded when stored
        let texts = ignoringCase ? groupTexts.map { $0.lowercased() } : groupTexts
        // The words' bytes copied straight into the set's memory and their ranges into room
        // reserved once (appending byte by byte to arrays cost ~60 instructions a byte, at each
        // process's first highlight in a language).
        let room = texts.reduce(0) { $0 + $1.utf8.count }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(room, 1))
        var stored = 0
        var ranges: [(start: Int, end: Int, group: Int)] = []
        ranges.reserveCapacity(room / 2 + 1)
        for (g, text) in texts.enumerated() {
            var text = text
            text.withUTF8 { bytes in
                var wordStart = stored
                for byte in bytes {
                    if byte == 32 || byte == 10 {
                        if stored > wordStart { ranges.append((wordStart, stored, g + 1)) }
                        wordStart = stored
                    } else {
                        storage[stored] = byte
                        stored &+= 1
                    }
                }
                if stored > wordStart { ranges.append((wordStart, stored, g + 1)) }
            }
        }
        var size = 16
        while size < ranges.count * 4 { size <<= 1 }
        let shift = UInt64(64 - size.trailingZeroBitCount)
        let slots = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        var lengths = (min: Int.max, max: 0)
        var first = CharSet()
        for r in ranges {
            let n = r.end - r.start
            var h = WordSet.hash(storage + r.start, n, fold: false, shift: shift)
            var duplicate = false
            while slots[h] != 0 {
                let slot = slots[h]
                if Int((slot >> 8) & 0xFFFF) == n && WordSet.same(storage + r.start, storage + Int(slot >> 24), n) {
                    duplicate = true
                    break
                }
                h = (h + 1) & (size - 1)
            }
            if duplicate {
                if memberships { slots[h] |= 1 << UInt64(r.group - 1) }
                continue
            }
            slots[h] = UInt64(r.start) << 24 | UInt64(n) << 8 | (memberships ? 1 << UInt64(r.group - 1) : UInt64(r.group))
            lengths = (Swift.min(lengths.min, n), Swift.max(lengths.max, n))
            first.insert(storage[r.start])
        }
        self.storage = storage
        self.slots = slots
        self.mask = size - 1
        self.shift = shift
        minLength = lengths.min
        maxLength = lengths.max
        firstBytes = first
    }

    convenience init(_ text: String, ignoringCase: Bool = false) {
        self.init(groupTexts: [text], ignoringCase: ignoringCase)
    }

    /// Groups given as texts of words separated by spaces or newlines.
    convenience init(groups texts: String..., ignoringCase: Bool = false) {
        self.init(groupTexts: texts, ignoringCase: ignoringCase)
    }

    deinit {
        storage.deallocate()
        slots.deallocate()
    }

    @inline(__always)
    private static func fold(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c | 0x20 : c }

    /// Mixes the length with the first four bytes and the last four (overlapping in shorter
    /// words; the first, middle and last byte of words under four), read as two words: words
    /// are short, and a collision costs one more comparison, while hashing every byte, or
    /// assembling bytes one by one, cost more than the lookup. The top bits of the product,
    /// which every key bit reaches, pick the slot.
    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool, shift: UInt64) -> Int {
        let raw = UnsafeRawPointer(p)
        var key: UInt64
        if n >= 4 {
            key = UInt64(raw.loadUnaligned(as: UInt32.self))
                | UInt64(raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)) << 32
        } else if n > 0 {
            key = UInt64(p[0]) | UInt64(p[n >> 1]) << 8 | UInt64(p[n &- 1]) << 16
        } else {
            return 0
        }
        if fold { key = foldASCII(key) }
        let h = (key ^ UInt64(n) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h >> shift)
    }

    /// `fold` for the eight bytes of `w` at once: 0x20 added to each byte in `A`…`Z`. Each
    /// byte's low seven bits plus a constant stay below 0x100, so no carry crosses bytes.
    @inline(__always)
    private static func foldASCII(_ w: UInt64) -> UInt64 {
        let low = w & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & 0x8080_8080_8080_8080   // low + (0x80 - 0x41)
        let aboveZ = (low &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080     // low + (0x80 - 0x5B)
        let upper = atLeastA & ~aboveZ & ~w
        return w | upper >> 2
    }

    /// The group (from 1) holding the word at `p` of length `n`, or 0 when no group does.
    func group(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        // every word has a byte, so past this `n` ≥ 1
        guard n >= minLength, n <= maxLength else { return 0 }
        if ignoresCase { return groupFolded(p, n) }
        guard firstBytes.contains(p[0]) else { return 0 }
        var h = WordSet.hash(p, n, fold: false, shift: shift)
        while true {
            let slot = slots[h]
            if slot == 0 { return 0 }
            if Int(truncatingIfNeeded: (slot >> 8) & 0xFFFF) == n
                && WordSet.same(p, storage + Int(truncatingIfNeeded: slot >> 24), n) {
                return Int(truncatingIfNeeded: slot & 0xFF)
            }
            h = (h &+ 1) & mask
        }
    }

    /// `group` for a set that ignores case, out of line: few lexers' sets do.
    @inline(never)
    private func groupFolded(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        guard firstBytes.contains(WordSet.fold(p[0])) else { return 0 }
        var h = WordSet.hash(p, n, fold: true, shift: shift)
        while true {
            let slot = slots[h]
            if slot == 0 { return 0 }
            if Int(truncatingIfNeeded: (slot >> 8) & 0xFFFF) == n
                && WordSet.sameFolded(p, storage + Int(truncatingIfNeeded: slot >> 24), n) {
                return Int(truncatingIfNeeded: slot & 0xFF)
            }
            h = (h &+ 1) & mask
        }
    }

    /// Whether `n` bytes at `p` and `q` are equal, compared a word at a time with loads that
    /// stay inside both ranges (two overlapping loads for the last, partial word).
    @inline(__always)
    private static func same(_ p: UnsafePointer<UInt8>, _ q: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let a = UnsafeRawPointer(p), b = UnsafeRawPointer(q)
        if n >= 8 {
            var i = 0
            while i &+ 8 < n {
                if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                i &+= 8
            }
            return a.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
        }
        if n >= 4 {
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
        }
        return n == 0 || (p[0] == q[0] && p[n >> 1] == q[n >> 1] && p[n &- 1] == q[n &- 1])
    }

    /// `same` with the bytes at `p` folded to lower case (`q` is stored folded).
    private static func sameFolded(_ p: UnsafePointer<UInt8>, _ q: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        for i in 0..<n where fold(p[i]) != q[i] { return false }
        return true
    }

    /// For a set made with `init(memberOf:)`: bit `k` set when text `k` lists the word.
    @inline(__always)
    func memberships(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int { group(p, n) }

    @inline(__always)
    func contains(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool { group(p, n) != 0 }

    func contains(_ word: String) -> Bool {
        var w = word
        return w.withUTF8 { contains($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
    }

    func group(_ word: String) -> Int {
        var w = word
        return w.withUTF8 { group($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
    }
}
