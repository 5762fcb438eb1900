import Foundation
import Liquid
import Testing
@testable import Jekyll

/// Reading a file as its front matter's bytes and a body string of its own must give what reading
/// it whole and splitting the text gives, or hand the file to that path.
@Suite struct HeadReadingTests {
    static let texts = [
        "---\na: 1\n---\n\n\nbody\n", "---\n---\nbody", "--- \n\na: 1\n... \n body", "---\na: 1\n---x\n---\nb",
        "---\na: 1\n--- \t\n \nb", "---\r\na: 1\r\n---\r\nb", "---\na: 1\n---", "---\na\n---  \n  \n",
        "---\ntitle: é\n---\r\n\rbody ü", "no front matter", "---", "---\nnever closed\n", "--- x\n---\n",
        "----\n---\n",
    ]

    /// Whatever the length of the head, its split is the whole file's split or a request for more
    /// bytes; the whole file itself is always settled.
    @Test(arguments: texts)
    func headSplitIsTheWholeFilesSplit(text: String) {
        let bytes = Array(text.utf8)
        let whole = FrontMatterSplit.split(text).map { split in
            FrontMatterSplit.HeadSplit.found(
                yamlEnd: text.utf8.distance(from: text.utf8.startIndex, to: split.yaml.endIndex),
                bodyStart: text.utf8.distance(from: text.utf8.startIndex, to: split.body.startIndex),
                bodyLine: split.bodyLine)
        } ?? .decline
        for length in 0...bytes.count {
            let isWholeFile = length == bytes.count
            let head = bytes.withUnsafeBufferPointer {
                FrontMatterSplit.split(head: UnsafeBufferPointer(rebasing: $0[..<length]), isWholeFile: isWholeFile)
            }
            if isWholeFile {
                #expect(head == whole, "whole file")
            } else if head != .needMore {
                #expect(head == whole, "head of \(length) bytes")
            }
        }
    }

    /// A byte order mark, or front matter that is not UTF-8, is for the whole-file path.
    static let declined: [([UInt8], Bool)] = {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let open = Array("---\na: ".utf8), close = Array("\n---\nb".utf8)
        let invalid: [UInt8] = [0xFF], accented: [UInt8] = [0xC3, 0xA9]
        return [(mark + Array("---\na: 1\n---\nb".utf8), false), (open + invalid + close, false), (open + accented + close, true)]
    }()

    @Test(arguments: declined)
    func declines(bytes: [UInt8], splits: Bool) {
        let head = bytes.withUnsafeBufferPointer { FrontMatterSplit.split(head: $0, isWholeFile: true) }
        #expect((head != .decline) == splits)
    }

    static func reader() -> DocumentReader {
        let clock = SiteClock(identifier: "UTC")
        let site = Site(configuration: Configuration(hash: OrderedHash()), clock: clock, time: clock.now(),
                        logger: Logger(level: .info) { _, _ in }, theme: nil)
        return site.documentReader
    }

    static func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kyll-head-\(UUID())").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    /// Files and whether the head path reads them (nil from it hands them to the whole-file path).
    static let files: [([UInt8], Bool)] = {
        var files: [([UInt8], Bool)] = [
            (Array("---\ntitle: x\ntags: [a, b]\n---\nbody é\n".utf8), true),
            (Array("---\ntitle: é\n---\n".utf8), true),
            (Array("---\n---\n\n\nbody".utf8), true),
            (Array("---\na: [\n---\nbody".utf8), false),
            (Array("---\n- a list\n---\nbody".utf8), false),
            (Array("---\ntitle: x\n---\nreplacement \u{FFFD}".utf8), false),
            (Array("no front matter".utf8), true),
            (Array("<!doctype html>\n{{ content }}\n".utf8), true),
            (Array("- a line starting like front matter\n".utf8), false),
            ([0xEF, 0xBB, 0xBF] + Array("a byte order mark".utf8), false),
            ([0xEF, 0xBB, 0xBF] + Array("---\na: 1\n---\nb".utf8), false),
            (Array("no front matter, replacement \u{FFFD}".utf8), false),
            (Array("no front matter, bad ".utf8) + [0xFF], false),
            ([], false),
        ]
        // Front matter longer than the first head read, and a body longer than a head.
        let long: String = "---\n" + String(repeating: "key: value\n", count: 500) + "---\n" + String(repeating: "body ", count: 3000)
        files.append((Array(long.utf8), true))
        // A closing line's whitespace running past the first head read.
        let spaced: String = "---\na: 1\n---" + String(repeating: " ", count: 3000) + "\nbody"
        files.append((Array(spaced.utf8), true))
        var invalid = Array("---\ntitle: x\n---\nbad ".utf8)
        invalid.append(0xFF)
        files.append((invalid, false))
        return files
    }()

    @Test(arguments: files)
    func parsesAsTheWholeFilePathDoes(bytes: [UInt8], fromHead: Bool) throws {
        let reader = Self.reader()
        try Self.withFile(bytes) { path in
            let parsed = reader.parseFromHead(path: path, displayPath: "x.md")
            #expect((parsed != nil) == fromHead)
            guard let parsed else { return }
            let whole = try reader.parse(text: SourceText.read(path, displayPath: "x.md"), displayPath: "x.md")
            #expect(parsed.data == whole.data && parsed.data.keys == whole.data.keys)
            #expect(parsed.body == whole.body)
            #expect(parsed.bodyLine == whole.bodyLine)
            #expect(parsed.hadFrontMatter == whole.hadFrontMatter)
        }
    }
}
