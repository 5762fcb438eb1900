import Foundation
import Testing
import YAML

/// One case of `Fixtures/psych_expected.json`: a YAML text and what Psych made of it.
struct PsychCase: Decodable, CustomTestStringConvertible, Sendable {
    let yaml: String
    let psych: PsychResult
    /// A random mutation of another case rather than a case of the table.
    let mutation: Bool

    var testDescription: String { yaml.debugDescription }

    static var table: [PsychCase] { all.filter { !$0.mutation } }
    static var mutations: [PsychCase] { all.filter(\.mutation) }

    static let all: [PsychCase] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/psych_expected.json")
        do {
            return try JSONDecoder().decode([PsychCase].self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}

/// Psych's result, as the oracle script encodes it: `["kind", fields…]`.
indirect enum PsychResult: Decodable, Sendable {
    case null
    case bool(Bool)
    case int(String)
    case float(UInt64)
    case string(String)
    case binary([UInt8])
    case time(seconds: Int64, nanoseconds: Int32, zone: YAMLTime.Zone)
    case date(Int, Int, Int)
    case sequence([PsychResult])
    case mapping([(PsychResult, PsychResult)])
    case recursive
    /// A Ruby object with no YAML value form.
    case other(String)
    case error(className: String, message: String, syntax: SyntaxDetail?)

    struct SyntaxDetail: Sendable {
        let line: Int
        let column: Int
        let problem: String
        let context: String?
    }

    init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let kind = try container.decode(String.self)
        switch kind {
        case "null": self = .null
        case "bool": self = .bool(try container.decode(Bool.self))
        case "int": self = .int(try container.decode(String.self))
        case "float": self = .float(UInt64(try container.decode(String.self), radix: 16)!)
        case "str": self = .string(try container.decode(String.self))
        case "bin": self = .binary(Self.bytes(hex: try container.decode(String.self)))
        case "time":
            let seconds = try container.decode(Int64.self)
            let nanoseconds = try container.decode(Int32.self)
            let zone: YAMLTime.Zone
            if let name = try? container.decode(String.self) {
                zone = name == "utc" ? .utc : .local
            } else {
                zone = .offset(try container.decode(Int.self))
            }
            self = .time(seconds: seconds, nanoseconds: nanoseconds, zone: zone)
        case "date":
            self = .date(try container.decode(Int.self), try container.decode(Int.self), try container.decode(Int.self))
        case "seq": self = .sequence(try container.decode([PsychResult].self))
        case "map":
            let pairs = try container.decode([[PsychResult]].self)
            self = .mapping(pairs.map { ($0[0], $0[1]) })
        case "recursive": self = .recursive
        case "other": self = .other(try container.decode(String.self))
        case "error":
            let className = try container.decode(String.self)
            let message = try container.decode(String.self)
            var syntax: SyntaxDetail?
            if className == "Psych::SyntaxError" {
                syntax = SyntaxDetail(line: try container.decode(Int.self), column: try container.decode(Int.self),
                                      problem: try container.decode(String.self),
                                      context: try container.decodeNil() ? nil : try container.decode(String.self))
            }
            self = .error(className: className, message: message, syntax: syntax)
        default:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown kind \(kind)")
        }
    }

    private static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    var containsRecursion: Bool {
        switch self {
        case .recursive: return true
        case .sequence(let items): return items.contains { $0.containsRecursion }
        case .mapping(let pairs): return pairs.contains { $0.0.containsRecursion || $0.1.containsRecursion }
        default: return false
        }
    }

    /// Whether `value` is what Psych gave.
    func matches(_ value: YAMLValue) -> Bool {
        switch (self, value) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let text), .int(let int)): return String(int) == text
        case (.int(let text), .bigInt(let big)): return big.description == text
        case (.float(let bits), .float(let double)):
            return double.bitPattern == bits || (double.isNaN && Double(bitPattern: bits).isNaN)
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        // Bytes that are not UTF-8 become replacement characters (see Tags.swift).
        case (.binary(let bytes), .string(let b)): return String(decoding: bytes, as: UTF8.self) == b
        case (.time(let seconds, let nanoseconds, let zone), .time(let time)):
            return time.secondsSinceEpoch == seconds && time.nanoseconds == nanoseconds && time.zone == zone
        case (.date(let y, let m, let d), .date(let date)):
            return date == YAMLDate(year: y, month: m, day: d)
        case (.sequence(let expected), .sequence(let items)):
            return expected.count == items.count && zip(expected, items).allSatisfy { $0.matches($1) }
        case (.mapping(let expected), .mapping(let map)):
            return expected.count == map.count
                && zip(expected, map).allSatisfy { $0.0.matches($1.key) && $0.1.matches($1.value) }
        default: return false
        }
    }
}
