import Foundation
import Markdown

// Converts the whole shared case set with kyll's Markdown module and with kramdown (Ruby, through
// Jekyll's converter) in the same run, and prints both times and the ratio.
// Usage: swift run -c release markdown-bench [ROUNDS] [CASES_DIR]
//        markdown-bench convert [--commonmark|--ghpages] FILE... (prints each file's HTML; see Convert.swift)
let args = CommandLine.arguments
if args.count > 1, args[1] == "convert" { convertFiles(Array(args.dropFirst(2))); exit(0) }
let rounds = args.count > 1 ? Int(args[1]) ?? 5 : 5
let casesDir = args.count > 2 ? args[2] : "../shared/markdown/cases"

var files: [String] = []
if let e = FileManager.default.enumerator(atPath: casesDir) {
    for case let f as String in e where f.hasSuffix(".md") { files.append(casesDir + "/" + f) }
}
files.sort()
func jekyllContent(_ s: String) -> String {
    var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
    while let f = lines.first, f.allSatisfy({ $0 == " " || $0 == "\t" }), lines.count > 1 { lines.removeFirst() }
    return lines.joined(separator: "\n")
}
let inputs = files.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.map(jekyllContent)
let bytes = inputs.reduce(0) { $0 + $1.utf8.count }
let converter = KramdownConverter()
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

var best = Double.infinity
for _ in 0..<rounds {
    best = min(best, seconds { for s in inputs { _ = converter.convert(s) } })
}
// the same work spread over all cores (the parser lock serialises only cmark's parse)
var bestParallel = Double.infinity
for _ in 0..<rounds {
    bestParallel = min(bestParallel, seconds {
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in _ = converter.convert(inputs[i]) }
    })
}

if ProcessInfo.processInfo.environment["KYLL_BENCH_NO_RUBY"] != nil {
    print(String(format: "kyll, one thread: %.1f ms", best * 1000))
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
print(String(format: "kramdown (Ruby):   %8.1f ms", kramdown * 1000))
print(String(format: "kyll, one thread:  %8.1f ms  (%.1fx)", best * 1000, kramdown / best))
print(String(format: "kyll, all cores:   %8.1f ms  (%.1fx)", bestParallel * 1000, kramdown / bestParallel))
