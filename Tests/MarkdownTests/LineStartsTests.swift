import CByteScan
import Testing

/// `kyll_line_starts` by its vector steps (where this CPU has them) and by `memchr`, against a
/// plain loop: every offset after a newline but the last byte, the first `capacity` written and
/// the rest counted.
struct LineStartsTests {
    static func expected(_ bytes: [UInt8]) -> [Int] {
        bytes.indices.dropLast().filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    /// What each version writes into room for `capacity` starts (and one more slot, which must
    /// stay as it was), and the count it returns.
    static func expectBothVersionsAgree(_ bytes: [UInt8], capacity: Int, _ what: @autoclosure () -> String) {
        let all = expected(bytes)
        for vector in [false, true] {
            var room = [Int](repeating: -7, count: capacity + 1)
            var total = 0
            let ran = bytes.withUnsafeBufferPointer { b in
                room.withUnsafeMutableBufferPointer { kyll_line_starts_using(vector, b.baseAddress!, b.count, $0.baseAddress!, capacity, &total) }
            }
            if !ran {
                #if arch(x86_64)
                #expect(vector, "the memchr version runs everywhere")
                #endif
                continue
            }
            let written = Array(all.prefix(capacity))
            #expect(total == all.count && Array(room.prefix(written.count)) == written && room[written.count...].allSatisfy { $0 == -7 },
                    "vector \(vector): \(what())")
        }
    }

    @Test func aNewlineAtEveryPlace() {
        for count in 1...200 {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
            for at in 0..<count {
                bytes[at] = UInt8(ascii: "\n")
                Self.expectBothVersionsAgree(bytes, capacity: 4, "newline at \(at) of \(count)")
                bytes[at] = UInt8(ascii: "a")
            }
        }
    }

    @Test func randomTextsAndRooms() {
        var random = BlockSkeletonTests.SeededRandom(seed: 0x2545_F491_4F6C_DD1D)
        func next() -> UInt64 { UInt64(random.next()) }
        for _ in 0..<5_000 {
            let count = Int(next() % 700) + 1
            let density = next() % 40 + 1
            let bytes = (0..<count).map { _ in next() % density == 0 ? UInt8(ascii: "\n") : UInt8(truncatingIfNeeded: next() | 0x80) }
            let capacity = next() % 3 == 0 ? Int(next() % 20) : count
            Self.expectBothVersionsAgree(bytes, capacity: capacity, "\(count) bytes, room \(capacity)")
        }
    }

    @Test func theHotCallCountsWhatTheVersionsCount() {
        let bytes = [UInt8]("a\nbc\n\n\nd\n".utf8)
        var room = [Int](repeating: 0, count: 8)
        let total = room.withUnsafeMutableBufferPointer { kyll_line_starts(bytes, bytes.count, $0.baseAddress!, 8) }
        #expect(total == 4 && Array(room.prefix(4)) == [2, 5, 6, 7])
        #expect(kyll_line_starts([], 0, &room, 8) == 0)
    }
}
