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

    private struct Slot {
        var seconds: Int64 = 0
        var utcOffset: Int32 = 0
        /// The fraction and the kind of zone, packed as `zoneBits` packs them; `empty` for none.
        var zoneBits: UInt32 = Slot.empty
        var pattern = ""
        var text = ""

        /// No time packs to it: the zone's kind takes the values 0 to 2 only.
        static let empty = UInt32.max
    }

    private static let slotCount = 4096
    private static let indexShift: UInt64 = 64 - 12
    /// `slotCount` slots, all initialized, for the table's life.
    private let slots: UnsafeMutablePointer<Slot>

    private init() {
        slots = .allocate(capacity: Self.slotCount)
        slots.initialize(repeating: Slot(), count: Self.slotCount)
    }

    deinit {
        slots.deinitialize(count: Self.slotCount)
        slots.deallocate()
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
        let slot = slots + Self.index(t, pattern)
        guard slot.pointee.seconds == t.seconds, slot.pointee.zoneBits == Self.zoneBits(t),
              slot.pointee.utcOffset == t.utcOffset,
              // bytes, not `==`: canonically equal patterns print their own bytes
              Self.sameBytes(slot.pointee.pattern, pattern) else { return nil }
        return slot.pointee.text
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
        slots[Self.index(t, pattern)] = Slot(seconds: t.seconds, utcOffset: t.utcOffset, zoneBits: Self.zoneBits(t),
                                             pattern: pattern, text: text)
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
