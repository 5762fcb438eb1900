import Foundation

/// A site written as one text: `-- path --` header lines, each followed by that file's contents (the
/// txtar layout). Lines before the first header are a comment. A file's contents end with the line
/// before the next header; use `-- path --` with nothing after it for an empty file. Markers after
/// the path change the bytes written: `[crlf]` (CRLF line endings), `[bom]` (a UTF-8 byte order
/// mark first), `[nonl]` (no newline at the end); `[symlink]` makes a symbolic link to the path
/// given as the contents.
struct FixtureSite {
    var comment: String
    var files: [(path: String, contents: String)]

    init(_ text: String) {
        var comment = ""
        var files: [(String, String)] = []
        var current: (path: String, lines: [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- ") && line.hasSuffix(" --") && line.count > 6 {
                if let c = current { files.append((c.path, FixtureSite.joined(c.lines))) }
                current = (String(line.dropFirst(3).dropLast(3)), [])
            } else if current != nil {
                current!.lines.append(line)
            } else {
                comment += line + "\n"
            }
        }
        if let c = current { files.append((c.path, FixtureSite.joined(c.lines))) }
        self.comment = comment
        self.files = files
    }

    /// Each line keeps its newline; the empty last element of a trailing newline adds nothing.
    private static func joined(_ lines: [Substring]) -> String {
        var lines = lines
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Writes the files under `directory`, creating folders as needed.
    func write(into directory: URL) throws {
        for (header, contents) in files {
            var words = header.split(separator: " ").map(String.init)
            var text = contents
            var prefix: [UInt8] = []
            var link = false
            while let last = words.last, last.hasPrefix("["), last.hasSuffix("]") {
                words.removeLast()
                switch last {
                case "[symlink]": link = true
                case "[crlf]": text = text.replacingOccurrences(of: "\n", with: "\r\n")
                case "[bom]": prefix = [0xEF, 0xBB, 0xBF]
                case "[nonl]": if text.hasSuffix("\n") { text.removeLast() }
                default: break
                }
            }
            let url = directory.appendingPathComponent(words.joined(separator: " "))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            if link {
                try FileManager.default.createSymbolicLink(atPath: url.path,
                                                           withDestinationPath: text.trimmingCharacters(in: .newlines))
            } else {
                try Data(prefix + Array(text.utf8)).write(to: url)
            }
        }
    }
}

/// A temporary folder removed when the value is released.
final class TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init(_ prefix: String = "kyll-test") throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
        url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func sub(_ name: String) -> URL { url.appendingPathComponent(name, isDirectory: true) }

    deinit { try? FileManager.default.removeItem(at: url) }
}
