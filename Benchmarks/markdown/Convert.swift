import Foundation
import Markdown
import MarkdownHighlight

/// `markdown-bench convert [--commonmark|--ghpages [--cm-options A,B] [--cm-extensions x,y]]
/// [--config-json FILE] [--set KEY=VALUE]...
/// [--out DIR] FILE...`: converts each file as Jekyll hands a page's content to its converter
/// (leading blank lines dropped) and prints the HTML, or writes it to `DIR/<file>.html` for the
/// real-site comparison script. `--config-json` reads a site's `kramdown:` settings as JSON;
/// `--warnings` prints kramdown's warnings to standard error as `FILE:LINE: <kramdown's text>`.
func convertFiles(_ arguments: [String]) {
    var mode = "kramdown"
    var outDir: String? = nil
    var printWarnings = false
    var files: [String] = []
    var config: [String: OptionValue] = [:]
    var cmOptions: [String] = [], cmExtensions: [String] = []
    var it = arguments.makeIterator()
    while let a = it.next() {
        switch a {
        case "--commonmark": mode = "commonmark"
        case "--ghpages": mode = "ghpages"
        case "--out": outDir = it.next()
        case "--warnings": printWarnings = true
        case "--cm-options": cmOptions = (it.next() ?? "").split(separator: ",").map(String.init)
        case "--cm-extensions": cmExtensions = (it.next() ?? "").split(separator: ",").map(String.init)
        case "--config-json":
            guard let path = it.next(), let data = FileManager.default.contents(atPath: path),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            for (k, v) in json { config[k] = optionValue(v) }
        case "--set":
            // a `kramdown:` setting: true/false and integers typed, the rest strings
            guard let kv = it.next(), let eq = kv.firstIndex(of: "=") else { continue }
            let key = String(kv[..<eq]), value = String(kv[kv.index(after: eq)...])
            config[key] = value == "true" ? .bool(true) : value == "false" ? .bool(false) : Int(value).map { .int($0) } ?? .string(value)
        default: files.append(a)
        }
    }
    let kramdown = KramdownConverter(options: KramdownOptions(config: config), highlighter: RougeHighlighter())
    for f in files {
        guard let text = try? String(contentsOfFile: f, encoding: .utf8) else {
            FileHandle.standardError.write("cannot read \(f)\n".data(using: .utf8)!)
            continue
        }
        let content = jekyllContent(text)
        let html: String
        switch mode {
        case "commonmark": html = CommonMarkConverter(flavor: .commonMark, options: cmOptions, extensions: cmExtensions).convert(content)
        case "ghpages": html = CommonMarkConverter(flavor: .gitHubPages, options: cmOptions, extensions: cmExtensions).convert(content)
        default:
            let output = kramdown.convert(content)
            html = output.html
            if printWarnings {
                for w in output.warnings { FileHandle.standardError.write("\(f):\(w.line): \(w.kramdownMessage)\n".data(using: .utf8)!) }
            }
        }
        if let outDir {
            let target = outDir + "/" + f + ".html"
            try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            if !FileManager.default.createFile(atPath: target, contents: Data(html.utf8)) {
                FileHandle.standardError.write("cannot write \(target)\n".data(using: .utf8)!)
            }
        } else {
            print(html, terminator: "")
        }
    }
}

/// A JSON value as a `kramdown:` option value.
func optionValue(_ v: Any) -> OptionValue {
    switch v {
    // realsites.py writes booleans as "true"/"false" (JSON numbers and booleans blur here): they
    // are booleans again, nested ones (`syntax_highlighter_opts`) included
    case let n as NSNumber: return .int(n.intValue)
    case "true" as String: return .bool(true)
    case "false" as String: return .bool(false)
    case let s as String: return .string(s)
    case let a as [Any]: return .array(a.map(optionValue))
    case let m as [String: Any]: return .map(m.mapValues(optionValue))
    default: return .null
    }
}
