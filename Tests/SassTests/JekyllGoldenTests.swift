import Foundation
import Sass
import Testing

/// The pages of `Fixtures/site`, compiled with the options Jekyll 4.3.1
/// (jekyll-sass-converter 2.2, sassc 2.4) passes to libsass, must come out byte for byte
/// as Jekyll wrote them (`Fixtures/golden`, made by `Fixtures/make_golden.sh`).
@Suite struct JekyllGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let site = fixtures.appendingPathComponent("site").path

    struct Variant: Sendable, CustomTestStringConvertible {
        let name: String
        let style: SassOptions.OutputStyle
        let sourceMap: Bool
        let lineComments: Bool
        let precision: Int?
        var testDescription: String { name }
    }

    /// The configurations in `Fixtures/configs` (and none, for `default`).
    static let variants = [
        Variant(name: "default", style: .compact, sourceMap: true, lineComments: false, precision: nil),
        Variant(name: "expanded", style: .expanded, sourceMap: true, lineComments: false, precision: nil),
        Variant(name: "compressed", style: .compressed, sourceMap: true, lineComments: false, precision: nil),
        Variant(name: "nested-no-map", style: .nested, sourceMap: false, lineComments: false, precision: nil),
        Variant(name: "line-comments", style: .compact, sourceMap: true, lineComments: true, precision: 3),
    ]

    static let pages = ["main.scss", "unicode.scss", "indented.sass", "empty.scss"]

    @Test(arguments: variants, pages)
    func matchesJekyll(variant: Variant, page: String) throws {
        let source = try Self.content(of: "assets/css/" + page)
        let basename = String(page.prefix { $0 != "." })
        let golden = Self.fixtures.appendingPathComponent("golden/\(variant.name)")
        let expectedCSS = try String(contentsOf: golden.appendingPathComponent(basename + ".css"), encoding: .utf8)
        let mapURL = golden.appendingPathComponent(basename + ".css.map")
        let expectedMap = try? String(contentsOf: mapURL, encoding: .utf8)

        // sassc-ruby returns empty input unchanged without calling libsass, so Jekyll
        // writes an empty CSS file and no map.
        if source.isEmpty {
            #expect(expectedCSS.isEmpty)
            #expect(expectedMap == nil)
            return
        }
        let options = SassOptions(
            syntax: page.hasSuffix(".sass") ? .indented : .scss,
            style: variant.style,
            loadPaths: [Self.site + "/_sass"],
            precision: variant.precision,
            inputPath: Self.site + "/" + page,
            outputPath: Self.site + "/" + basename + ".css",
            sourceComments: variant.lineComments,
            sourceMap: SassOptions.SourceMap(file: Self.site + "/" + basename + ".css.map", includeContents: true,
                                             omitURL: !variant.sourceMap))
        let output = try Sass.compile(source, options: options)
        // Jekyll drops the byte order mark libsass puts before compressed non-ASCII CSS.
        let css = output.css.hasPrefix("\u{FEFF}") ? String(output.css.dropFirst()) : output.css
        #expect(css == Self.lineCommentsRelativeToHere(expectedCSS))
        if variant.lineComments {
            // The comments' paths shift the mapped columns, so only the rest compares.
            #expect(output.sourceMap.map(Self.withoutMappings) == expectedMap.map(Self.withoutMappings))
        } else if variant.sourceMap {
            #expect(output.sourceMap == expectedMap)
        } else {
            #expect(expectedMap == nil)
        }
    }

    static func withoutMappings(_ map: String) -> String {
        map.split(separator: "\n").filter { !$0.contains("\"mappings\"") }.joined(separator: "\n")
    }

    /// A page's text after its front matter.
    static func content(of page: String) throws -> String {
        let text = try String(contentsOfFile: site + "/" + page, encoding: .utf8)
        let parts = text.components(separatedBy: "---\n")
        return parts.dropFirst(2).joined(separator: "---\n")
    }

    /// libsass writes line comments with paths relative to the working directory; the
    /// golden files were made from `Fixtures`, the tests run from wherever they run.
    static func lineCommentsRelativeToHere(_ css: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        var relative = fixtures.path
        if relative.hasPrefix(here + "/") { relative.removeFirst(here.count + 1) }
        return css.replacingOccurrences(of: ", site/", with: ", \(relative)/site/")
    }
}
