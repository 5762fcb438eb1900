import Foundation
import Markdown
import MarkdownHighlight

// Converts the whole shared case set with kyll's Markdown module and with kramdown (Ruby, through
// Jekyll's converter) in the same run, and prints both times and the ratio.
// Usage: swift run -c release markdown-bench [ROUNDS] [CASES_DIR]
//        markdown-bench dir DIR [ROUNDS] (a folder of pages, e.g. a site's _posts; see Corpus.swift)
//        markdown-bench convert [--commonmark|--ghpages] FILE... (prints each file's HTML; see Convert.swift)
let args = CommandLine.arguments
if args.count > 1, args[1] == "convert" { convertFiles(Array(args.dropFirst(2))); exit(0) }
if args.count > 1, args[1] == "dir" { benchmarkDirectory(Array(args.dropFirst(2))); exit(0) }
let rounds = args.count > 1 ? Int(args[1]) ?? 5 : 5
let casesDir = args.count > 2 ? args[2] : "../shared/markdown/cases"

var files: [String] = []
if let e = FileManager.default.enumerator(atPath: casesDir) {
    for case let f as String in e where f.hasSuffix(".md") { files.append(casesDir + "/" + f) }
}
files.sort()
/// What Jekyll hands its converter: the content without its leading blank lines.
func jekyllContent(_ s: String) -> String {
    let b = Array(s.utf8)
    var start = 0
    var i = 0
    while i < b.count {
        if b[i] == 0x0A { start = i + 1 } else if b[i] != 0x20 && b[i] != 0x09 { break }
        i += 1
    }
    return String(decoding: b[start...], as: UTF8.self)
}
let inputs = files.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.map(jekyllContent)
let bytes = inputs.reduce(0) { $0 + $1.utf8.count }
// Code is highlighted by the Highlight module, as kramdown highlights it with Rouge;
// KYLL_BENCH_PLAIN=1 leaves code unhighlighted (escaped only).
let highlighter: (any CodeHighlighter)? = ProcessInfo.processInfo.environment["KYLL_BENCH_PLAIN"] == nil ? RougeHighlighter() : nil
let converter = KramdownConverter(highlighter: highlighter)
if ProcessInfo.processInfo.environment["KYLL_BENCH_PER_FILE"] != nil {
    var times: [(Double, String)] = []
    for (f, s) in zip(files, inputs) {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = converter.convert(s)
        times.append((Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, f))
    }
    for (t, f) in times.sorted(by: { $0.0 > $1.0 }).prefix(8) { print(String(format: "%8.2f ms  %@", t, f)) }
    exit(0)
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU time of the calling thread: on a loaded machine this counts only the time the work ran,
/// not the time it waited for a core (the Ruby side measures the same way).
func cpuSeconds(_ body: () -> Void) -> Double {
    func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
    let start = now()
    body()
    return now() - start
}

var best = Double.infinity
for _ in 0..<rounds {
    best = min(best, cpuSeconds { for s in inputs { _ = converter.convert(s) } })
}
// the same work spread over all cores (the parser lock serialises only cmark's parse)
var bestParallel = Double.infinity
for _ in 0..<rounds {
    bestParallel = min(bestParallel, seconds {
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in _ = converter.convert(inputs[i]) }
    })
}

if ProcessInfo.processInfo.environment["KYLL_BENCH_NO_RUBY"] != nil {
    print(String(format: "kyll, one thread (CPU time): %.1f ms", best * 1000))
    exit(0)
}
let ruby = Process()
ruby.executableURL = URL(fileURLWithPath: "/usr/bin/env")
let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("kramdown_bench.rb").path
ruby.arguments = ["ruby", script, String(rounds)]
var env = ProcessInfo.processInfo.environment
env["JEKYLL_NO_BUNDLER_REQUIRE"] = "true"
ruby.environment = env
let stdin = Pipe(), stdout = Pipe()
ruby.standardInput = stdin
ruby.standardOutput = stdout
try ruby.run()
stdin.fileHandleForWriting.write(files.joined(separator: "\n").data(using: .utf8)!)
try stdin.fileHandleForWriting.close()
let rubyOut = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
ruby.waitUntilExit()
let kramdown = Double(rubyOut.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan

print("files: \(inputs.count), \(bytes) bytes, best of \(rounds) rounds")
print(String(format: "kramdown (Ruby), CPU time:     %8.1f ms", kramdown * 1000))
print(String(format: "kyll, one thread, CPU time:    %8.1f ms  (%.1fx)", best * 1000, kramdown / best))
print(String(format: "kyll, all cores, wall clock:   %8.1f ms  (%.1fx)", bestParallel * 1000, kramdown / bestParallel))
