import Foundation
import Testing
@testable import Markdown

/// cmark-gfm's parser keeps global state; the module's lock must make parallel conversions give
/// exactly the sequential results.
struct ConcurrencyTests {
    @Test func parallelConversionsMatchSequentialOnes() throws {
        let inputs = CaseCorpusTests.allCases().prefix(120).compactMap { try? String(contentsOf: $0.input, encoding: .utf8) }
        #expect(inputs.count > 100)
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
