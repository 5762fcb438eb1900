/// An integer outside `Int`'s range, as Ruby gives for long digit strings (Bignum).
/// It only carries the value: YAML loading needs to build it and print it, nothing more.
public struct YAMLBigInt: Sendable, Hashable, CustomStringConvertible {
    public private(set) var isNegative: Bool
    /// Base 2^32 digits, least significant first, no leading zero limbs.
    private var limbs: [UInt32]

    init(isNegative: Bool, limbs: [UInt32]) {
        self.isNegative = isNegative
        self.limbs = limbs
        normalize()
    }

    /// Parses digits (ASCII, all valid for `radix`) into a magnitude, with a sign.
    init<Digits: Sequence<UInt8>>(negative: Bool, digits: Digits, radix: UInt32) {
        self.init(isNegative: false, limbs: [])
        for digit in digits {
            multiplyAdd(multiplier: radix, addend: UInt32(Self.digitValue(digit)))
        }
        isNegative = negative
        normalize()
    }

    static func digitValue(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return byte - UInt8(ascii: "A") + 10
        }
    }

    /// The value as an `Int`, when it fits.
    var intValue: Int? {
        guard limbs.count <= 2 else { return nil }
        var magnitude: UInt64 = 0
        for (position, limb) in limbs.enumerated() { magnitude |= UInt64(limb) << (32 * position) }
        if isNegative {
            return magnitude <= UInt64(Int.max) + 1 ? Int(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
    }

    /// `.int` when it fits, `.bigInt` otherwise.
    var yamlValue: YAMLValue {
        if let small = intValue { return .int(small) }
        return .bigInt(self)
    }

    mutating func multiplyAdd(multiplier: UInt32, addend: UInt32) {
        var carry = UInt64(addend)
        for position in limbs.indices {
            let product = UInt64(limbs[position]) * UInt64(multiplier) + carry
            limbs[position] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    /// Shrinks the magnitude by `amount`; callers guarantee the magnitude is larger, so
    /// the sign never changes.
    mutating func subtractFromMagnitude(_ amount: UInt32) {
        var borrow = UInt64(amount)
        for position in limbs.indices where borrow != 0 {
            let current = UInt64(limbs[position])
            if current >= borrow {
                limbs[position] = UInt32(current - borrow)
                borrow = 0
            } else {
                limbs[position] = UInt32((current + (1 << 32)) - borrow)
                borrow = 1
            }
        }
        normalize()
    }

    /// Adds a small non-negative amount to the signed value.
    mutating func add(_ amount: UInt32) {
        if isNegative {
            subtractFromMagnitude(amount)
        } else {
            multiplyAdd(multiplier: 1, addend: amount)
        }
    }

    private mutating func normalize() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
        if limbs.isEmpty { isNegative = false }
    }

    public var description: String {
        if limbs.isEmpty { return "0" }
        var remaining = limbs
        var chunks: [UInt32] = []
        // Peel off nine decimal digits at a time.
        while !remaining.isEmpty {
            var remainder: UInt64 = 0
            for position in remaining.indices.reversed() {
                let current = (remainder << 32) | UInt64(remaining[position])
                remaining[position] = UInt32(current / 1_000_000_000)
                remainder = current % 1_000_000_000
            }
            chunks.append(UInt32(remainder))
            while let last = remaining.last, last == 0 { remaining.removeLast() }
        }
        var text = isNegative ? "-" : ""
        text += String(chunks.last!)
        for chunk in chunks.dropLast().reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }

    /// The nearest `Double` (ties to even), as Ruby's `Integer#to_f`.
    public var doubleValue: Double {
        Double(description) ?? (isNegative ? -.infinity : .infinity)
    }
}
