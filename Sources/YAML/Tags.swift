/// What Psych's safe loader makes of explicitly tagged nodes.
///
/// YAML's own tags mostly fall back to the plain-scalar rules (`!!int "1.5"` is a float,
/// `!!null x` a string); `!!str`, `!!binary` and `!!float` convert; Ruby's `!ruby/…` tags
/// name classes that safe loading refuses. A few Ruby tags Psych would turn into objects
/// with no YAML form (`!ruby/encoding`, classes `Date`/`Time` used as tags) are reported
/// as unsupported instead.
enum Tags {
    static let yamlString = "tag:yaml.org,2002:str"
    static let yamlBinary = "tag:yaml.org,2002:binary"
    static let yamlFloat = "tag:yaml.org,2002:float"
    static let yamlOmap = "tag:yaml.org,2002:omap"
    static let yamlSet = "tag:yaml.org,2002:set"

    // MARK: Scalars

    static func resolveScalar(tag: String, text: UnsafeBufferPointer<UInt8>) throws(ScalarFailure) -> YAMLValue {
        switch tag {
        case "!binary", yamlBinary:
            return .string(String(decoding: Base64.decodeLeniently(text), as: UTF8.self))
        case yamlString:
            return .string(PlainScalar.makeString(text))
        case "!ruby/object:BigDecimal": throw .disallowedClass("BigDecimal")
        case "!ruby/object:DateTime": throw .disallowedClass("DateTime")
        case "!ruby/encoding": throw .unsupported(tag)
        case "!ruby/object:Complex": throw .disallowedClass("Complex")
        case "!ruby/object:Rational": throw .disallowedClass("Rational")
        case "!ruby/class", "!ruby/module":
            if text.isEmpty { return .null }
            try refuseClass(PlainScalar.makeString(text), tag: tag)
            return .null
        case yamlFloat, "!float":
            return try float(from: PlainScalar.resolve(text), text: text)
        case "!ruby/regexp": throw .disallowedClass("Regexp")
        case "!ruby/range": throw .disallowedClass("Range")
        default:
            if let className = stringClass(tag) {
                if !className.isEmpty { try refuseClass(className, tag: tag) }
                return .string(PlainScalar.makeString(text))
            }
            if tag.hasPrefix("!ruby/sym") { throw .disallowedClass("Symbol") }
            return try PlainScalar.resolve(text)
        }
    }

    /// Ruby's `Float(value)` on what the plain-scalar rules made of the text.
    private static func float(from value: YAMLValue, text: UnsafeBufferPointer<UInt8>) throws(ScalarFailure) -> YAMLValue {
        switch value {
        case .float: return value
        case .int(let int): return .float(Double(int))
        case .bigInt(let big): return .float(big.doubleValue)
        case .time(let time): return .float(Double(time.secondsSinceEpoch) + Double(time.nanoseconds) / 1e9)
        case .string(let string):
            guard let double = RubyNumbers.strictFloat(string) else {
                throw .invalid("'\(string)' is tagged !!float but is not a number")
            }
            return .float(double)
        default:
            throw .invalid("'\(PlainScalar.makeString(text))' is tagged !!float but reads as \(value), not a number")
        }
    }

    /// The class suffix of `!str`, `!str:X`, `!ruby/string`, `!ruby/string:X`, or nil
    /// when the tag is not one of those.
    static func stringClass(_ tag: String) -> String? {
        for prefix in ["!str", "!ruby/string"] where tag.hasPrefix(prefix) {
            let rest = tag.dropFirst(prefix.count)
            if rest.isEmpty { return "" }
            if rest.first == ":" { return String(rest.dropFirst()) }
        }
        return nil
    }

    /// Psych's restricted class loader: only `Date` and `Time` pass, and those would build
    /// half-initialised Ruby objects under these tags, so they are unsupported here.
    static func refuseClass(_ name: String, tag: String) throws(ScalarFailure) {
        if name == "Date" || name == "Time" { throw .unsupported(tag) }
        throw .disallowedClass(name)
    }

    /// The text after `prefix` and an optional colon, when the tag starts with `prefix`.
    static func suffix(of tag: String, afterPrefix prefix: String) -> String? {
        guard tag.hasPrefix(prefix) else { return nil }
        let rest = tag.dropFirst(prefix.count)
        return String(rest.first == ":" ? rest.dropFirst() : rest)
    }

    // MARK: Collections

    /// How a tagged mapping or sequence is built.
    enum CollectionKind {
        case plain
        /// `!!omap` on a sequence: a mapping from each item's first key to its last value.
        case orderedMap
        /// `!!str` on a mapping: the value under `str` (with other keys as ignored
        /// instance variables).
        case stringObject
        /// `!ruby/hash-with-ivars`: the pairs under `elements`.
        case hashWithIvars
    }

    static func sequenceKind(tag: String?) throws(ScalarFailure) -> CollectionKind {
        guard let tag else { return .plain }
        if tag == "!omap" || tag == yamlOmap { return .orderedMap }
        for prefix in ["!seq:", "!ruby/array:"] where tag.hasPrefix(prefix) {
            let name = String(tag.dropFirst(prefix.count))
            if name.isEmpty { throw .unsupported(tag) }
            try refuseClass(name, tag: tag)
        }
        return .plain
    }

    static func mappingKind(tag: String?) throws(ScalarFailure) -> CollectionKind {
        guard let tag else { return .plain }
        if let name = suffix(of: tag, afterPrefix: "!ruby/struct") {
            try refuseClass(name.isEmpty ? "Struct" : name, tag: tag)
        }
        if let name = suffix(of: tag, afterPrefix: "!ruby/object") {
            switch name {
            case "Hash": return .plain
            case "": try refuseClass("Object", tag: tag)
            default: try refuseClass(name, tag: tag)
            }
        }
        if tag == yamlString { return .stringObject }
        if let name = stringClass(tag) {
            if !name.isEmpty { try refuseClass(name, tag: tag) }
            return .stringObject
        }
        if tag.hasPrefix("!ruby/array:") {
            let name = String(tag.dropFirst("!ruby/array:".count))
            if name.isEmpty { throw .unsupported(tag) }
            try refuseClass(name, tag: tag)
        }
        if tag == "!ruby/range" { throw .disallowedClass("Range") }
        if let name = suffix(of: tag, afterPrefix: "!ruby/exception") {
            try refuseClass(name.isEmpty ? "Exception" : name, tag: tag)
        }
        if tag == "!set" || tag == yamlSet { throw .disallowedClass("Psych::Set") }
        if tag.hasPrefix("!ruby/hash-with-ivars") {
            let rest = tag.dropFirst("!ruby/hash-with-ivars".count)
            if rest.isEmpty { return .hashWithIvars }
            if rest.first == ":" {
                let name = String(rest.dropFirst())
                if name.isEmpty { return .hashWithIvars }
                try refuseClass(name, tag: tag)
            }
        }
        for prefix in ["!map:", "!ruby/hash:", "!ruby/marshalable:"] where tag.hasPrefix(prefix) {
            let name = String(tag.dropFirst(prefix.count))
            if name.isEmpty { throw .unsupported(tag) }
            try refuseClass(name, tag: tag)
        }
        if tag == "!omap" || tag == yamlOmap { throw .disallowedClass("Psych::Omap") }
        return .plain
    }
}

/// Ruby's lenient `unpack("m")`: characters outside the Base64 alphabet are skipped,
/// a `=` where the third or fourth character of a group belongs ends the data.
enum Base64 {
    static func decodeLeniently(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count * 3 / 4)
        var group: [UInt32] = []
        for byte in text {
            if byte == UInt8(ascii: "="), group.count >= 2 { break }
            guard let value = sextet(byte) else { continue }
            group.append(value)
            if group.count == 4 {
                let bits = group[0] << 18 | group[1] << 12 | group[2] << 6 | group[3]
                output += [UInt8(bits >> 16 & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits & 0xFF)]
                group.removeAll(keepingCapacity: true)
            }
        }
        if group.count >= 2 {
            let bits = group[0] << 18 | group[1] << 12 | (group.count > 2 ? group[2] << 6 : 0)
            output.append(UInt8(bits >> 16 & 0xFF))
            if group.count > 2 { output.append(UInt8(bits >> 8 & 0xFF)) }
        }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(byte - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
