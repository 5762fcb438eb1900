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

    /// `date_to_xmlschema` prints the same text the second time, from the table.
    @Test func xmlschemaPrintsTheSameAgain() {
        let time = TimeValue(seconds: 1_600_000_123, utcOffset: -5 * 3600, zone: .fixedOffset)
        let first = DateFilters.xmlschema(time)
        #expect(first == "2020-09-13T07:28:43-05:00")
        #expect(DateFilters.xmlschema(time) == first)
    }
}
