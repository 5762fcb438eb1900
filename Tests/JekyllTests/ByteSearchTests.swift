import Testing
@testable import Jekyll

@Suite struct ByteSearchTests {
    /// The first match at any anchor is the naive search's, at the ends and between near misses.
    @Test(arguments: [
        ("", "ab"), ("ab", "ab"), ("xab", "ab"), ("aab", "ab"), ("a", "ab"), ("xxa", "ab"), ("=\"doc\"", "=\"doc-endnotes\""),
        ("<ol =\"doc-endnotes\">", "=\"doc-endnotes\""), ("abcabd abd", "abd"), ("ababab", "bab"), ("abc", "c"),
    ])
    func firstOffsetIsTheNaiveSearchs(haystack: String, pattern: String) {
        let h = Array(haystack.utf8), p = Array(pattern.utf8)
        let naive = h.count < p.count ? nil : (0...(h.count - p.count)).first { Array(h[$0..<($0 + p.count)]) == p }
        for anchor in 0..<p.count {
            let found = h.withUnsafeBufferPointer { hb in
                p.withUnsafeBufferPointer { pb in ByteSearch.firstOffset(of: pb, in: hb, anchor: anchor) }
            }
            #expect(found == naive, "anchor \(anchor)")
        }
        #expect(ByteSearch.firstRange(of: pattern, in: haystack) == naive.map { $0..<($0 + p.count) })
    }
}
