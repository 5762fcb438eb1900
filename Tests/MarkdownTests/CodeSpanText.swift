/// Compares HTML with the highlighter's token spans taken out: inside each `<code …>…</code>`
/// region, `<span …>` and `</span>` tags are dropped and everything else is kept. A small scanner,
/// not a pattern over the whole document.
enum CodeSpanText {
    static func strip(_ html: String) -> String {
        let b = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        var inCode = false
        func starts(_ s: String, _ at: Int) -> Bool {
            let u = Array(s.utf8)
            return at + u.count <= b.count && Array(b[at..<at + u.count]) == u
        }
        while i < b.count {
            if b[i] == UInt8(ascii: "<") {
                if !inCode, starts("<code", i), let n = b.at(i + 5), n == UInt8(ascii: ">") || n == UInt8(ascii: " ") {
                    inCode = true
                } else if inCode, starts("</code>", i) {
                    inCode = false
                } else if inCode, starts("<span", i) || starts("</span>", i) {
                    while i < b.count, b[i] != UInt8(ascii: ">") { i += 1 }
                    i += 1
                    continue
                }
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

private extension Array where Element == UInt8 {
    func at(_ i: Int) -> UInt8? { i < count ? self[i] : nil }
}
