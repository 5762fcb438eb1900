/// Inserts markup (the live reload script, the error overlay) into an HTML page as it is served.
enum HTMLInjection {
    /// Puts `snippet` just before the last `</body>` (any letter case); a page without one gets it at
    /// the end, where browsers still run scripts and show elements.
    static func inject(_ snippet: [UInt8], into page: [UInt8]) -> [UInt8] {
        guard !snippet.isEmpty else { return page }
        let index = lastClosingBodyTag(in: page) ?? page.count
        var result: [UInt8] = []
        result.reserveCapacity(page.count + snippet.count)
        result.append(contentsOf: page[..<index])
        result.append(contentsOf: snippet)
        result.append(contentsOf: page[index...])
        return result
    }

    private static let closingBody = Array("</body".utf8)

    static func lastClosingBodyTag(in page: [UInt8]) -> Int? {
        let count = closingBody.count
        guard page.count >= count else { return nil }
        var start = page.count - count
        while start >= 0 {
            if matches(page, at: start) {
                let next = start + count
                // `</body>` or `</body >`, not `</bodyx>`.
                if next == page.count || [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\t"),
                                          UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(page[next]) {
                    return start
                }
            }
            start -= 1
        }
        return nil
    }

    private static func matches(_ page: [UInt8], at start: Int) -> Bool {
        for offset in 0..<closingBody.count {
            var byte = page[start + offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != closingBody[offset] { return false }
        }
        return true
    }
}

/// Escapes text for HTML element content and double-quoted attributes.
func escapeHTML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.unicodeScalars.append(character)
        }
    }
    return result
}
