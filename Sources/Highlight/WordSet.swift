/// An immutable set of words looked up by byte range without allocating.
/// Open addressing over a power-of-two table; optional ASCII case folding.
struct WordSet: Sendable {
    private let storage: [UInt8]
    private let offsets: [Int32]   // start of word i in storage; offsets[n] = storage.count
    private let table: [Int32]     // word index + 1, or 0 when empty
    private let mask: Int
    let ignoresCase: Bool

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
