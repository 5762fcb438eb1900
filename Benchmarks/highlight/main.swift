import Foundation
import Highlight

// highlight-bench render LANG FILE   print the token-span HTML of FILE
// highlight-bench tokens LANG FILE   print the tokens, one per line
// highlight-bench time LANG FILE N   highlight FILE N times; print the fastest run (CPU seconds)
// highlight-bench check SAMPLES [LANG] compare with the fixtures' expected HTML; show the first diff
let args = CommandLine.arguments
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}
if args.count >= 3 && args[1] == "check" {
    checkFixtures(args[2], only: args.count > 3 ? args[3] : nil)
    exit(0)
}
guard args.count >= 4, let lexer = Highlighter.lexer(for: args[2]) else {
    fail("usage: highlight-bench render|tokens|time LANG FILE [N]")
}
guard let data = FileManager.default.contents(atPath: args[3]) else { fail("cannot read \(args[3])") }
let code = String(decoding: data, as: UTF8.self)
switch args[1] {
case "render":
    FileHandle.standardOutput.write(Data(lexer.highlight(code).utf8))
case "tokens":
    for (token, text) in lexer.tokens(code) {
        print(token.shortName.isEmpty ? "text" : token.shortName, String(reflecting: text))
    }
case "time":
    // Process CPU time, the fastest of N runs: the least disturbed by other work on the machine.
    func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    let runs = args.count > 4 ? Int(args[4]) ?? 10 : 10
    var best = Double.infinity
    var bytes = 0
    for _ in 0..<runs {
        let start = cpuSeconds()
        bytes &+= lexer.highlight(code).utf8.count
        best = min(best, cpuSeconds() - start)
    }
    print(String(format: "%.6f", best), bytes > 0 ? "" : "(empty)")
default:
    fail("unknown command \(args[1])")
}
