import Liquid

/// Converted text kept on disk between builds, as Jekyll 4 keeps converted Markdown in its cache
/// folder (`.jekyll-cache/Jekyll/Cache/Jekyll--Converters--Markdown`) and reuses it while the
/// configuration stays the same. kyll's entries sit beside Jekyll's class folders, one file per
/// input, in a format of its own (Jekyll's are Ruby Marshal dumps).
///
/// An entry holds its whole input and is used only when that input equals the text being
/// converted, so a clash of file names or a damaged file is a miss, never wrong output. Entries
/// are also keyed by a `salt`: the site's whole configuration (Jekyll clears its caches whenever
/// the configuration changes) and the identity of the kyll executable, so a new kyll or a changed
/// setting never reads an older build's conversions.
///
/// An input is stored only once an earlier build has converted it too (an `index` lists the keys
/// each build saw): a first build, or text that changes every build, costs no cache writes, and a
/// full build drops the entries nothing asked for.
final class ConversionCache: Sendable {
    /// Texts shorter than this convert faster than an entry is read.
    static let minimumInput = 1024

    let folder: String
    /// The salt, its hash and the last build's keys, made on first use: a small site's build
    /// starts without writing its configuration out as JSON or reading the index (its
    /// stylesheet's compile waits for the setup), and a site without long Markdown never needs them.
    private let makeSalt: @Sendable () -> [UInt8]
    private let keying = Locked<Keying?>(nil)
    /// The keys this build has seen so far.
    private let seenNow = Locked<[UInt64]>([])

    private struct Keying: Sendable {
        let salt: [UInt8]
        let saltHash: UInt64
        /// The keys the last build saw.
        let seenBefore: Set<UInt64>
    }

    /// The cache named `name` of a site, or nil when the site keeps no disk cache (safe mode,
    /// `disable_disk_cache`, or a kyll that cannot tell its own executable apart).
    convenience init?(configuration: Configuration, name: String) {
        guard !configuration.safe, !configuration.disableDiskCache,
              let executable = ExecutableIdentity.current else { return nil }
        let folder = Path.join(configuration.inSource(configuration.cacheDir), "Jekyll/Cache/Kyll--" + name)
        let settings = configuration.hash
        self.init(folder: folder) { Array((executable + "\n" + JSON.string(.hash(settings))).utf8) }
    }

    convenience init(folder: String, salt: [UInt8]) {
        self.init(folder: folder) { salt }
    }

    private init(folder: String, makeSalt: @escaping @Sendable () -> [UInt8]) {
        self.folder = folder
        self.makeSalt = makeSalt
    }

    private var keyed: Keying {
        keying.withLock { made in
            if let made { return made }
            let salt = makeSalt()
            let seenBefore = readIndex()
            let keyed = Keying(salt: salt, saltHash: salt.withUnsafeBytes { FastHash.hash($0, seed: 0x6b79_6c6c) },
                               seenBefore: seenBefore)
            made = keyed
            return keyed
        }
    }

    /// The keys the last build saw, from the index it left.
    private func readIndex() -> Set<UInt64> {
        Set(Self.keys(in: (try? FileSystem.read(Path.join(folder, Self.indexName))) ?? []))
    }

    /// The conversion of `input`: an intact entry's, or else `convert`'s, which is stored when an
    /// earlier build saw the same text and `convert` says its result may be kept. A cache that
    /// cannot be written is no error: the next build converts again.
    func converted<Failure: Error>(
        _ input: String, _ convert: (String) throws(Failure) -> (text: String, keep: Bool)
    ) throws(Failure) -> String {
        guard input.utf8.count >= Self.minimumInput else { return try convert(input).text }
        let keyed = self.keyed
        let salt = keyed.salt, seenBefore = keyed.seenBefore
        var bytes = input
        let (key, cached) = bytes.withUTF8 { text -> (UInt64, String?) in
            let key = self.key(text, seed: keyed.saltHash)
            guard seenBefore.contains(key), let entry = try? FileSystem.read(path(key)),
                  let payload = CacheEntry.payload(in: entry, salt: salt, input: text) else { return (key, nil) }
            return (key, String(decoding: payload, as: UTF8.self))
        }
        seenNow.withLock { $0.append(key) }
        if let cached { return cached }
        var result = try convert(input)
        if result.keep && seenBefore.contains(key) {
            let entry = bytes.withUTF8 { text in
                result.text.withUTF8 { CacheEntry.encode(salt: salt, input: text, payload: $0) }
            }
            write(entry, to: path(key))
        }
        return result.text
    }

    /// Whether an entry for exactly `input` may be on disk: the last build saw its key and the
    /// entry's file is there. Converting such a text ahead of the render would be wasted work.
    func mayHold(_ input: String) -> Bool {
        guard input.utf8.count >= Self.minimumInput else { return false }
        let keyed = self.keyed
        var bytes = input
        let key = bytes.withUTF8 { self.key($0, seed: keyed.saltHash) }
        return keyed.seenBefore.contains(key) && FileSystem.exists(path(key))
    }

    /// Records the keys this build saw, for the next build. `complete`: every document was
    /// converted or looked up, so entries for keys it did not see are stale and go.
    func finish(complete: Bool) {
        let seen = seenNow.withLock { $0 }
        // the index alone when no conversion asked for the keying (no salt made for nothing)
        let seenBefore = keying.withLock { $0?.seenBefore } ?? readIndex()
        let keys = complete ? Set(seen) : seenBefore.union(seen)
        // A rebuild of an unchanged site leaves the index as it is.
        if keys == seenBefore { return }
        if complete {
            for stale in seenBefore.subtracting(keys) { try? FileSystem.remove(path(stale)) }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 * keys.count)
        for key in keys { withUnsafeBytes(of: key.littleEndian) { bytes += $0 } }
        write(bytes, to: Path.join(folder, Self.indexName))
    }

    /// Writes a file of the cache, making its folder when that is missing.
    private func write(_ bytes: [UInt8], to file: String) {
        if (try? FileSystem.write(bytes, to: file)) != nil { return }
        try? FileSystem.makeDirectories(folder)
        try? FileSystem.write(bytes, to: file)
    }

    private static let indexName = "index"

    private static func keys(in index: [UInt8]) -> [UInt64] {
        index.withUnsafeBytes { raw in
            (0 ..< raw.count / 8).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self)) }
        }
    }

    /// The file name's key: a sampled hash, since every Markdown input of a build, clean or not,
    /// is keyed. Two texts that share a key (same length and samples) share a file, and each then
    /// misses on the other's entry: the entry's stored input, not the key, decides a hit.
    private func key(_ input: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        FastHash.sampledHash(UnsafeRawBufferPointer(input), seed: seed)
    }

    private func path(_ key: UInt64) -> String { Path.join(folder, FastHash.hex(key)) }
}

/// One cache file: a magic line, the lengths of salt, input and payload, a hash of the payload
/// (a torn or damaged file fails it), then the three byte strings.
enum CacheEntry {
    static let magic = Array("kyll-cache-1\n".utf8)
    private static let headerSize = magic.count + 4 * 8

    static func encode(salt: [UInt8], input: UnsafeBufferPointer<UInt8>, payload: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(headerSize + salt.count + input.count + payload.count)
        bytes += magic
        for n in [UInt64(salt.count), UInt64(input.count), UInt64(payload.count), FastHash.hash(UnsafeRawBufferPointer(payload), seed: 0)] {
            withUnsafeBytes(of: n.littleEndian) { bytes += $0 }
        }
        bytes += salt
        bytes += input
        bytes += payload
        return bytes
    }

    static func payload(in entry: [UInt8], salt: [UInt8], input: UnsafeBufferPointer<UInt8>) -> ArraySlice<UInt8>? {
        guard entry.count >= headerSize, entry[..<magic.count].elementsEqual(magic) else { return nil }
        return entry.withUnsafeBufferPointer { stored -> ArraySlice<UInt8>? in
            let raw = UnsafeRawBufferPointer(stored)
            func word(_ i: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: magic.count + 8 * i, as: UInt64.self)) }
            guard word(0) == UInt64(salt.count), word(1) == UInt64(input.count),
                  UInt64(headerSize + salt.count + input.count) + word(2) == UInt64(entry.count) else { return nil }
            let inputStart = headerSize + salt.count
            let start = inputStart + input.count
            let storedSalt = UnsafeBufferPointer(rebasing: stored[headerSize ..< inputStart])
            let storedInput = UnsafeBufferPointer(rebasing: stored[inputStart ..< start])
            guard salt.withUnsafeBufferPointer({ ByteSearch.equal(storedSalt, $0) }), ByteSearch.equal(storedInput, input),
                  FastHash.hash(UnsafeRawBufferPointer(rebasing: raw[start...]), seed: 0) == word(3) else { return nil }
            return entry[start...]
        }
    }
}

/// A quick 64-bit hash of bytes, for naming cache files (not a security measure: entries are
/// checked against their full input). It reads every payload a cache stores or reads, so it takes
/// 32 bytes a round in four lanes: one multiply per word, and the lanes' multiplies need not wait
/// for each other.
enum FastHash {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let count = bytes.count
        var h = seed ^ (UInt64(count) &* multiplier)
        var i = 0
        if count >= 32, let base = bytes.baseAddress {
            var lanes = (h, h ^ 0x2545_F491_4F6C_DD1D, h ^ 0xBF58_476D_1CE4_E5B9, h ^ 0x94D0_49BB_1331_11EB)
            while i &+ 32 <= count {
                lanes.0 = round(lanes.0, base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                lanes.1 = round(lanes.1, base.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self))
                lanes.2 = round(lanes.2, base.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self))
                lanes.3 = round(lanes.3, base.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self))
                i &+= 32
            }
            // Each lane mixed before joining, so that swapping two words between lanes changes the hash.
            h = mix(lanes.0) ^ (mix(lanes.1) &* 3) ^ (mix(lanes.2) &* 5) ^ (mix(lanes.3) &* 7)
        }
        while i &+ 8 <= count {
            h = round(h, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i &+= 8
        }
        var tail: UInt64 = 0
        while i < count {
            tail = (tail << 8) | UInt64(bytes[i])
            i &+= 1
        }
        return mix(mix(h ^ tail) ^ 0x2545_F491_4F6C_DD1D)
    }

    /// A hash of `bytes`' length, its first and last `edge` bytes and `samples` words spread
    /// evenly between them: a few hundred instructions whatever the length. Only for keys whose
    /// clashes are checked against the full bytes.
    static func sampledHash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let edge = 256, samples = 64
        let count = bytes.count
        guard count >= 2 * edge + 8 * samples else { return hash(bytes, seed: seed) }
        var h = hash(UnsafeRawBufferPointer(rebasing: bytes[..<edge]), seed: seed ^ (UInt64(count) &* multiplier))
        h = hash(UnsafeRawBufferPointer(rebasing: bytes[(count - edge)...]), seed: h)
        let stride = (count - 2 * edge - 8) / (samples - 1)
        for k in 0..<samples {
            h = round(h, bytes.loadUnaligned(fromByteOffset: edge + k * stride, as: UInt64.self))
        }
        return mix(h ^ 0x2545_F491_4F6C_DD1D)
    }

    /// One word into a lane; the finaliser below spreads the last words' bits. Rotated before the
    /// multiply (high bits brought down to where the multiply spreads them): rotating the product
    /// instead compiled to two multiplies and a shift rather than one rotate.
    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = lane ^ word
        return ((mixed << 31) | (mixed >> 33)) &* multiplier
    }

    /// splitmix64's finaliser.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 16)
        for i in 0..<16 { out[15 - i] = digits[Int((value >> (4 * UInt64(i))) & 0xf)] }
        return String(decoding: out, as: UTF8.self)
    }
}
