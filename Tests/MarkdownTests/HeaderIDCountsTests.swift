import Testing
@testable import Markdown

/// The GFM header ids of a document are numbered by how many headers had the same id before,
/// whether the ids are still in the short list or have moved to the dictionary.
struct HeaderIDCountsTests {
    @Test func repeatsAreCountedInTheListAndInTheTable() {
        var counts = HeaderIDCounts()
        #expect(counts.count("a") == 0)
        #expect(counts.count("b") == 0)
        #expect(counts.count("a") == 1)
        #expect(counts.count("a") == 2)
        #expect(counts.count("") == 0)
        #expect(counts.count("") == 1)
        // past the list's limit: the counts so far carry over
        for k in 0..<(2 * HeaderIDCounts.listLimit) { #expect(counts.count("id\(k)") == 0) }
        #expect(counts.count("a") == 3)
        #expect(counts.count("b") == 1)
        #expect(counts.count("id0") == 1)
        #expect(counts.count("id\(2 * HeaderIDCounts.listLimit - 1)") == 1)
        #expect(counts.count("new") == 0)
    }

    @Test func repeatedHeadersGetNumberedIDs() {
        // 40 different ids, more than the list holds, each repeated
        let headers = (0..<90).map { "## Part \($0 % 40)\n\n" }.joined()
        let html = KramdownConverter(options: KramdownOptions(config: [:])).convert(headers).html
        var expected = ""
        var seen = Array(repeating: 0, count: 40)
        for k in 0..<90 {
            let n = seen[k % 40]
            seen[k % 40] += 1
            expected += "<h2 id=\"part-\(k % 40)\(n > 0 ? "-\(n)" : "")\">Part \(k % 40)</h2>\n\n"
        }
        #expect(html == expected)
    }
}

extension HeaderIDCountsTests {
    /// Ids longer than the eight first bytes compared at once, alike up to their last byte.
    @Test func longIDsDifferingLateAreCountedApart() {
        var counts = HeaderIDCounts()
        #expect(counts.count("a-long-header-id-1") == 0)
        #expect(counts.count("a-long-header-id-2") == 0)
        #expect(counts.count("a-long-header-id-1") == 1)
        #expect(counts.count("a-long-header-id-2") == 1)
        #expect(counts.count("a-long-header-id-") == 0)
    }
}
