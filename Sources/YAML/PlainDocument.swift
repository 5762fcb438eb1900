import CYAML

/// Receives the nodes of a plain YAML document in document order (see `YAML.visitPlain`), so a
/// caller can build values of its own type straight from them, with no `YAMLValue` tree made and
/// converted first.
public protocol YAMLPlainVisitor {
    /// A scalar, resolved as `YAML.load` resolves it (never a sequence or mapping).
    mutating func scalar(_ value: YAMLValue)
    /// The key of the mapping's next pair, before its value's node.
    mutating func key(_ key: String)
    mutating func beginMapping()
    mutating func beginSequence()
    /// The end of the innermost open mapping or sequence.
    mutating func end()
}

/// A libyaml parser kept from one plain document to the next (`YAML.visitPlain`), which starts
/// each again with its buffers, token queue and stacks rather than making and freeing them
/// (~3,000 instructions a front matter). Used by one thread at a time; it holds no document
/// between visits that anything reads.
public final class YAMLReusableParser {
    fileprivate(set) var parser: EventParser?
    /// The strings of the short plain scalars of the documents before.
    let shortScalars = ShortScalars()

    public init() {}
}

extension YAML {
    /// Visits the first document of UTF-8 `bytes` when it is plain: no tags, anchors or aliases,
    /// and every mapping key a string other than `<<` that no earlier key of its mapping has
    /// (at most `maxPlainKeys` keys a mapping, `maxPlainOpenKeys` in all open mappings, and
    /// collections at most `maxPlainDepth` deep). Such a document loads as the visits say: none of
    /// Psych's rules about tags, merges, aliases or repeated keys applies to it.
    ///
    /// False for anything else, and for text that does not load, with the visitor having seen
    /// part of it: the caller drops what it built and uses `load`, which also reports errors.
    /// Made for many small documents (front matter), where building the `YAMLValue` tree and
    /// converting it cost as much as libyaml's parse.
    /// `reusing` keeps a parser for the next document read on the same thread.
    public static func visitPlain(bytes: UnsafeRawBufferPointer, limits: YAMLLimits = .default,
                                  reusing reusable: YAMLReusableParser? = nil,
                                  _ visitor: inout some YAMLPlainVisitor) -> Bool {
        let parser: EventParser
        if let kept = reusable?.parser, kept.restart(borrowing: bytes) {
            parser = kept
        } else {
            parser = EventParser(borrowing: bytes)
            reusable?.parser = parser
        }
        // The open collections and their keys' hashes kept on the stack: two arrays cost two
        // allocations (and their growth and release) a document.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: maxPlainDepth) { open in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: maxPlainOpenKeys) { keyHashes in
                var stacks = PlainStacks(open: open, keyHashes: keyHashes)
                return visitPlain(parser, maxDepth: min(limits.maxDepth, maxPlainDepth), shortScalars: reusable?.shortScalars,
                                  &visitor, &stacks)
            }
        }
    }

    /// The deepest a plain document's collections go.
    public static let maxPlainDepth = 32

    /// The most keys the open mappings of a plain document hold together. Their hashes fill
    /// 1 KiB, which `withUnsafeTemporaryAllocation` keeps on the stack (twice that was allocated
    /// on the heap for each document: the runtime found no stack bounds to check on a worker).
    public static let maxPlainOpenKeys = 128

    /// Per open collection: -1 for a sequence, or where the mapping's keys start in `keyHashes`;
    /// and the hashes of the open mappings' keys.
    private struct PlainStacks {
        let open: UnsafeMutableBufferPointer<Int>
        let keyHashes: UnsafeMutableBufferPointer<UInt64>
        var openCount = 0
        var keyCount = 0

        /// Where the innermost open mapping's keys start; -1 for a sequence or nothing open.
        var innermost: Int { openCount > 0 ? open[openCount - 1] : -1 }
    }

    private static func visitPlain(_ parser: EventParser, maxDepth: Int, shortScalars: ShortScalars?,
                                   _ visitor: inout some YAMLPlainVisitor, _ stacks: inout PlainStacks) -> Bool {
        var expectsKey = false
        while parser.advance() {
            let event = parser.event.pointee
            switch parser.eventType {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT:
                continue
            case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
                // An empty stream is an empty document: null, as `load` gives.
                if parser.eventType == YAML_STREAM_END_EVENT { visitor.scalar(.null) }
                return stacks.openCount == 0
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.tag == nil, scalar.anchor == nil else { return false }
                let text = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                let value: YAMLValue
                if scalar.quoted_implicit != 0 {
                    value = .string(PlainScalar.makeString(text))
                } else if let shortScalars, let packed = ShortScalars.Packed(text) {
                    if let known = shortScalars.string(for: packed) {
                        value = .string(known)
                    } else {
                        guard let resolved = try? PlainScalar.resolve(text) else { return false }
                        shortScalars.remember(resolved, for: packed)
                        value = resolved
                    }
                } else {
                    guard let resolved = try? PlainScalar.resolve(text) else { return false }
                    value = resolved
                }
                if expectsKey {
                    guard case .string(let key) = value, takesKey(text, stacks: &stacks) else { return false }
                    visitor.key(key)
                    expectsKey = false
                } else {
                    visitor.scalar(value)
                    expectsKey = stacks.innermost >= 0
                }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = parser.eventType == YAML_MAPPING_START_EVENT
                let (tag, anchor) = isMapping
                    ? (event.data.mapping_start.tag, event.data.mapping_start.anchor)
                    : (event.data.sequence_start.tag, event.data.sequence_start.anchor)
                // A collection as a key is not a string; `load` says what it is.
                guard tag == nil, anchor == nil, !expectsKey, stacks.openCount < maxDepth else { return false }
                if isMapping { visitor.beginMapping() } else { visitor.beginSequence() }
                stacks.open[stacks.openCount] = isMapping ? stacks.keyCount : -1
                stacks.openCount += 1
                expectsKey = isMapping
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                stacks.openCount -= 1
                let keysStart = stacks.open[stacks.openCount]
                if keysStart >= 0 { stacks.keyCount = keysStart }
                visitor.end()
                expectsKey = stacks.innermost >= 0
            default:
                // An alias.
                return false
            }
        }
        return false
    }

    /// The most keys a mapping of a plain document has: repeated keys are found by comparing each
    /// key's hash with those before it, which suits front matter, not a data file of thousands.
    public static let maxPlainKeys = 64

    /// Whether the innermost open mapping, whose keys so far have the hashes
    /// `keyHashes[open[openCount - 1]..<keyCount]`, takes a key of these bytes as a plain key,
    /// which it then has. A key whose hash an earlier key has is refused, repeated or not (`load`
    /// then decides): keys are not kept or compared as strings.
    private static func takesKey(_ key: UnsafeBufferPointer<UInt8>, stacks: inout PlainStacks) -> Bool {
        if key.count == 2 && key[0] == UInt8(ascii: "<") && key[1] == UInt8(ascii: "<") { return false }
        let start = stacks.innermost
        guard stacks.keyCount - start < maxPlainKeys, stacks.keyCount < maxPlainOpenKeys else { return false }
        let hash = keyHash(key)
        for index in start..<stacks.keyCount where stacks.keyHashes[index] == hash { return false }
        stacks.keyHashes[stacks.keyCount] = hash
        stacks.keyCount += 1
        return true
    }

    /// A hash of a key's bytes, eight at a time (a byte at a time cost ~100 instructions a key);
    /// its length mixed in first, the last word read overlapping the one before.
    private static func keyHash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = (0xcbf2_9ce4_8422_2325 ^ UInt64(key.count)) &* multiplier
        let raw = UnsafeRawBufferPointer(key)
        if raw.count >= 8 {
            var i = 0
            while i &+ 8 < raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* multiplier
                hash ^= hash >> 29
                i &+= 8
            }
            hash ^= raw.loadUnaligned(fromByteOffset: raw.count &- 8, as: UInt64.self)
        } else {
            for byte in raw { hash = hash << 8 | UInt64(byte) }
        }
        hash = hash &* multiplier
        return hash ^ hash >> 32
    }
}
