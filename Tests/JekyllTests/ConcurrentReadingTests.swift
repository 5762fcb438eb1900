import Liquid
import Testing
@testable import Jekyll

/// Reading on all cores must look like one reader reading in order: the results, what each job
/// logged, and the first error, in the order of the jobs.
@Suite struct ConcurrentReadingTests {
    static func reader(_ logger: Logger) -> DocumentReader {
        let clock = SiteClock(identifier: "UTC")
        let site = Site(configuration: Configuration(hash: OrderedHash()), clock: clock, time: clock.now(),
                        logger: logger, theme: nil)
        return site.documentReader
    }

    /// Jobs that log nothing share an empty log; a job that logs has only its own lines, however
    /// the jobs fall on the workers.
    @Test func quietJobsBetweenLoggingOnes() {
        let reader = Self.reader(Logger(level: .info) { _, _ in })
        let made = ConcurrentReading.run(300, reader: reader, level: .info) { reader, i throws(BuildError) -> Int in
            if i % 5 == 0 { reader.logger.warn("Job:", "<\(i)>") }
            if i % 11 == 0 { throw BuildError("job \(i) failed") }
            return i
        }
        #expect(made.count == 300)
        for (i, entry) in made.enumerated() {
            let lines = entry.log.lines.map(\.1)
            if i % 5 == 0 {
                #expect(lines.count == 1 && lines[0].contains("<\(i)>"), "job \(i)")
            } else {
                #expect(lines.isEmpty, "job \(i)")
            }
            #expect((try? entry.result.get()) == (i % 11 == 0 ? nil : i))
        }
    }

    @Test func resultsAndLogsInTheJobsOrder() {
        let reader = Self.reader(Logger(level: .info) { _, _ in })
        let made = ConcurrentReading.run(200, reader: reader, level: .info) { reader, i throws(BuildError) -> Int in
            reader.logger.warn("Job:", "<\(i)> first")
            if i % 7 == 3 { throw BuildError("job \(i) failed") }
            reader.logger.warn("Job:", "<\(i)> second")
            return i * 2
        }
        #expect(made.count == 200)
        for (i, entry) in made.enumerated() {
            let lines = entry.log.lines.map(\.1)
            switch entry.result {
            case .success(let value):
                #expect(value == i * 2)
                #expect(lines.count == 2 && lines[0].contains("<\(i)> first") && lines[1].contains("<\(i)> second"))
            case .failure(let error):
                #expect(i % 7 == 3 && error.message == "job \(i) failed")
                #expect(lines.count == 1 && lines[0].contains("<\(i)> first"))
            }
        }
    }
}

/// Helpers of the read phase that work on bytes must agree with what they replace.
@Suite struct ReadingBytesTests {
    @Test(arguments: [
        ("", ""), ("a", ""), ("", "a"), ("abc", "abd"), ("abd", "abc"), ("ab", "abc"), ("abc", "ab"),
        ("Zebra", "apple"), ("ü", "u"), ("é", "e\u{301}"), ("2014-01-01-a.md", "2014-01-01-a.markdown"),
        ("a-very-long-file-name-beyond-fifteen-bytes.md", "a-very-long-file-name-beyond-fifteen-bytes.mdx"),
        ("_posts/ö/x", "_posts/o/x"), ("\u{10FFFF}", "\u{FFFD}"),
    ])
    func utf8Order(a: String, b: String) {
        #expect(String.utf8Precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8))
        #expect(String.utf8Precedes(b, a) == b.utf8.lexicographicallyPrecedes(a.utf8))
        #expect(String.utf8(of: a, endsWith: b) == a.utf8.reversed().starts(with: b.utf8.reversed()))
        #expect(String.utf8(of: b, endsWith: a) == b.utf8.reversed().starts(with: a.utf8.reversed()))
        #expect(String.utf8(of: a + b, endsWith: b))
    }

    /// Sorting by the first sixteen bytes as integers, then in full, is `utf8Precedes`'s order,
    /// and keeps equal keys in their order.
    @Test func sortsByUTF8Bytes() {
        var names = ["", "a", "ab", "abc", "abd", "Zebra", "apple", "ü", "u", "é", "e\u{301}", "\u{10FFFF}", "\u{FFFD}",
                     "2014-01-01-a.md", "2014-01-01-a.markdown", "2014-01-01-abcdefgh", "2014-01-01-abcdefg",
                     "a-very-long-file-name-beyond-fifteen-bytes.md", "a-very-long-file-name-beyond-fifteen-bytes.mdx",
                     "exactly-16-bytes", "exactly-16-byteS", "exactly-16-bytes-", "seven77", "eight888", "nine99999"]
        for month in 1...12 { for day in [1, 9, 10, 28] { names.append("2014-\(month)-\(day)-post-\(day * month).md") } }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            let shuffled = names.shuffled(using: &generator).enumerated().map { (name: $0.element, position: $0.offset) }
            let expected = shuffled.sorted { String.utf8Precedes($0.name, $1.name) }
            #expect(shuffled.sortedByUTF8 { $0.name }.map(\.name) == expected.map(\.name))
        }
        let repeated = [("b", 0), ("a", 1), ("b", 2), ("a", 3)].sortedByUTF8 { $0.0 }
        #expect(repeated.map(\.1) == [1, 3, 0, 2])
    }

    /// Ruby's `sub` matches code points: a combining accent after the match does not stop it.
    @Test(arguments: [
        ("/page:num/", ":num", "2", "/page2/"), ("no match", "x", "y", "no match"), ("aaa", "a", "b", "baa"),
        ("e\u{301}toile", "e", "E", "E\u{301}toile"), ("ü/ü", "/", "-", "ü-ü"), ("abc", "", "X", "Xabc"),
        ("_posts/_posts/x", "_posts", "", "/_posts/x"),
    ])
    func replacingFirstMatchesBytes(text: String, target: String, replacement: String, expected: String) {
        #expect(text.replacingFirst(target, with: replacement) == expected)
    }

    @Test(arguments: [
        ("---\na: 1\n---\nbody ü\n", 13, "body ü\n"), ("---\n---\n", 8, ""), ("xyz", 0, "xyz"),
        ("---\nt: é\n---\n" + String(repeating: "long body ", count: 40), 14, String(repeating: "long body ", count: 40)),
    ])
    func remainderOfText(text: String, offset: Int, expected: String) {
        #expect(DocumentReader.remainder(of: text, fromUTF8Offset: offset) == expected)
    }

    /// The body of a file read from disk is made in the file text's own storage, not copied.
    @Test func remainderReusesTheStorage() {
        var text = String(repeating: "x", count: 20) + String(repeating: "body ", count: 400)
        text.append("!")  // a native string held once
        let before = text.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        var rest = DocumentReader.remainder(of: consume text, fromUTF8Offset: 20)
        let after = rest.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        #expect(rest == String(repeating: "body ", count: 400) + "!")
        #expect(before == after)
    }

    @Test(arguments: [
        ("no definitions here [a](x)\n", false), ("[a]: /x", true), ("a]:", true), ("]", false), ("]\n:", false),
        ("", false), ("text ] then ]: later", true),
    ])
    func bracketColon(text: String, has: Bool) {
        var text = text
        #expect(text.withUTF8 { ByteSearch.hasPair(UInt8(ascii: "]"), then: UInt8(ascii: ":"), in: $0) } == has)
    }
}
