import Foundation
import ValidUTF8

/// Jekyll's `slugify`: the modes `raw`, `default`, `pretty`, `ascii`, `latin`; any other mode only
/// lowercases. Runs of characters the mode does not keep become one `-`, and a leading or trailing
/// `-` is dropped.
public enum Slugify {
    public static let modes: Set<String> = ["raw", "default", "pretty", "ascii", "latin"]

    public static func slugify(_ string: String, mode: String? = nil, cased: Bool = false) -> String {
        // No mode (a tag list's `slugify` on every page): no mode names compared. Most tags are
        // their own slug already: given back as they are, without a new string.
        guard let mode else {
            if isOwnSlug(string) { return string }
            return string.isAllASCII ? asciiSlug(string, keepsAllButSpace: false, keepsPunctuation: false, cased: cased)
                : unicodeSlug(string, mode: "default", cased: cased)
        }
        switch mode {
        case "default", "pretty", "raw", "ascii", "latin": break
        default: return cased ? string : rubyDowncase(string)
        }
        if mode != "latin", string.isAllASCII {
            return asciiSlug(string, keepsAllButSpace: mode == "raw", keepsPunctuation: mode == "pretty", cased: cased)
        }
        return unicodeSlug(mode == "latin" ? transliterate(string) : string, mode: mode, cased: cased)
    }

    /// Whether the text is lower-case ASCII letters and digits with single dashes between them,
    /// which the default mode gives back unchanged. Read in place (a text not stored as UTF-8
    /// takes the long way).
    static func isOwnSlug(_ string: String) -> Bool {
        string.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "-"),
                  last != UInt8(ascii: "-") else { return false }
            var previous: UInt8 = 0
            for b in bytes {
                let isLowerOrDigit = (b &- UInt8(ascii: "a")) < 26 || (b &- UInt8(ascii: "0")) < 10
                guard isLowerOrDigit || (b == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
                previous = b
            }
            return true
        } ?? false
    }

    /// The slug by Unicode categories (any text; ASCII text has the byte path `asciiSlug`).
    static func unicodeSlug(_ input: String, mode: String, cased: Bool) -> String {
        let keep: (Unicode.Scalar) -> Bool
        switch mode {
        case "raw": keep = { !isRubyWhitespace($0) }
        case "pretty": keep = { isLetterMarkOrDigit($0) || "._~!$&'()+,;=@".unicodeScalars.contains($0) }
        case "ascii": keep = { $0.isASCII && (isASCIIAlphanumeric($0)) }
        default: keep = isLetterMarkOrDigit
        }
        var slug = String.UnicodeScalarView()
        var inRun = false
        for scalar in input.unicodeScalars {
            if keep(scalar) {
                slug.append(scalar)
                inRun = false
            } else if !inRun {
                slug.append("-")
                inRun = true
            }
        }
        var result = String(slug)
        // Ruby's `gsub(/^-|-$/, "")` works per line; slugs of one line are the case that matters.
        if result.hasPrefix("-") { result.removeFirst() }
        if result.hasSuffix("-") { result.removeLast() }
        return cased ? result : rubyDowncase(result)
    }

    /// The same for ASCII text, on bytes (a tag cloud slugifies every tag on every page): the ASCII
    /// letters and digits are its only letters, marks and digits. The rule for a byte is chosen
    /// once (the mode's name compared at every byte cost more than the rest) and the slug written
    /// straight into the string.
    static func asciiSlug(_ string: String, keepsAllButSpace: Bool, keepsPunctuation: Bool, cased: Bool) -> String {
        func slug(of bytes: UnsafeBufferPointer<UInt8>) -> String {
            String(unsafeUninitializedCapacity: bytes.count) { slug in
                var n = 0
                var inRun = false
                for b in bytes {
                    let keep: Bool
                    if keepsAllButSpace {
                        keep = !(b == 0x20 || b &- 0x09 < 5)
                    } else {
                        let alphanumeric = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                        keep = alphanumeric || (keepsPunctuation && isPrettyPunctuation(b))
                    }
                    if keep {
                        slug[n] = !cased && b >= 0x41 && b <= 0x5A ? b + 32 : b
                        n += 1
                        inRun = false
                    } else if !inRun {
                        slug[n] = UInt8(ascii: "-")
                        n += 1
                        inRun = true
                    }
                }
                // One dash off each end, as Ruby's `gsub(/^-|-$/, "")` takes it.
                if n > 0 && slug[n - 1] == UInt8(ascii: "-") { n -= 1 }
                if n > 0 && slug[0] == UInt8(ascii: "-") {
                    let base = slug.baseAddress!
                    memmove(base, base + 1, n - 1)
                    n -= 1
                }
                return n
            }
        }
        if let made = string.utf8.withContiguousStorageIfAvailable(slug(of:)) { return made }
        var string = string
        return string.withUTF8(slug(of:))
    }

    /// What `pretty` keeps besides letters and digits: `._~!$&'()+,;=@`.
    private static func isPrettyPunctuation(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    static func isLetterMarkOrDigit(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9")
    }

    /// Ruby's `\s`: space, tab, newline, vertical tab, form feed, carriage return.
    static func isRubyWhitespace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\u{0B}" || s == "\u{0C}" || s == "\r"
    }

    /// Ruby's `String#downcase` (full Unicode case mapping).
    static func rubyDowncase(_ s: String) -> String { s.lowercased() }

    /// What I18n's default transliteration (no locale rules) makes of a string: Latin-1 and Latin
    /// Extended-A letters lose their accents or become their usual ASCII spelling; anything else that
    /// is not ASCII becomes `?`.
    public static func transliterate(_ string: String) -> String {
        var out = ""
        for scalar in string.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            if let special = latinSpellings[scalar.value] { out += special; continue }
            guard (0xC0...0x17E).contains(scalar.value) else { out += "?"; continue }
            // The canonical decomposition is the base letter and combining marks: keep the letter.
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.filter(\.isASCII)
            out += base.isEmpty ? "?" : String(String.UnicodeScalarView(base))
        }
        return out
    }

    /// Letters whose ASCII spelling is not their decomposition without marks.
    private static let latinSpellings: [UInt32: String] = [
        0xC6: "AE", 0xD0: "D", 0xD7: "x", 0xD8: "O", 0xDE: "Th", 0xDF: "ss", 0xE6: "ae", 0xF0: "d",
        0xF7: "?", 0xF8: "o", 0xFE: "th", 0x110: "D", 0x111: "d", 0x126: "H", 0x127: "h", 0x131: "i",
        0x132: "IJ", 0x133: "ij", 0x138: "k", 0x13F: "L", 0x140: "l", 0x141: "L", 0x142: "l", 0x149: "'n",
        0x14A: "NG", 0x14B: "ng", 0x152: "OE", 0x153: "oe", 0x166: "T", 0x167: "t",
    ]
}

