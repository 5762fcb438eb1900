import FuzzSupport
import JekyllSubset
import YAML

enum YAMLTargets {
    /// Front matter split as Jekyll splits it, then loaded as YAML; a file without front matter
    /// is loaded whole (as a data file would be). Errors must point inside the text.
    static let frontMatterAndYAML: FuzzTarget = { bytes in
        let source = text(bytes)
        let lineCount = source.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        if let split = FrontMatterSplit.split(source) {
            if split.bodyLine < 2 || split.bodyLine > lineCount { violated("body line \(split.bodyLine) of \(lineCount)") }
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
}
