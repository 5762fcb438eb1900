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
        var storage: [UInt8] = []
        var ranges: [(start: Int, end: Int, group: Int)] = []
        for (g, text) in groupTexts.enumerated() {
            // Unicode lower case, as lookups compare against words folded when stored
            let text = ignoringCase ? text.lowercased() : text
            var wordStart = storage.count
            for byte in text.utf8 {
                if byte == 32 || byte == 10 {
                    if storage.count > wordStart { ranges.append((wordStart, storage.count, g + 1)) }
                    wordStart = storage.count
                } else {
                    storage.append(byte)
                }
            }
            if storage.count > wordStart { ranges.append((wordStart, storage.count, g + 1)) }
        }
        var size = 16
        while size < ranges.count * 4 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        var lengths = (min: Int.max, max: 0)
        var first: [UInt64] = [0, 0, 0, 0]
        storage.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
            for r in ranges {
                let n = r.end - r.start
                var h = WordSet.hash(base + r.start, n, fold: false) & (size - 1)
                var duplicate = false
                while slots[h] != 0 {
                    let slot = slots[h]
                    if Int((slot >> 8) & 0xFFFF) == n && WordSet.same(base + r.start, base + Int(slot >> 24), n) {
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
                first[Int(base[r.start] >> 6)] |= 1 << UInt64(base[r.start] & 63)
            }
        }
        let storageMemory = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(storage.count, 1))
        storageMemory.initialize(from: storage, count: storage.count)
        let slotMemory = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
        slotMemory.initialize(from: slots, count: size)
        self.storage = storageMemory
        self.slots = slotMemory
        self.mask = size - 1
        minLength = lengths.min
        maxLength = lengths.max
        firstBytes = CharSet(bits: (first[0], first[1], first[2], first[3]))
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

    /// Mixes the length and four bytes (first, second, middle, last): words are short, and a
    /// collision costs one more comparison, while hashing every byte cost more than the lookup.
    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool) -> Int {
        guard n > 0 else { return 0 }
        @inline(__always) func byte(_ i: Int) -> UInt64 { UInt64(fold ? WordSet.fold(p[i]) : p[i]) }
        var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        h ^= byte(0) | byte(n > 1 ? 1 : 0) << 8 | byte(n >> 1) << 16 | byte(n - 1) << 24
        h = h &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h >> 29)
    }

    /// The group (from 1) holding the word at `p` of length `n`, or 0 when no group does.
    func group(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        guard n >= minLength, n <= maxLength else { return 0 }
        if n > 0 && !firstBytes.contains(ignoresCase ? WordSet.fold(p[0]) : p[0]) { return 0 }
        var h = WordSet.hash(p, n, fold: ignoresCase) & mask
        while true {
            let slot = slots[h]
            if slot == 0 { return 0 }
            if Int(truncatingIfNeeded: (slot >> 8) & 0xFFFF) == n {
                let q = storage + Int(truncatingIfNeeded: slot >> 24)
                if ignoresCase ? WordSet.sameFolded(p, q, n) : WordSet.same(p, q, n) {
                    return Int(truncatingIfNeeded: slot & 0xFF)
                }
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
