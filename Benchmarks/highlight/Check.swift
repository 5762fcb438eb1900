import Foundation
import Highlight

/// Compares every fixture sample under `root` with its expected HTML and prints a summary line per
/// language, plus the first differing line of the first failure.
func checkFixtures(_ root: String, only: String?) {
    let fm = FileManager.default
    let languages = ((try? fm.contentsOfDirectory(atPath: root)) ?? []).sorted().filter { only == nil || $0 == only }
    var shown = false
    for language in languages {
        let dir = root + "/" + language
        let names = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasSuffix(".rouge.html") }.sorted()
        guard let lexer = Highlighter.lexer(for: language) else {
            print("\(language): no lexer (\(names.count) samples)")
            continue
        }
        var failed: [String] = []
        for name in names {
            let code = String(decoding: fm.contents(atPath: dir + "/" + name) ?? Data(), as: UTF8.self)
            let expected = String(decoding: fm.contents(atPath: dir + "/" + name + ".rouge.html") ?? Data(), as: UTF8.self)
            let actual = lexer.highlight(code)
            guard actual != expected else { continue }
            failed.append(name)
            if !shown {
                shown = true
                let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
                let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
                for i in 0..<max(a.count, e.count) where i >= a.count || i >= e.count || a[i] != e[i] {
                    print("--- \(language)/\(name) line \(i + 1)")
                    print("rouge: \(i < e.count ? String(e[i]) : "<none>")")
                    print("kyll:  \(i < a.count ? String(a[i]) : "<none>")")
                    break
                }
            }
        }
        print("\(language): \(names.count - failed.count)/\(names.count)" + (failed.isEmpty ? "" : "  failing: " + failed.prefix(8).joined(separator: " ")))
    }
}
