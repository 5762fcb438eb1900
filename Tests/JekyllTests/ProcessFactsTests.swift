import Foundation
import Testing
@testable import Jekyll

/// What the process asks its machine once, without Foundation where Foundation is slow to ask
/// (zones, cores): the answers must be Foundation's.
@Suite struct ProcessFactsTests {
    /// UTC zones answer without asking Foundation, and answer what it would.
    @Test(arguments: ["UTC", "Etc/UTC", "GMT", "Europe/London", "America/New_York"])
    func clockOffsets(zone: String) throws {
        let clock = SiteClock(identifier: zone)
        let foundation = try #require(TimeZone(identifier: zone))
        for seconds: Int64 in [0, 1_700_000_000, 1_690_000_000, -2_000_000_000] {
            #expect(clock.offset(at: seconds) == foundation.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }

    /// The system zone read from `/etc/localtime` names the zone Foundation finds, and a clock
    /// without a site zone or `TZ` answers Foundation's offsets and abbreviations.
    @Test func systemZone() throws {
        // With `TZ` set, Foundation's current zone is that one (and so is a clock's).
        guard ProcessTimeZone.current == nil else { return }
        let system = try #require(ProcessTimeZone.systemIdentifier, "/etc/localtime is not a link into zoneinfo")
        let foundation = try #require(TimeZone(identifier: system))
        #expect(foundation.secondsFromGMT(for: Date()) == TimeZone.current.secondsFromGMT(for: Date()))
        let clock = SiteClock(identifier: nil)
        for seconds: Int64 in [0, 1_700_000_000, 1_690_000_000] {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(clock.offset(at: seconds) == TimeZone.current.secondsFromGMT(for: date))
            #expect(clock.abbreviation(at: seconds) == ProcessTimeZone.abbreviation(at: seconds))
        }
    }

    /// The cores counted without Foundation are the ones Foundation counts (online, within the
    /// cgroup quota), fewer where the CPU affinity allows fewer (`taskset`), as libdispatch counts.
    @Test func processorCount() {
        #if os(Linux)
        let allowed = ProcessorCount.allowedCores() ?? Int.max
        #expect(ProcessorCount.allowedCores() != nil)
        #expect(ProcessorCount.active == min(allowed, ProcessInfo.processInfo.activeProcessorCount))
        #else
        #expect(ProcessorCount.active == ProcessInfo.processInfo.activeProcessorCount)
        #endif
    }

    #if os(Linux)
    @Test(arguments: [
        ("max 100000\n", nil), ("200000 100000\n", 2), ("150000 100000", 2), ("50000 100000", 1), ("", nil),
        ("garbage", nil),
    ] as [(String, Int?)])
    func cgroupQuota(text: String, cores: Int?) {
        #expect(ProcessorCount.quotaCores(text) == cores)
    }
    #endif
}
