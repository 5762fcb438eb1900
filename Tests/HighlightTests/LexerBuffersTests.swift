import Testing
@testable import Highlight

/// `RunStore` replaces the array of runs in the lexing engine; it must keep every run, past its
/// first capacity too.
@Suite struct LexerBuffersTests {
    @Test func runStoreKeepsEveryRunPastItsCapacity() {
        let store = RunStore(capacity: 2)
        for i in 0..<100 { store.append(TokenRun(token: i % 2 == 0 ? .keyword : .text, start: Int32(i), end: Int32(i + 1))) }
        #expect(store.count == 100)
        #expect(store.runs.enumerated().allSatisfy { i, run in run.start == Int32(i) && run.end == Int32(i + 1) })
    }

    @Test func moreRunsThanTheFirstGuessAllReachTheHTML() throws {
        // The run store starts with room for a quarter of the bytes; here every byte is a run.
        let code = String(repeating: "a,", count: 40) + "\n"
        let html = try #require(Highlighter.highlight(code, language: "js"))
        let pair = "<span class=\"nx\">a</span><span class=\"p\">,</span>"
        #expect(html == String(repeating: pair, count: 40) + "\n")
    }
}
