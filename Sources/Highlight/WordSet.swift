/// An immutable set of words looked up by byte range without allocating.
/// Open addressing over a power-of-two table; optional ASCII case folding.
struct WordSet: Sendable {
    private let storage: [UInt8]
    private let offsets: [Int32]   // start of word i in storage; offsets[n] = storage.count
    private let table: [Int32]     // word index + 1, or 0 when empty
    private let mask: Int
    let ignoresCase: Bool
    /// The shortest and longest word, and which bytes start a word (folded when ignoring case):
    /// most identifiers a lexer asks about are in no set, and these reject them before hashing.
    private let minLength: Int
    private let maxLength: Int
    private let firstBytes: (UInt64, UInt64, UInt64, UInt64)

    init(_ words: [String], ignoringCase: Bool = false) {
        ignoresCase = ignoringCase
        var storage: [UInt8] = []
        var offsets: [Int32] = []
        var unique = Set<String>()
        for w in words {
            let key = ignoringCase ? w.lowercased() : w
            guard unique.insert(key).inserted else { continue }
            offsets.append(Int32(storage.count))
            storage.append(contentsOf: key.utf8)
        }
        offsets.append(Int32(storage.count))
        var size = 16
        while size < unique.count * 3 { size <<= 1 }
        var table = [Int32](repeating: 0, count: size)
        for i in 0..<(offsets.count - 1) {
            let a = Int(offsets[i]), b = Int(offsets[i + 1])
            var h = storage.withUnsafeBufferPointer { WordSet.hash($0.baseAddress! + a, b - a, fold: false) } & (size - 1)
            while table[h] != 0 { h = (h + 1) & (size - 1) }
            table[h] = Int32(i + 1)
        }
        self.storage = storage
        self.offsets = offsets
        self.table = table
        self.mask = size - 1
        var lengths = (min: Int.max, max: 0)
        var first: [UInt64] = [0, 0, 0, 0]
        for i in 0..<(offsets.count - 1) {
            let a = Int(offsets[i]), n = Int(offsets[i + 1]) - a
            lengths = (Swift.min(lengths.min, n), Swift.max(lengths.max, n))
            if n > 0 { first[Int(storage[a] >> 6)] |= 1 << UInt64(storage[a] & 63) }
        }
        minLength = lengths.min
        maxLength = lengths.max
        firstBytes = (first[0], first[1], first[2], first[3])
    }

    init(_ text: String, ignoringCase: Bool = false) {
        self.init(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init), ignoringCase: ignoringCase)
    }

    @inline(__always)
    private static func fold(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c | 0x20 : c }

    private static func hash(_ p: UnsafePointer<UInt8>, _ n: Int, fold: Bool) -> Int {
        var h: UInt64 = 0xcbf29ce484222325
        for i in 0..<n {
            h ^= UInt64(fold ? WordSet.fold(p[i]) : p[i])
            h = h &* 0x100000001b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    func contains(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n >= minLength, n <= maxLength else { return false }
        if n > 0 {
            let c = ignoresCase ? WordSet.fold(p[0]) : p[0]
            let word: UInt64
            switch c >> 6 {
            case 0: word = firstBytes.0
            case 1: word = firstBytes.1
            case 2: word = firstBytes.2
            default: word = firstBytes.3
            }
            if word & (1 << UInt64(c & 63)) == 0 { return false }
        }
        var h = WordSet.hash(p, n, fold: ignoresCase) & mask
        return storage.withUnsafeBufferPointer { s in
            while true {
                let entry = Int(table[h])
                if entry == 0 { return false }
                let a = Int(offsets[entry - 1]), b = Int(offsets[entry])
                if b - a == n {
                    var same = true
                    for i in 0..<n {
                        let c = ignoresCase ? WordSet.fold(p[i]) : p[i]
                        if s[a + i] != c { same = false; break }
                    }
                    if same { return true }
                }
                h = (h + 1) & mask
            }
        }
    }

    func contains(_ word: String) -> Bool {
        var w = word
        return w.withUTF8 { contains($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
    }
}
