#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An excerpt's HTML read off its document's converted content, instead of a conversion of its
/// own, where kramdown provably prints the same: the excerpt is the document's first line, a plain
/// paragraph, and nothing after it can change how that line reads. At 1k posts, converting each
/// excerpt again was ~43 k instructions of the ~113 k `{% seo %}` spends on a post's page.
enum ExcerptFromContent {
    /// The excerpt's HTML, or nil when it must be converted on its own (the content is not yet
    /// converted, or the shortcut cannot be shown to print the same).
    static func html(of id: Int, source: String, build: BuildContext) -> String? {
        let doc = build.site.documents[id]
        guard doc.generator == nil, case .kramdown = build.converters.markdown, !build.converters.showsMarkdownWarnings,
              isMarkdownAlone(build.site.converters.chain(for: doc.extname)),
              isPlainLine(source), follows(source, in: doc.content),
              let converted = build.result(of: id, seenFrom: id)?.converted else { return nil }
        return firstParagraph(of: converted)
    }

    /// kramdown, then at most the identity (which changes nothing).
    private static func isMarkdownAlone(_ chain: [ConverterKind]) -> Bool {
        chain.first == .markdown && chain.dropFirst().allSatisfy { $0 == .identity }
    }

    /// One line of text kramdown reads as a paragraph whatever follows it: it starts with an ASCII
    /// letter (no block marker) and holds no `<` (HTML), `{` (Liquid, attribute lists, extensions),
    /// `|` (a kramdown table needs no separator line), `\` or line break, and does not end in a space.
    static func isPlainLine(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            guard let first = b.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z"),
                  let last = b.last, last != UInt8(ascii: " ") else { return false }
            // A table of the bytes refused: `contains(where:)` over the view cost ~25 instructions a byte.
            return refused.withUnsafeBufferPointer { refused in
                for c in b where refused[Int(c)] { return false }
                return true
            }
        }
    }

    private static let refused: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "<{|\\\n\r\t".utf8 { table[Int(c)] = true }
        return table
    }()

    /// Whether the content is the excerpt, a blank line, then text with no definition (`]:` — of
    /// a link, footnote or abbreviation, which the line's references would read), no attribute
    /// list (`{:`) and no Liquid whitespace control (`{%-`, `{{-`, which could join the next text
    /// to the line).
    static func follows(_ excerpt: String, in content: String) -> Bool {
        var content = content
        var excerpt = excerpt
        return content.withUTF8 { c in
            excerpt.withUTF8 { e in
                guard c.count >= e.count + 2, let cb = c.baseAddress,
                      ByteSearch.equal(UnsafeBufferPointer(start: cb, count: e.count), e),
                      c[e.count] == UInt8(ascii: "\n"), c[e.count + 1] == UInt8(ascii: "\n") else { return false }
                let rest = UnsafeBufferPointer(rebasing: c[(e.count + 2)...])
                return !ByteSearch.hasPair(UInt8(ascii: "]"), then: UInt8(ascii: ":"), in: rest)
                    && !hasBraceConstruct(rest)
            }
        }
    }

    /// Whether the bytes hold `{:`, `{%-` or `{{-`.
    private static func hasBraceConstruct(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        var offset = 0
        while offset < b.count, let hit = memchr(base + offset, Int32(UInt8(ascii: "{")), b.count - offset) {
            let i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if i + 1 < b.count, b[i + 1] == UInt8(ascii: ":") { return true }
            if i + 2 < b.count, b[i + 1] == UInt8(ascii: "%") || b[i + 1] == UInt8(ascii: "{"), b[i + 2] == UInt8(ascii: "-") {
                return true
            }
            offset = i + 1
        }
        return false
    }

    /// `<p>…</p>\n` at the start of the converted content (the line holds no `<`, so its HTML holds
    /// no `</p>` of its own).
    static func firstParagraph(of html: String) -> String? {
        guard html.utf8.starts(with: "<p>".utf8), let end = ByteSearch.firstRange(of: "</p>\n", in: html) else { return nil }
        return String(html[..<html.utf8.index(html.utf8.startIndex, offsetBy: end.upperBound)])
    }
}
