/// A token of tag or output markup, as ruby-liquid's strict lexer sees it.
struct MarkupToken: Equatable {
    enum Kind: String {
        case comparison, string, number, id, dotdot, pipe, dot, colon, comma
        case openSquare = "open_square", closeSquare = "close_square"
        case openRound = "open_round", closeRound = "close_round"
        case question, dash
        case endOfString = "end_of_string"
    }

    var kind: Kind
    var text: String

    /// ruby-liquid prints tokens in messages as `[:dash, "-"]`.
    var rubyDescription: String {
        kind == .endOfString ? "[:end_of_string]" : "[:\(kind.rawValue), \(Value.string(text).inspect)]"
    }
}

/// Splits markup into tokens: comparison operators, quoted strings, numbers, identifiers, `..`
/// and single-character punctuation. Any other character is a syntax error.
enum ExpressionLexer {
    static func tokenize(_ markup: Substring) throws -> [MarkupToken] {
        var bytes = bytesOf(markup)
        bytes.append(0)  // sentinel
        let n = bytes.count - 1
        var tokens: [MarkupToken] = []
        tokens.reserveCapacity(8)
        var i = 0

        func text(_ from: Int, _ to: Int) -> String {
            String(decoding: bytes[from..<to], as: UTF8.self)
        }

        while i < n {
            let c = bytes[i]
            if isRubySpace(c) {
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "="):
                if bytes[i + 1] == UInt8(ascii: "=") {
                    tokens.append(MarkupToken(kind: .comparison, text: "=="))
                    i += 2
                    continue
                }
            case UInt8(ascii: "!"):
                if bytes[i + 1] == UInt8(ascii: "=") {
                    tokens.append(MarkupToken(kind: .comparison, text: "!="))
                    i += 2
                    continue
                }
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                var op = String(UnicodeScalar(c))
                if c == UInt8(ascii: "<") && bytes[i + 1] == UInt8(ascii: ">") {
                    op = "<>"
                } else if bytes[i + 1] == UInt8(ascii: "=") {
                    op += "="
                }
                tokens.append(MarkupToken(kind: .comparison, text: op))
                i += op.utf8.count
                continue
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                var j = i + 1
                while j < n && bytes[j] != c { j += 1 }
                if j < n {
                    tokens.append(MarkupToken(kind: .string, text: text(i, j + 1)))
                    i = j + 1
                    continue
                }
            default:
                break
            }
            // `contains` is an operator only when whitespace follows.
            if c == UInt8(ascii: "c"), i + 8 < n, isRubySpace(bytes[i + 8]),
                text(i, i + 8) == "contains"
            {
                tokens.append(MarkupToken(kind: .comparison, text: "contains"))
                i += 8
                continue
            }
            // Numbers: -?\d+(\.\d+)?
            let digitStart = c == UInt8(ascii: "-") ? i + 1 : i
            if isDigit(bytes[digitStart]) {
                var j = digitStart
                while isDigit(bytes[j]) { j += 1 }
                if bytes[j] == UInt8(ascii: "."), isDigit(bytes[j + 1]) {
                    j += 1
                    while isDigit(bytes[j]) { j += 1 }
                }
                tokens.append(MarkupToken(kind: .number, text: text(i, j)))
                i = j
                continue
            }
            // Identifiers: [a-zA-Z_][\w-]*\??
            if isIdentifierStart(c) {
                var j = i + 1
                while isWordByte(bytes[j]) || bytes[j] == UInt8(ascii: "-") { j += 1 }
                if bytes[j] == UInt8(ascii: "?") { j += 1 }
                tokens.append(MarkupToken(kind: .id, text: text(i, j)))
                i = j
                continue
            }
            if c == UInt8(ascii: "."), bytes[i + 1] == UInt8(ascii: ".") {
                tokens.append(MarkupToken(kind: .dotdot, text: ".."))
                i += 2
                continue
            }
            let kind: MarkupToken.Kind
            switch c {
            case UInt8(ascii: "|"): kind = .pipe
            case UInt8(ascii: "."): kind = .dot
            case UInt8(ascii: ":"): kind = .colon
            case UInt8(ascii: ","): kind = .comma
            case UInt8(ascii: "["): kind = .openSquare
            case UInt8(ascii: "]"): kind = .closeSquare
            case UInt8(ascii: "("): kind = .openRound
            case UInt8(ascii: ")"): kind = .closeRound
            case UInt8(ascii: "?"): kind = .question
            case UInt8(ascii: "-"): kind = .dash
            default:
                // Report the whole (possibly multi-byte) character.
                var j = i + 1
                while j < n && bytes[j] & 0xC0 == 0x80 { j += 1 }
                throw LiquidError.syntax("Unexpected character \(text(i, j))")
            }
            tokens.append(MarkupToken(kind: kind, text: String(UnicodeScalar(c))))
            i += 1
        }
        tokens.append(MarkupToken(kind: .endOfString, text: ""))
        return tokens
    }
}

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
@inline(__always) func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
@inline(__always) func isWordByte(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) || c == 95 }
@inline(__always) func isIdentifierStart(_ c: UInt8) -> Bool { isAlpha(c) || c == 95 }
/// Ruby's `\s`: space, \t, \n, \v, \f, \r.
@inline(__always) func isRubySpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
