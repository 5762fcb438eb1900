import CYAML

/// One step into a YAML document: a mapping key or a sequence index.
public enum YAMLPathStep: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)

    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }
}

extension YAML {
    /// Where the value found by following `path` from the first document's root starts, as a
    /// 1-based line (counting from `firstLine`) and column; nil when the path leads nowhere or the
    /// text does not parse up to it. Used after loading succeeded, to point an error about a
    /// value (a bad date, a bad permalink) at the place it was written. When a key appears twice,
    /// the last one wins, as it does when loading.
    public static func position(of path: [YAMLPathStep], in text: String, firstLine: Int = 1) -> (line: Int, column: Int)? {
        var text = text
        let parser = text.withUTF8 { EventParser(copying: UnsafeRawBufferPointer($0)) }
        var walker = PositionWalker(parser: parser)
        guard walker.enterDocument(), let found = walker.find(path[...]) else { return nil }
        return (found.line + firstLine, found.column + 1)
    }
}

/// Walks libyaml's events without building values, skipping the parts off the path.
private struct PositionWalker {
    let parser: EventParser

    mutating func enterDocument() -> Bool {
        while parser.advance() {
            switch parser.eventType {
            case YAML_DOCUMENT_START_EVENT: return parser.advance()
            case YAML_STREAM_END_EVENT: return false
            default: continue
            }
        }
        return false
    }

    /// With the current event the start of a node: the 0-based position of the node at `path`
    /// below it. Consumes events up to the end of this node or to the answer.
    mutating func find(_ path: ArraySlice<YAMLPathStep>) -> (line: Int, column: Int)? {
        guard let step = path.first else { return parser.eventStart }
        switch (parser.eventType, step) {
        case (YAML_MAPPING_START_EVENT, .key(let wanted)):
            var answer: (line: Int, column: Int)?
            while parser.advance(), parser.eventType != YAML_MAPPING_END_EVENT {
                let isWanted = scalarText == wanted
                guard skipNode(), parser.advance() else { return answer }
                if isWanted {
                    // Deeper steps stop at the first match; at the last step a later duplicate
                    // key overrides this one, so the walk goes on.
                    guard let found = find(path.dropFirst()) else { return answer }
                    answer = found
                    if path.count > 1 { return answer }
                }
                guard skipNode() else { return answer }
            }
            return answer
        case (YAML_SEQUENCE_START_EVENT, .index(let wanted)):
            var index = 0
            while parser.advance(), parser.eventType != YAML_SEQUENCE_END_EVENT {
                if index == wanted { return find(path.dropFirst()) }
                guard skipNode() else { return nil }
                index += 1
            }
            return nil
        default:
            return nil
        }
    }

    /// The current event's text when it is a scalar.
    var scalarText: String? {
        guard parser.eventType == YAML_SCALAR_EVENT else { return nil }
        let scalar = parser.event.pointee.data.scalar
        return String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
    }

    /// Moves past the node starting at the current event, leaving its last event current.
    mutating func skipNode() -> Bool {
        var depth = 0
        repeat {
            switch parser.eventType {
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT: depth += 1
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT: depth -= 1
            default: break
            }
            if depth == 0 { return true }
        } while parser.advance()
        return false
    }
}
