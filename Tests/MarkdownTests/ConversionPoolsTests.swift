import Foundation
import Testing
@testable import Markdown

/// A converter keeps each finished conversion's context and HTML converter for a later one
/// (`ConversionPools`): set back, they must read as new ones, whatever the page before held.
struct ConversionPoolsTests {
    /// A page that fills every table of the context and the converter: link and abbreviation
    /// definitions, an ALD, footnotes (one placed by `{:footnotes}`), a table of contents,
    /// repeated header ids, code in a named language, a warning and changed options.
    static let busyPage = """
        {::options footnote_nr="5" toc_levels="2" /}
        {:ald: .special}

        * toc
        {:toc}

        ## Head
        ## Head

        A [link][ref] and HTML[^note] and *[HTML]: x[^other].

        *[HTML]: Hyper Text
        [ref]: /url "title"
        [^note]: The note.
        [^other]: Another.
        [^unused]: Never named.

        ~~~ ruby
        puts 1
        ~~~
        {: .special}

        * notes
        {:footnotes}

        """

    /// Stored properties of `object`, by label, but for those that are meant to be kept.
    static func stored(_ object: AnyObject, except kept: Set<String> = []) -> [String] {
        Mirror(reflecting: object).children.compactMap { child in
            guard let label = child.label, !kept.contains(label) else { return nil }
            return "\(label)=\(String(describing: child.value))"
        }
    }

    @Test func aKeptContextAndConverterReadAsNewOnes() {
        let converter = KramdownConverter()
        let busy = converter.convert(Self.busyPage)
        #expect(busy.html.contains("<sup id=\"fnref:note\"") && busy.html.contains("<ul id=\"markdown-toc\""))
        // numbered from the `footnote_nr` the page set, not the one the converter was made with
        #expect(busy.html.contains("rel=\"footnote\">5</a>") && busy.html.contains("<ol start=\"5\">"))
        #expect(!busy.warnings.isEmpty)
        let kept = converter.prepared.pools.take()
        let fresh = KeptConversion(options: converter.options, parsers: converter.prepared.parsers, highlighter: nil)
        #expect(Self.stored(kept.context) == Self.stored(fresh.context))
        // the lexers looked up stay (they depend on the highlighter and the name only), and so
        // does the room of the output buffer
        let keptByConverter: Set<String> = ["lexerCache", "lastLexer", "out"]
        #expect(Self.stored(kept.htmlConverter, except: keptByConverter)
                == Self.stored(fresh.htmlConverter, except: keptByConverter))
        #expect(kept.htmlConverter.lastLexer?.name == "ruby")
    }

    @Test func aPageConvertsAsWithANewConverterAfterAnyOther() {
        let pages = [Self.busyPage, "# Head\n\nText[^1].\n\n[^1]: One.\n", Self.busyPage,
                     "{::options auto_ids=\"false\" /}\n## Head\n", "## Head\n\n`code`\n", "plain\n"]
        let reused = KramdownConverter()
        for page in pages + pages.reversed() {
            #expect(reused.convert(page) == KramdownConverter().convert(page))
        }
    }

    /// A thread takes back the conversion it gave back; conversions left by threads that ended are
    /// not kept past the pools' limit (20 threads at once, each converting once, leave 16).
    @Test func eachThreadTakesItsOwnAndThePoolsStayBounded() {
        let converter = KramdownConverter()
        let pools = converter.prepared.pools
        _ = converter.convert("warm *up*\n")
        let mine = pools.take()
        pools.giveBack(mine, root: Element(.root))
        #expect(pools.take() === mine)
        pools.giveBack(mine, root: Element(.root))

        let threads = 20
        let converted = DispatchGroup()
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<threads {
            converted.enter()
            Thread.detachNewThread {
                _ = converter.convert("text on a thread of its own\n")
                // All alive until all have converted, so that no two share a thread id.
                converted.leave()
                release.wait()
                done.signal()
            }
        }
        converted.wait()
        for _ in 0..<threads { release.signal() }
        for _ in 0..<threads { done.wait() }
        #expect(pools.idleCount == 16)
    }
}
