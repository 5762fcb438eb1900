import Liquid
import Testing
@testable import Jekyll

@Suite struct TimeTextsTests {
    /// A text is found again only for its own time and pattern: the same instant in another
    /// offset or kind of zone, or another pattern of the same length, shares its slot, not its text.
    @Test func aTextIsFoundOnlyForItsTimeAndPattern() {
        let utc = TimeValue(seconds: 1_700_000_000, utcOffset: 0, zone: .utc)
        let shifted = TimeValue(seconds: 1_700_000_000, utcOffset: 3600, zone: .fixedOffset)
        let local = TimeValue(seconds: 1_700_000_000, utcOffset: 0, zone: .local)
        let fraction = TimeValue(seconds: 1_700_000_000, nanoseconds: 5, utcOffset: 0, zone: .utc)
        let texts = TimeTexts.current
        texts.remember("printed", of: utc, pattern: "%Y")
        #expect(texts.text(of: utc, pattern: "%Y") == "printed")
        for other in [shifted, local, fraction] { #expect(texts.text(of: other, pattern: "%Y") == nil) }
        #expect(texts.text(of: utc, pattern: "%y") == nil)
        #expect(texts.text(of: utc, pattern: TimeTexts.xmlschemaPattern) == nil)
    }

    /// `date_to_xmlschema` keeps the text it printed and prints it from the table the next time.
    @Test func xmlschemaPrintsTheSameAgain() {
        let time = TimeValue(seconds: 1_600_000_123, utcOffset: -5 * 3600, zone: .fixedOffset)
        let first = DateFilters.xmlschema(time)
        #expect(first == "2020-09-13T07:28:43-05:00")
        #expect(TimeTexts.current.text(of: time, pattern: TimeTexts.xmlschemaPattern) == first)
        TimeTexts.current.remember("from the table", of: time, pattern: TimeTexts.xmlschemaPattern)
        #expect(DateFilters.xmlschema(time) == "from the table")
        TimeTexts.current.remember(first, of: time, pattern: TimeTexts.xmlschemaPattern)  // this thread's other tests
    }

    /// A local time's text is kept only when it cannot print the zone's name, which the site's
    /// zone gives and a rebuild may change; other zones' names follow from the time's fields.
    @Test(arguments: [("%Z", false), ("%^Z", false), ("%-10Z", false), ("%+", true), ("%b %-d, %Y", true),
                      ("%Y-%m-%dT%H:%M:%S%z", true), ("%:z", true)])
    func zoneNamesOfLocalTimesAreNotKept(pattern: String, kept: Bool) {
        let local = TimeValue(seconds: 1_700_000_000, utcOffset: 3600, zone: .local)
        let fixed = TimeValue(seconds: 1_700_000_000, utcOffset: 3600, zone: .fixedOffset)
        #expect(TimeTexts.mayRemember(local, printsZoneName: DateFilter.printsZoneName(pattern)) == kept)
        #expect(TimeTexts.mayRemember(fixed, printsZoneName: DateFilter.printsZoneName(pattern)))
    }

    /// Patterns are told apart by their bytes: two spellings of one character, the same length
    /// and canonically equal, do not share a text.
    @Test func canonicallyEqualPatternsAreNotConfused() {
        let time = TimeValue(seconds: 1_700_000_000, utcOffset: 0, zone: .utc)
        let composedOrder = "%Y a\u{301}\u{323}", otherOrder = "%Y a\u{323}\u{301}"
        #expect(composedOrder == otherOrder && !composedOrder.utf8.elementsEqual(otherOrder.utf8))
        let texts = TimeTexts.current
        texts.remember("first", of: time, pattern: composedOrder)
        #expect(texts.text(of: time, pattern: otherOrder) == nil)
        #expect(texts.text(of: time, pattern: composedOrder) == "first")
    }
}
