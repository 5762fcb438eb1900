#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Liquid

/// Texts of times already printed by `date` (with a pattern) and `date_to_xmlschema`, one table a
/// thread. A site prints each post's date on several pages — its own, every tag's list, the
/// archive, the index — and a page of all tags prints it once a tag: ~1,750 instructions a
/// `date`, ~900 a `date_to_xmlschema`, where finding the text again costs ~100.
///
/// A text is a function of the time's fields (instant, fraction, offset, kind of zone) and the
/// pattern alone, so a thread's table serves every build. Callers do not store a text that also
/// depends on something else (a local zone's name, `%Z`).
///
/// Direct-mapped: each time and pattern has one slot, which the last text printed there takes.
final class TimeTexts {
    /// The pattern that stands for `date_to_xmlschema`: `date` never prints one for an empty
    /// pattern (it gives its input back), so the two never share a text.
    static let xmlschemaPattern = ""

    /// What a slot is for: a time's fields, `filled` 0 for a slot never written (so that the
    /// table's untouched memory, zeroed, is empty and costs no page until a text lands there).
    private struct Key {
        var seconds: Int64
        var utcOffset: Int32
        /// `zoneBits` + 1 (`zoneBits` never reaches `UInt32.max`); 0: the slot is empty.
        var filled: UInt32
    }

    private struct Texts {
        var pattern: String
        var text: String
    }

    private static let slotCount = 4096
    private static let indexShift: UInt64 = 64 - 12
    /// `slotCount` keys, zeroed; the texts of a slot are initialized once its key is filled.
    private let keys: UnsafeMutablePointer<Key>
    private let texts: UnsafeMutablePointer<Texts>

    private init() {
        // calloc: fresh zeroed pages are not touched, where 4,096 initialized slots took ~50 page
        // faults on every thread that prints a date (the seed site prints a few).
        keys = calloc(Self.slotCount, MemoryLayout<Key>.stride)!.bindMemory(to: Key.self, capacity: Self.slotCount)
        texts = .allocate(capacity: Self.slotCount)
    }

    deinit {
        for index in 0..<Self.slotCount where keys[index].filled != 0 { (texts + index).deinitialize(count: 1) }
        texts.deallocate()
        free(keys)
    }

    private static func zoneBits(_ t: TimeValue) -> UInt32 {
        UInt32(truncatingIfNeeded: t.nanoseconds) | t.zone.rawValue << 30
    }

    /// The slot of a time and pattern: posts' instants differ by whole days, which a multiplier
    /// spreads over the table; the pattern's length keeps a post's `%Y` off its `%b %-d, %Y`.
    @inline(__always)
    private static func index(_ t: TimeValue, _ pattern: String) -> Int {
        let mixed = UInt64(bitPattern: t.seconds) &+ UInt64(truncatingIfNeeded: pattern.utf8.count) &* 0x9E37_79B9
        return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> indexShift)
    }

    /// The text this thread last printed of `t` with `pattern`, if its slot still holds it.
    func text(of t: TimeValue, pattern: String) -> String? {
        let index = Self.index(t, pattern)
        let key = keys[index]
        guard key.filled == Self.zoneBits(t) &+ 1, key.seconds == t.seconds, key.utcOffset == t.utcOffset,
              // bytes, not `==`: canonically equal patterns print their own bytes
              Self.sameBytes(texts[index].pattern, pattern) else { return nil }
        return texts[index].text
    }

    /// Whether two texts have the same bytes: one `memcmp` for native strings.
    @inline(__always)
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        let compared = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
        return compared.flatMap { $0 } ?? a.utf8.elementsEqual(b.utf8)
    }

    /// Whether `date`'s text of a `t` with `pattern` depends on the time and the pattern alone.
    /// A local time's zone name (`%Z` in any spelling: `%^Z`, `%-10Z`) comes from the site's zone,
    /// which a `kyll serve` rebuild may change without changing the time's fields.
    /// (`printsZoneName`: `DateFilter.printsZoneName` of the pattern, which the filter has already.)
    static func mayRemember(_ t: TimeValue, printsZoneName: Bool) -> Bool {
        t.zone != .local || !printsZoneName
    }

    func remember(_ text: String, of t: TimeValue, pattern: String) {
        let index = Self.index(t, pattern)
        if keys[index].filled == 0 {
            (texts + index).initialize(to: Texts(pattern: pattern, text: text))
        } else {
            texts[index] = Texts(pattern: pattern, text: text)
        }
        keys[index] = Key(seconds: t.seconds, utcOffset: t.utcOffset, filled: Self.zoneBits(t) &+ 1)
    }

    /// This thread's table, made at its first use and let go when the thread ends.
    static var current: TimeTexts {
        if let stored = pthread_getspecific(key) { return Unmanaged<TimeTexts>.fromOpaque(stored).takeUnretainedValue() }
        let made = TimeTexts()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { releaseTable($0) }
        return key
    }()
}

/// A thread's table let go as the thread ends (a free function: the key's destructor is a C
/// function pointer, whose argument is optional on some platforms only).
private func releaseTable(_ stored: UnsafeMutableRawPointer?) {
    guard let stored else { return }
    Unmanaged<TimeTexts>.fromOpaque(stored).release()
}
