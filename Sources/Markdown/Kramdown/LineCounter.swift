import Foundation

/// The 1-based line of a position in a text, counted on from the last question asked because the
/// parsers mostly move forward (a question behind the last one counts again from the start).
struct LineCounter {
    let firstLine: Int
    private var counted = 0
    private var line: Int

    /// `firstLine`: the line of the whole Markdown the text starts on.
    init(firstLine: Int) {
        self.firstLine = firstLine
        line = firstLine
    }

    mutating func line(at p: Int, in src: Bytes) -> Int {
        if p < counted { counted = 0; line = firstLine }
        let end = min(p, src.count)
        if counted < end {
            // line ends found with memchr: a paragraph's text is often one long line
            src.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress else { return }
                var i = counted
                while i < end, let hit = memchr(base + i, Int32(Byte.newline), end - i) {
                    line += 1
                    i = UnsafeRawPointer(base).distance(to: hit) + 1
                }
            }
        }
        counted = max(counted, end)
        return line
    }
}
