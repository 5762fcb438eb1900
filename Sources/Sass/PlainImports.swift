/// Whether every `@import` in a stylesheet's text is a plain list of quoted names
/// (`@import "a", 'b/c';`), followed by `;`, `}` or the end of the text.
///
/// libsass asks the importer about each quoted name but does not show it the media queries that
/// may follow (`@import "a" screen;`), and with queries the import stays a CSS `@import`. So the
/// guard may load a file for libsass only where no import of the file can carry queries. Anything
/// else after `@import` (queries, `url(…)`, comments, interpolation, an `@import` inside a
/// comment or a string) makes the answer false, and libsass then finds the file itself.
enum PlainImports {
    static func inText(_ text: UnsafeRawBufferPointer) -> Bool {
        let keyword = Array("@import".utf8)
        var index = 0
        while let at = find(keyword, in: text, from: index) {
            guard let end = plainImport(in: text, after: at + keyword.count) else { return false }
            index = end
        }
        return true
    }

    /// Where the plain list after `@import` (ending before `from`) ends, or nil if it is not one.
    private static func plainImport(in text: UnsafeRawBufferPointer, after from: Int) -> Int? {
        var index = from
        // The keyword ends here: `@imports` or `@import-x` is not an import.
        guard index < text.count, isSpace(text[index]) || isQuote(text[index]) else { return nil }
        while true {
            index = skippingSpaces(text, from: index)
            guard index < text.count, isQuote(text[index]) else { return nil }
            let quote = text[index]
            index += 1
            while true {
                guard index < text.count else { return nil }
                let byte = text[index]
                if byte == quote { break }
                // Escapes, lines and interpolation: not worth telling apart.
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return nil }
                if byte == UInt8(ascii: "#"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "{") { return nil }
                index += 1
            }
            index = skippingSpaces(text, from: index + 1)
            guard index < text.count else { return index }
            switch text[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: ";"), UInt8(ascii: "}"): return index
            default: return nil
            }
        }
    }

    /// The first `keyword` at or after `from`, in any capitals.
    private static func find(_ keyword: [UInt8], in text: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard text.count >= keyword.count else { return nil }
        var index = from
        while index <= text.count - keyword.count {
            if text[index] == keyword[0] {
                var matches = true
                for offset in 1..<keyword.count where text[index + offset] | 0x20 != keyword[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    private static func skippingSpaces(_ text: UnsafeRawBufferPointer, from: Int) -> Int {
        var index = from
        while index < text.count, isSpace(text[index]) { index += 1 }
        return index
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r") || byte == 0x0C
    }

    private static func isQuote(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
