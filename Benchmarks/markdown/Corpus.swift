import Foundation
import Markdown
import MarkdownHighlight

/// `markdown-bench dir DIR [ROUNDS]`: converts every `.md` file under DIR (front matter removed,
/// as Jekyll hands a post's content to its converter) with Jekyll's `kramdown:` defaults, on one
/// thread, and prints the best CPU time of ROUNDS passes with the throughput; then the cost of one
/// tiny conversion (a `markdownify` of a one-line description), which is mostly fixed per-call work.
/// `KYLL_BENCH_ONCE=1` makes one pass only (for callgrind).
func benchmarkDirectory(_ arguments: [String]) {
    guard let dir = arguments.first else {
        FileHandle.standardError.write("usage: markdown-bench dir DIR [ROUNDS]\n".data(using: .utf8)!)
        exit(2)
    }
    let rounds = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5
    var files: [String] = []
    if let e = FileManager.default.enumerator(atPath: dir) {
        for case let f as String in e where f.hasSuffix(".md") || f.hasSuffix(".markdown") { files.append(dir + "/" + f) }
    }
    files.sort()
    let inputs = files.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.map { jekyllContent(withoutFrontMatter($0)) }
    let bytes = inputs.reduce(0) { $0 + $1.utf8.count }
    // the 1k-post site's settings: kramdown, GFM input, Rouge
    let options = KramdownOptions(config: ["input": .string("GFM"), "hard_wrap": .bool(false),
                                           "syntax_highlighter": .string("rouge")])
    let converter = KramdownConverter(options: options, highlighter: RougeHighlighter())
    if ProcessInfo.processInfo.environment["KYLL_BENCH_ONCE"] != nil {
        for s in inputs { _ = converter.convert(s) }
        for _ in 0..<1000 { _ = converter.convert(tinyMarkdown) }
        return
    }
    var best = Double.infinity
    for _ in 0..<rounds {
        best = min(best, cpuSeconds { for s in inputs { _ = converter.convert(s) } })
    }
    var tiny = Double.infinity
    for _ in 0..<rounds {
        tiny = min(tiny, cpuSeconds { for _ in 0..<10_000 { _ = converter.convert(tinyMarkdown) } })
    }
    print("files: \(inputs.count), \(bytes) bytes, best of \(rounds) rounds, one thread (CPU time)")
    print(String(format: "documents: %8.1f ms  %6.1f MB/s", best * 1000, Double(bytes) / best / 1e6))
    print(String(format: "one tiny conversion: %.2f µs", tiny / 10_000 * 1e6))
}

let tinyMarkdown = "Replica there quietly very they the table minute decision all window like."

/// The text after a leading `---` … `---` block, as Jekyll reads a file with front matter.
func withoutFrontMatter(_ s: String) -> String {
    let b = Array(s.utf8)
    guard b.starts(with: Array("---\n".utf8)) else { return s }
    var lineStart = 4
    while lineStart < b.count {
        var end = lineStart
        while end < b.count && b[end] != 0x0A { end += 1 }
        let line = b[lineStart..<end]
        if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
            return String(decoding: b[min(end + 1, b.count)...], as: UTF8.self)
        }
        lineStart = end + 1
    }
    return s
}
