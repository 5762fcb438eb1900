extension String {
    /// Ruby's `strip`: NUL and ASCII whitespace off both ends. Over the bytes, cut at ASCII bytes
    /// (so on scalar boundaries: Ruby strips code points, where a `Character` could hold a space and
    /// a combining mark), and the string itself when there is nothing to strip (no copy of a long
    /// text such as a feed entry's content).
    public var rubyStripped: String {
        let utf8 = self.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, isRubyStripSpace(utf8[start]) { start = utf8.index(after: start) }
        while start < end, isRubyStripSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        if start == utf8.startIndex && end == utf8.endIndex { return self }
        return String(Substring(utf8[start..<end]))
    }
}
