import Foundation
import Testing
@testable import Markdown

/// Conversions run in parallel must give exactly the sequential results: the kramdown converter
/// shares no mutable state, its cmark-gfm parses use no extensions (so touch no global state and
/// take no lock), and CommonMark mode's parses with extensions are behind a lock.
struct ConcurrencyTests {
    @Test(arguments: ["kramdown", "commonmark"])
    func parallelConversionsMatchSequentialOnes(_ mode: String) throws {
        let inputs = CaseCorpusTests.allCases().prefix(120).compactMap { try? String(contentsOf: $0.input, encoding: .utf8) }
        #expect(inputs.count > 100)
        let cm = CommonMarkConverter(flavor: .commonMark, options: ["UNSAFE", "FOOTNOTES"],
                                     extensions: ["table", "strikethrough", "autolink", "tasklist"])
        let kramdown = KramdownConverter()
        @Sendable func convert(_ s: String) -> String { mode == "kramdown" ? kramdown.convert(s).html : cm.convert(s) }
        let sequential = inputs.map { convert($0) }
        final class Box: @unchecked Sendable { var results: [String]; init(_ n: Int) { results = Array(repeating: "", count: n) } }
        for _ in 0..<3 {
            let box = Box(inputs.count)
            let lock = NSLock()
            DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
                let html = convert(inputs[i])
                lock.lock(); box.results[i] = html; lock.unlock()
            }
            #expect(box.results == sequential)
        }
    }
}
