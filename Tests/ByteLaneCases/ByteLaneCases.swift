/// The cases every sixteen-byte (vector or SWAR) test in the Markdown and Highlight modules is
/// checked against: every byte value at every lane over a few backgrounds, and short texts with
/// one chosen byte anywhere (the seams between the sixteen-, eight- and one-byte paths).
public enum ByteLaneCases {
    /// Calls `body` with `lanes` bytes (a vector's sixteen, a word's eight) of each background
    /// holding each byte value at each lane.
    public static func forEachValueAtEachLane(over backgrounds: [UInt8], lanes: Int = 16, _ body: ([UInt8]) -> Void) {
        for background in backgrounds {
            for value in 0...255 {
                for position in 0..<lanes {
                    var bytes = [UInt8](repeating: background, count: lanes)
                    bytes[position] = UInt8(value)
                    body(bytes)
                }
            }
        }
    }

    /// Whether a sixteen-byte test's marks (bit 7 of each byte; lanes 0–7 in `low`, 8–15 in
    /// `high`) mark `lane`.
    public static func isMarked(_ lane: Int, low: UInt64, high: UInt64) -> Bool {
        (lane < 8 ? low >> (lane * 8 + 7) : high >> ((lane - 8) * 8 + 7)) & 1 == 1
    }

    /// Calls `body` with texts of 0 to `maxCount` bytes of `background` holding `value` at one
    /// place (`at`, nil for none), for every count and place.
    public static func forEachText(upTo maxCount: Int, of background: UInt8, placing value: UInt8,
                                   _ body: (_ bytes: [UInt8], _ at: Int?) -> Void) {
        for count in 0...maxCount {
            for at in [nil] + Array(0..<count) {
                var bytes = [UInt8](repeating: background, count: count)
                if let at { bytes[at] = value }
                body(bytes, at)
            }
        }
    }
}
