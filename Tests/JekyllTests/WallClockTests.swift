import Liquid
import Testing
@testable import Jekyll

/// Permalink date placeholders printed without the formatter must print what it prints.
@Suite struct WallClockTests {
    static let times: [TimeValue] = [
        TimeValue(seconds: 1_388_581_980, utcOffset: 0, zone: .utc),  // 2014-01-01 13:13:00
        TimeValue(seconds: 1_700_000_000, nanoseconds: 5, utcOffset: 19_800, zone: .fixedOffset),
        TimeValue(seconds: 946_684_799, utcOffset: -36_000, zone: .local),  // 1999-12-31, a day earlier in its zone
        TimeValue(seconds: 1_078_012_800, utcOffset: 3_600, zone: .local),  // 2004-02-29 01:00
        TimeValue(seconds: -30_610_224_000, utcOffset: 0, zone: .utc),  // year 1000
        TimeValue(seconds: -62_135_596_800, utcOffset: 0, zone: .utc),  // year 1: the formatter's path
        TimeValue(seconds: 253_402_300_799, utcOffset: 0, zone: .utc),  // 9999-12-31 23:59:59
        TimeValue(seconds: 253_402_300_800, utcOffset: 0, zone: .utc),  // 10000: the formatter's path
    ]

    @Test(arguments: WallClockTests.times)
    func placeholdersMatchTheFormatter(_ time: TimeValue) {
        let clock = WallClock(time)
        for (name, format) in WallClock.placeholderFormats {
            #expect(clock.placeholder(name) == DateFilter.strftime(.time(time), format), "\(name) of \(time)")
        }
        #expect(clock.placeholder("title") == nil)
    }

    @Test func printsPaddedFields() {
        let clock = WallClock(TimeValue(seconds: 1_078_012_800 + 3_723, utcOffset: 3_600, zone: .local))
        #expect(clock.placeholder("year") == "2004")
        #expect(clock.placeholder("month") == "02")
        #expect(clock.placeholder("i_month") == "2")
        #expect(clock.placeholder("day") == "29")
        #expect(clock.placeholder("short_year") == "04")
        #expect(clock.placeholder("hour") == "02")
        #expect(clock.placeholder("minute") == "02")
        #expect(clock.placeholder("second") == "03")
    }
}
