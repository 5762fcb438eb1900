import Jekyll
import Server

extension BuildErrorReport {
    /// How many lines of source the overlay shows before and after the error line.
    static let contextLines = 2

    /// The overlay's view of a located build error: where (relative to the site when inside it),
    /// the message, the lines around it read from the file (or the one line the error carries), and
    /// the include/layout chain, innermost first.
    init(_ error: BuildError, source: String) {
        let location = error.location
        let line = location.flatMap { $0.line > 0 ? $0.line : nil }
        let column = location.flatMap { $0.column > 0 ? $0.column : nil }
        var file = location?.path ?? ""
        if file.hasPrefix(source + "/") { file = String(file.dropFirst(source.count + 1)) }
        self.init(file: file, line: line, column: column, message: error.message,
                  excerpt: BuildErrorReport.excerpt(error, file: location?.path, line: line, source: source),
                  chain: error.chain.flatMap(BuildErrorReport.frames))
    }

    static func excerpt(_ error: BuildError, file: String?, line: Int?, source: String) -> [ExcerptLine] {
        guard let line else { return [] }
        if let file {
            let path = file.hasPrefix("/") ? file : Path.join(source, file)
            if let bytes = try? FileSystem.read(path) {
                let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                // The file must still show the error's line as the error saw it (it may have changed since).
                if line <= lines.count, error.sourceLine.map({ $0 == lines[line - 1].droppingCarriageReturn }) ?? true {
                    let first = max(1, line - contextLines), last = min(lines.count, line + contextLines)
                    return (first...last).map { ExcerptLine(number: $0, text: lines[$0 - 1].droppingCarriageReturn) }
                }
            }
        }
        return error.sourceLine.map { [ExcerptLine(number: line, text: $0)] } ?? []
    }

    /// A chain line as the renderer writes it: `included from FILE:LINE:COL`, or
    /// `in layout FILE, rendering DOCUMENT`; anything else is kept as a label.
    static func frames(_ text: String) -> [Frame] {
        let included = "included from "
        if text.hasPrefix(included) {
            let place = String(text.dropFirst(included.count))
            var parts = place.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            var numbers: [Int] = []
            while numbers.count < 2, parts.count > 1, let n = Int(parts.last!) {
                numbers.insert(n, at: 0)
                parts.removeLast()
            }
            return [Frame(label: "included from", file: parts.joined(separator: ":"),
                          line: numbers.first, column: numbers.count > 1 ? numbers[1] : nil)]
        }
        let layout = "in layout "
        if text.hasPrefix(layout) {
            let rest = text.dropFirst(layout.count)
            if let comma = rest.range(of: ", rendering ") {
                return [Frame(label: "in layout", file: String(rest[..<comma.lowerBound])),
                        Frame(label: "rendering", file: String(rest[comma.upperBound...]))]
            }
            return [Frame(label: "in layout", file: String(rest))]
        }
        return [Frame(label: text, file: "")]
    }
}

extension Substring {
    var droppingCarriageReturn: String { hasSuffix("\r") ? String(dropLast()) : String(self) }
}
