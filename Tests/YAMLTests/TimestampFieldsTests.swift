import Testing
@testable import YAML

/// The usual front matter date read at its fixed places must give what the general reading gives,
/// and leave every other text to it.
@Suite struct TimestampFieldsTests {
    static let usual = [
        "2014-01-01 13:13:00 +0000", "1999-12-31 23:59:59 -0530", "2024-02-30 24:00:00 +1400",
        "0000-00-00 00:00:00 -0000", "2014-13-01 99:99:99 +9999",
    ]
    static let others = [
        "2014-01-01 13:13:00 +00:00", "2014-01-01 13:13:00 Z", "2014-01-01T13:13:00 +0000",
        "2014-01-01 13:13:00  +000", "2014-01-01\t13:13:00 +0000", "2014-01-01 13:13:00 *0000",
        "2014-01-01 13:13:0x +0000", "2014/01/01 13:13:00 +0000", "2014-01-01 13:13:00.5 +000",
        "-014-01-01 13:13:00 +0000", "2014-01-01 13:13:00 +000a", "2014-1-01 13:13:00 +00000",
    ]

    @Test(arguments: usual + others)
    func usualPlacesAgreeWithTheGeneralReading(text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { text in
            let general = Timestamp.anyFields(text)
            if let usual = Timestamp.usualFields(text) {
                #expect(usual == general)
            }
            #expect(Timestamp.match(text) == general)
        }
    }

    @Test(arguments: usual)
    func theUsualDateIsReadAtItsPlaces(text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { Timestamp.usualFields($0) } != nil)
    }
}
