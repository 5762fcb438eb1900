import Foundation
import Testing
@testable import Markdown

/// A converter hands the elements of a finished conversion to later ones (`ElementPool`): a
/// reused element must read as a new one, and an element something else still holds is not taken.
struct ElementPoolTests {
    @Test func aReusedElementReadsAsANewOne() {
        let pool = ElementPool()
        let root = pool.element(.root)
        let source = Array("*a* b\n".utf8)
        var id: ObjectIdentifier
        do {
            let used = pool.element(.header)
            used.block = true; used.level = 2; used.line = 7; used.transparent = true; used.isClosed = true
            used.firstAsPara = true; used.contentModel = .raw; used.eob = .ald; used.quote = .rdquo
            used.typographic = .hellip; used.textIDRepeats = 3
            used.attrs["id"] = "x"; used.ial = IAL(); used.lang = "ruby"; used.rawText = "raw"
            used.setPendingSpans(source, 0..<5)
            let nested = pool.element(.text)
            nested.value = "t"
            used.children = [nested]
            root.children = [used]
            id = ObjectIdentifier(used)
        }
        pool.recycleChildren(of: root)
        #expect(!root.hasChildren)
        let reused = pool.element(.p)
        // the last element taken back is the first handed out
        #expect(ObjectIdentifier(reused) == id)
        let fresh = Element(.p)
        for el in [reused, fresh] {
            #expect(el.kind == .p && el.value == "" && !el.hasChildren && el.hasNoChildStorage && el.attrs.isEmpty)
            #expect(!el.block && el.level == 0 && el.line == 0 && !el.transparent && !el.isClosed && !el.firstAsPara)
            #expect(el.contentModel == .span && el.eob == .marker && el.quote == .lsquo && el.typographic == .mdash)
            #expect(el.textIDRepeats == -1 && el.ial == nil && el.lang == nil && el.rawText == nil)
            #expect(!el.spansPending && !el.hasPendingText && el.withSimpleSpans { _, _ in true } == nil)
        }
        // Every stored property, listed by reflection, so that one added to Element later and
        // left out of `resetForReuse` fails here.
        func stored(_ el: Element) -> [String] {
            Mirror(reflecting: el).children.map { "\($0.label ?? "?")=\(String(describing: $0.value))" }
        }
        #expect(stored(reused) == stored(fresh))
        // so did its child, reset too
        let child = pool.element(.em)
        #expect(child !== reused && child !== fresh && child.kind == .em && child.value == "" && !child.hasChildren)
    }

    @Test func anElementHeldElsewhereIsNotTaken() {
        let pool = ElementPool()
        let root = pool.element(.root)
        let kept = pool.element(.p)
        root.children = [kept]
        pool.recycleChildren(of: root)
        kept.value = "still mine"
        #expect(pool.element(.p) !== kept)
        #expect(kept.kind == .p && kept.value == "still mine")
    }

    /// The source and output buffers a pool keeps for the next conversion: a longer page's
    /// leave nothing in a shorter one's, and a page with carriage returns reads as before.
    @Test func keptBuffersLeaveNothingBehind() {
        let converter = KramdownConverter()
        let long = String(repeating: "A *long* paragraph with `code` and [a link](/x).\n\n", count: 200)
        let short = "Short *one*\r\nand more\r\n"
        let fresh = KramdownConverter().convert(short)
        #expect(fresh.html == "<p>Short <em>one</em>\nand more</p>\n")
        _ = converter.convert(long)
        #expect(converter.convert(short) == fresh)
        #expect(converter.convert(long) == KramdownConverter().convert(long))
        #expect(converter.convert("") == KramdownConverter().convert(""))
    }

    /// `fillSource` writes into a kept buffer in place, but never into bytes another copy
    /// still reads.
    @Test func aSourceBufferHeldElsewhereIsNotOverwritten() {
        var buffer = Bytes("an earlier, longer page\n".utf8)
        let held = buffer
        KramdownConverter.fillSource(&buffer, from: "new\r\npage")
        #expect(buffer == Bytes("new\npage\n".utf8))
        #expect(held == Bytes("an earlier, longer page\n".utf8))
        var unique = Bytes(repeating: 0x78, count: 64)
        KramdownConverter.fillSource(&unique, from: "b\n\n")
        #expect(unique == Bytes("b\n\n".utf8) && unique.capacity >= 64)
    }

    /// An emptied output buffer keeps its room (grown when asked for more) and writes anew.
    @Test func anEmptiedOutputBufferWritesAnew() {
        var buffer = HTMLBuffer(capacity: 16)
        buffer.append("<p>old</p>")
        buffer.removeAll(keepingCapacity: 8)
        #expect(buffer.count == 0 && buffer.capacity >= 16)
        buffer.removeAll(keepingCapacity: 1000)
        #expect(buffer.capacity >= 1000)
        buffer.append("<p>new</p>")
        #expect(buffer.string == "<p>new</p>")
    }

    /// One converter converting the corpus in two orders gives what a new converter for each
    /// input gives.
    @Test func conversionsWithReusedElementsMatchNewOnes() {
        let inputs = CaseCorpusTests.allCases().prefix(160).compactMap { try? String(contentsOf: $0.input, encoding: .utf8) }
        #expect(inputs.count > 100)
        let fresh = inputs.map { KramdownConverter().convert($0) }
        let shared = KramdownConverter()
        #expect(inputs.map { shared.convert($0) } == fresh)
        #expect(inputs.reversed().map { shared.convert($0) } == fresh.reversed())
    }
}
