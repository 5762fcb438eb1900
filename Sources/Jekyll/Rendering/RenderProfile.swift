import Foundation
import Liquid

/// `--profile`: how often each template (document, layout, include) was rendered, how many bytes it
/// produced and how long it took, printed as Jekyll prints its tables.
public final class RenderProfile: Sendable {
    struct Stat: Sendable {
        var count = 0
        var bytes = 0
        var seconds = 0.0
    }

    private let stats = Locked<(order: [String], values: [String: Stat])>(([], [:]))

    func record(_ file: String, bytes: Int, seconds: Double) {
        stats.withLock { s in
            if s.values[file] == nil { s.order.append(file) }
            s.values[file, default: Stat()].count += 1
            s.values[file, default: Stat()].bytes += bytes
            s.values[file, default: Stat()].seconds += seconds
        }
    }

    /// Jekyll's "Site Render Stats" table: the 50 slowest templates and a total.
    func table() -> String {
        let (order, values) = stats.withLock { ($0.order, $0.values) }
        let sorted = order.enumerated().sorted { a, b in
            let x = values[a.element]!.seconds, y = values[b.element]!.seconds
            return x != y ? x > y : a.offset < b.offset
        }.prefix(50).map(\.element)
        var rows = [["Filename", "Count", "Bytes", "Time"]]
        var total = Stat()
        for file in sorted {
            let s = values[file]!
            total.count += s.count; total.bytes += s.bytes; total.seconds += s.seconds
            rows.append([file, String(s.count), RenderProfile.kilobytes(s.bytes), String(format: "%.3f", s.seconds)])
        }
        rows.append(["TOTAL (for \(sorted.count) files)", String(total.count), RenderProfile.kilobytes(total.bytes),
                     String(format: "%.3f", total.seconds)])
        return RenderProfile.tabulate(rows)
    }

    static func kilobytes(_ bytes: Int) -> String { String(format: "%.2fK", Double(bytes) / 1024) }

    /// A table as Jekyll draws it: a header, a rule, the rows; the first column left-aligned, the
    /// others right-aligned; a newline before and after.
    static func tabulate(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "\n" }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ row: [String]) -> String {
            "| " + row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: " | ") + " |"
        }
        var out = "\n" + line(header) + "\n"
        out += "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+\n"
        for row in rows.dropFirst() { out += line(row) + "\n" }
        return out + "\n"
    }
}

/// Times the includes when profiling: wraps Jekyll's include tag.
struct ProfiledIncludeParser: TagParser {
    let include: any TagParser
    let profile: RenderProfile

    func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
        ProfiledInclude(inner: try include.parse(tag, parser: &parser), profile: profile)
    }
}

struct ProfiledInclude: TagNode {
    let inner: any TagNode
    let profile: RenderProfile

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let before = output.count
        let start = ContinuousClock.now
        try inner.render(into: &output, context: context)
        let elapsed = ContinuousClock.now - start
        // The file the last include read (a nested one's, when this include includes others).
        let name: String
        if case .found(_, let shown)? = context.state[ResolvedIncludeKey.self] { name = shown } else { name = "include" }
        profile.record(name, bytes: output.count - before,
                       seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

