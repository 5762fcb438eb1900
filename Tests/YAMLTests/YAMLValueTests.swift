import Testing
import YAML

@Suite struct YAMLValueTests {
    @Test func keysCompareLikeRubyHashKeys() throws {
        let map = try YAML.load("{1: int, 1.0: float, '1': string, 0.0: zero, -0.0: negative zero, .nan: a, .NaN: b}")
        #expect(map.mappingValue?.count == 5)
        #expect(map.mappingValue?[1] == "int")
        #expect(map.mappingValue?[.float(1)] == "float")
        #expect(map.mappingValue?[.float(0)] == "negative zero")
        #expect(map.mappingValue?[.float(.nan)] == "b")
    }

    @Test func stringsCompareByBytesNotCanonicalEquivalence() throws {
        let map = try YAML.load("{\"\\u00e9\": precomposed, \"e\\u0301\": decomposed}")
        #expect(map.mappingValue?.count == 2)
    }

    @Test func mappingsCompareWithoutOrder() {
        let first: YAMLValue = ["a": 1, "b": 2]
        let second: YAMLValue = ["b": 2, "a": 1]
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first.mappingValue?.keys != second.mappingValue?.keys)
    }

    @Test func assigningAnExistingKeyKeepsItsPosition() {
        var map = YAMLMapping()
        for index in 0..<40 { map.set(.int(index), for: .string("k\(index)")) }
        map.set("again", for: "k3")
        #expect(map.count == 40)
        #expect(map[3].key == "k3")
        #expect(map["k3"] == "again")
        map["k0"] = nil
        #expect(map.count == 39)
        #expect(map["k39"] == 39)
        #expect(map.position(of: "k39") == 38)
    }

    @Test func bigIntegersPrintInDecimal() throws {
        #expect(try YAML.load("0x123456789012345678901234567890").description == "94522879687365475552814062743484560")
        #expect(try YAML.load("-123456789012345678901:30:15").description == "-444444440444444444041785")
        #expect(try YAML.load("!!float 12345678901234567890123") == .float(1.2345678901234568e22))
    }

    @Test func timesKeepTheirZone() throws {
        guard case .time(let utc) = try YAML.load("2001-12-14t21:59:43.10Z"),
              case .time(let local) = try YAML.load("2001-12-14 21:59:43.10"),
              case .time(let offset) = try YAML.load("2001-12-14 21:59:43.10 -5") else {
            Issue.record("not times")
            return
        }
        #expect(utc.zone == .utc)
        #expect(local.zone == .local)
        #expect(offset.zone == .offset(-18_000))
        #expect(utc == local)
        #expect(offset.secondsSinceEpoch == utc.secondsSinceEpoch + 18_000)
        #expect(utc.nanoseconds == 100_000_000)
        #expect(offset.description == "2001-12-14 21:59:43.100000000 -0500")
    }

    @Test func datesBeforeTheGregorianReformAreJulian() throws {
        #expect(try YAML.load("1500-02-29") == .date(YAMLDate(year: 1500, month: 2, day: 29)))
        #expect(try YAML.load("1582-10-10") == "1582-10-10")
        #expect(try YAML.load("1700-02-29") == "1700-02-29")
    }
}
