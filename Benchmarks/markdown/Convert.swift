import Foundation
import Markdown

/// `markdown-bench convert [--commonmark|--ghpages] [--out DIR] FILE...`: converts each file as
/// Jekyll hands a page's content to its converter (leading blank lines dropped) and prints the
/// HTML, or writes it to `DIR/<file>.html` for the real-site comparison script.
func convertFiles(_ arguments: [String]) {
    var mode = "kramdown"
    var outDir: String? = nil
    var files: [String] = []
    var it = arguments.makeIterator()
    while let a = it.next() {
        switch a {
        case "--commonmark": mode = "commonmark"
        case "--ghpages": mode = "ghpages"
        case "--out": outDir = it.next()
        default: files.append(a)
        }
    }
    let kramdown = KramdownConverter()
    for f in files {
        guard let text = try? String(contentsOfFile: f, encoding: .utf8) else {
            FileHandle.standardError.write("cannot read \(f)\n".data(using: .utf8)!)
            continue
        }
        let content = jekyllContent(text)
        let html: String
        switch mode {
        case "commonmark": html = CommonMarkConverter(flavor: .commonMark).convert(content)
        case "ghpages": html = CommonMarkConverter(flavor: .gitHubPages).convert(content)
        default: html = kramdown.convert(content).html
        }
        if let outDir {
            let target = outDir + "/" + f + ".html"
            try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: target, contents: Data(html.utf8))
        } else {
            print(html, terminator: "")
        }
    }
}
