import Foundation

/// A site written as one text: `-- path --` header lines, each followed by that file's contents (the
/// txtar layout). Lines before the first header are a comment. A file's contents end with the line
/// before the next header; use `-- path --` with nothing after it for an empty file. Markers after
/// the path change the bytes written: `[crlf]` (CRLF line endings), `[bom]` (a UTF-8 byte order
/// mark first), `[nonl]` (no newline at the end), `[bytes]` (`\xNN` escapes become raw bytes, for
/// invalid UTF-8 and NUL), `[repeat=N]` (the contents, after any front matter, N times), `[copies=N]` (N files, `{n}` in the
/// path numbering them); `[symlink]` makes a symbolic link to the path given as the contents.
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
            var link = false, rawBytes = false, repeats = 1, copies = 1
            while let last = words.last, last.hasPrefix("["), last.hasSuffix("]") {
                words.removeLast()
                switch last {
                case "[symlink]": link = true
                case "[crlf]": text = text.replacingOccurrences(of: "\n", with: "\r\n")
                case "[bom]": prefix = [0xEF, 0xBB, 0xBF]
                case "[nonl]": if text.hasSuffix("\n") { text.removeLast() }
                case "[bytes]": rawBytes = true
                default:
                    if let n = FixtureSite.count(last, "repeat") { repeats = n }
                    if let n = FixtureSite.count(last, "copies") { copies = n }
                }
            }
            var bytes = rawBytes ? FixtureSite.unescaped(text) : Array(text.utf8)
            if repeats > 1 {
                let head = FixtureSite.frontMatterLength(bytes)
                bytes = Array(bytes[..<head]) + Array([ArraySlice<UInt8>](repeating: bytes[head...], count: repeats).joined())
            }
            let data = Data(prefix + bytes)
            let path = words.joined(separator: " ")
            for n in 1...copies {
                let url = directory.appendingPathComponent(path.replacingOccurrences(of: "{n}", with: String(n)))
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                if link {
                    try FileManager.default.createSymbolicLink(atPath: url.path,
                                                               withDestinationPath: text.trimmingCharacters(in: .newlines))
                } else {
                    try data.write(to: url)
                }
            }
        }
    }

    /// How many bytes a leading `---` … `---` block and its newlines take (0 without one).
    private static func frontMatterLength(_ bytes: [UInt8]) -> Int {
        let fence = Array("---\n".utf8)
        guard bytes.starts(with: fence) else { return 0 }
        let closing = Array("\n---\n".utf8)
        var i = fence.count - 1
        while i + closing.count <= bytes.count {
            if bytes[i..<(i + closing.count)].elementsEqual(closing) { return i + closing.count }
            i += 1
        }
        return 0
    }

    /// N in a marker `[name=N]`.
    private static func count(_ marker: String, _ name: String) -> Int? {
        guard marker.hasPrefix("[\(name)=") else { return nil }
        return Int(marker.dropFirst(name.count + 2).dropLast())
    }

    /// The UTF-8 of `text` with each `\xNN` replaced by the byte NN.
    static func unescaped(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "\\"), i + 3 < utf8.count, utf8[i + 1] == UInt8(ascii: "x"),
               let byte = UInt8(String(decoding: utf8[(i + 2)...(i + 3)], as: UTF8.self), radix: 16) {
                out.append(byte)
                i += 4
            } else {
                out.append(utf8[i])
                i += 1
            }
        }
        return out
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
