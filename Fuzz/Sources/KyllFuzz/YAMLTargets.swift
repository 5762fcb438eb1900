import FuzzSupport
import JekyllSubset
import YAML

enum YAMLTargets {
    /// Front matter split as Jekyll splits it, then loaded as YAML; a file without front matter
    /// is loaded whole (as a data file would be). Errors must point inside the text.
    static let frontMatterAndYAML: FuzzTarget = { bytes in
        let source = text(bytes)
        // Front matter is split on "\n" (as Jekyll splits it); libyaml also breaks lines at a lone
        // CR, NEL, LS and PS, so its error lines are bounded by that larger count.
        let newlineCount = source.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineCount = libyamlLineCount(source)
        if let split = FrontMatterSplit.split(source) {
            if split.bodyLine < 2 || split.bodyLine > newlineCount { violated("body line \(split.bodyLine) of \(newlineCount)") }
            if split.yaml.utf8.count + split.body.utf8.count > source.utf8.count { violated("split longer than its text") }
            check { () throws(YAMLError) in _ = try YAML.load(String(split.yaml), file: "page.md") }
        }
        check { () throws(YAMLError) in _ = try YAML.load(bytes: bytes, file: "data.yml") }
        check { () throws(YAMLError) in _ = try YAML.loadAll(source, file: "data.yml") }

        func check(_ load: () throws(YAMLError) -> Void) {
            do { try load() } catch {
                // A line one past the end is where libyaml reports an unexpected end of input.
                if error.line < 1 || error.line > lineCount + 1 { violated("error line \(error.line) of \(lineCount): \(error)") }
            }
        }
    }

    /// Lines as libyaml counts them: CRLF, CR, LF, U+0085, U+2028 and U+2029 each end one.
    static func libyamlLineCount(_ text: String) -> Int {
        var count = 1
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": if previous != "\r" { count += 1 }
            case "\r", "\u{85}", "\u{2028}", "\u{2029}": count += 1
            default: break
            }
            previous = scalar
        }
        return count
    }
}
