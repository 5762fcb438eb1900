/// The strings of short plain scalars a reusable parser met before (`YAML.visitPlain`): front
/// matter repeats the same few keys and words (`title`, `tags`, a tag's name) document after
/// document, and resolving such a scalar and making its string again cost ~350 instructions.
///
/// Only plain scalars that resolved to a string are kept: resolving depends on the bytes alone,
/// so the same bytes resolve to the same string. (A quoted scalar is a string whatever its bytes,
/// and is never put here: a quoted `true` must not make a plain `true` a string.)
final class ShortScalars {
    /// Up to 16 bytes as two words and their count: `low` holds the first eight (or fewer),
    /// `high` the last eight, overlapping `low` for 9 to 15; with the count they tell the bytes
    /// apart exactly.
    struct Packed: Equatable {
        var low: UInt64
        var high: UInt64
        var count: Int

        /// nil for no bytes or more than 16.
        init?(_ text: UnsafeBufferPointer<UInt8>) {
            let n = text.count
            guard n > 0, n <= 16, let base = text.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            count = n
            if n >= 8 {
                low = raw.loadUnaligned(as: UInt64.self)
                high = n > 8 ? raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self) : 0
            } else if n >= 4 {
                // Both ends cover every byte of 4 to 7.
                low = UInt64(raw.loadUnaligned(as: UInt32.self)) << 32
                    | UInt64(raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self))
                high = 0
            } else {
                // First, middle and last cover every byte of 1 to 3.
                low = UInt64(base[0]) << 16 | UInt64(base[n >> 1]) << 8 | UInt64(base[n &- 1])
                high = 0
            }
        }

        /// One of `slotCount` slots.
        var slot: Int {
            let mixed = (low ^ high &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)) &* 0xBF58_476D_1CE4_E5B9
            return Int(truncatingIfNeeded: mixed >> 56)
        }
    }

    private struct Entry {
        var packed: Packed?
        var string: String
    }

    /// A power of two: `Packed.slot` takes the top eight bits of its mix. Room for a site's keys,
    /// tags and categories with few of them sharing a slot: with 64, 2,900 of the 1k-post site's
    /// short plain scalars were resolved again, with 256 1,400.
    private static let slotCount = 256
    /// Filled once per parser; a slot holds the last scalar put there.
    private let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = .allocate(capacity: Self.slotCount)
        entries.initialize(repeating: Entry(packed: nil, string: ""), count: Self.slotCount)
    }

    deinit {
        entries.deinitialize(count: Self.slotCount)
        entries.deallocate()
    }

    /// The string a plain scalar of these bytes resolved to, when it was one and is still kept.
    func string(for packed: Packed) -> String? {
        let entry = entries + packed.slot
        return entry.pointee.packed == packed ? entry.pointee.string : nil
    }

    /// Keeps what a plain scalar of these bytes resolved to, when a string.
    func remember(_ value: YAMLValue, for packed: Packed) {
        guard case .string(let string) = value else { return }
        entries[packed.slot] = Entry(packed: packed, string: string)
    }
}
