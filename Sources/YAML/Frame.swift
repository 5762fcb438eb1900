/// A sequence or mapping being built, with Psych's rules for its children.
struct Frame {
    let isMapping: Bool
    let kind: Tags.CollectionKind
    let anchor: String?
    /// Where the collection starts, 0-based, for errors about it as a whole.
    let line: Int
    let column: Int

    private var items: [YAMLValue] = []
    private var mapping = YAMLMapping()
    /// A mapping's key waiting for its value: all `addPair` needs of the key's node.
    private var pendingKey: (value: YAMLValue, isStringTagged: Bool)?
    private var size = 1
    private var childHeight = 0
    /// Kept only for the items of an `!!omap`, which need them.
    let tracksEnds: Bool
    private var first: YAMLValue?
    private var last: YAMLValue?
    /// `!!str` mappings: the value under `str`, and whether other keys came with it.
    private var stringObject: YAMLValue?
    private var stringObjectExtraKeys: [YAMLValue] = []

    /// `isRoot`: the document's own collection (front matter's mapping).
    /// `tracksEnds`: the collection is an item of an `!!omap`, which reads its first and last child.
    init(isMapping: Bool, kind: Tags.CollectionKind, anchor: String?, line: Int, column: Int, isRoot: Bool,
         tracksEnds: Bool) {
        self.isMapping = isMapping
        self.tracksEnds = tracksEnds
        self.kind = kind
        self.anchor = anchor
        self.line = line
        self.column = column
        // Room for a small collection (front matter, a list of tags) at once, instead of growing
        // 1, 2, 4, 8; less below the root, where a data file may hold thousands of small mappings.
        let capacity = isRoot ? 8 : 4
        if isMapping { mapping.reserveCapacity(capacity) } else { items.reserveCapacity(capacity) }
    }

    mutating func add(_ node: Loader.Node) throws(ScalarFailure) {
        size += node.size
        childHeight = max(childHeight, node.height)
        if tracksEnds {
            if first == nil { first = node.value }
            last = node.value
        }
        if !isMapping {
            try addItem(node)
        } else if let key = pendingKey {
            pendingKey = nil
            try addPair(key: key, value: node)
        } else {
            pendingKey = (node.value, node.isStringTagged)
        }
    }

    private mutating func addItem(_ node: Loader.Node) throws(ScalarFailure) {
        guard kind == .orderedMap else {
            items.append(node.value)
            return
        }
        // Psych reads each item's first child as the key and its last child as the value.
        guard node.origin == .mapping || node.origin == .sequence, let key = node.first, let value = node.last else {
            throw .invalid("an !!omap item must be a non-empty mapping such as `- key: value`")
        }
        mapping.set(value, for: key)
    }

    private mutating func addPair(key: (value: YAMLValue, isStringTagged: Bool), value: Loader.Node) throws(ScalarFailure) {
        switch kind {
        case .plain, .orderedMap:
            // The length first: comparing each key with "<<" as strings cost ~40 instructions.
            if !key.isStringTagged, case .string(let text) = key.value, text.utf8.count == 2, text == "<<" {
                merge(value)
            } else {
                mapping.set(value.value, for: key.value)
            }
        case .stringObject:
            if key.value == "str" {
                stringObject = value.value
            } else {
                stringObjectExtraKeys.append(key.value)
            }
        case .hashWithIvars:
            if key.value == "elements" {
                guard value.origin == .mapping, case .mapping(let elements) = value.value else {
                    throw .unsupported("!ruby/hash-with-ivars with `elements` that is not a mapping")
                }
                mapping.merge(elements)
            } else if key.value == "ivars" {
                guard value.origin == .mapping, case .mapping(let ivars) = value.value,
                      ivars.keys.allSatisfy(Self.isInstanceVariableName) else {
                    throw .invalid("!ruby/hash-with-ivars `ivars` must map names like @name to values")
                }
            }
        }
    }

    /// Psych's `<<`: a mapping (or alias of one) is merged over the keys so far; a
    /// sequence of mappings is merged with earlier ones winning; anything else, or a
    /// sequence holding a non-mapping, is kept as an ordinary `<<` key.
    private mutating func merge(_ value: Loader.Node) {
        switch value.origin {
        case .mapping, .alias:
            if case .mapping(let other) = value.value {
                mapping.merge(other)
                return
            }
        case .sequence:
            if case .sequence(let list) = value.value {
                var combined = YAMLMapping()
                for item in list.reversed() {
                    guard case .mapping(let other) = item else {
                        mapping.set(value.value, for: "<<")
                        return
                    }
                    combined.merge(other)
                }
                mapping.merge(combined)
                return
            }
            // An `!!omap` sequence became a mapping: Psych merges its pairs, which fails
            // unless it is empty.
            if case .mapping(let other) = value.value, other.isEmpty { return }
        case .scalar:
            break
        }
        mapping.set(value.value, for: "<<")
    }

    func finish() throws(ScalarFailure) -> Loader.Node {
        let value: YAMLValue
        switch kind {
        case .plain:
            value = isMapping ? .mapping(mapping) : .sequence(items)
        case .orderedMap, .hashWithIvars:
            value = .mapping(mapping)
        case .stringObject:
            value = try finishStringObject()
        }
        return Loader.Node(value: value, size: size, height: childHeight + 1,
                           origin: isMapping ? .mapping : .sequence, first: first, last: last)
    }

    /// `!!str {str: text, other: …}` is the text; Psych stores the other keys as instance
    /// variables, which only works on objects Ruby has not frozen and for valid names.
    private func finishStringObject() throws(ScalarFailure) -> YAMLValue {
        let value = stringObject ?? .null
        guard !stringObjectExtraKeys.isEmpty else { return value }
        switch value {
        case .null, .bool, .int, .bigInt, .float:
            throw .invalid("!!str mapping with keys besides `str` needs `str` to be text, a list or a mapping")
        default:
            break
        }
        for key in stringObjectExtraKeys {
            let name: String
            switch key {
            case .string(let text): name = text.hasPrefix("@") ? text : "@" + text
            case .bool(let flag): name = flag ? "@true" : "@false"
            default: name = "@"
            }
            guard Self.isInstanceVariableName(.string(name)) else {
                throw .invalid("!!str mapping key \(key) is not a valid Ruby instance variable name")
            }
        }
        return value
    }

    /// `@` followed by a Ruby identifier.
    private static func isInstanceVariableName(_ key: YAMLValue) -> Bool {
        guard case .string(let text) = key, text.hasPrefix("@") else { return false }
        let name = text.unicodeScalars.dropFirst()
        guard let head = name.first, !("0"..."9").contains(head) else { return false }
        return name.allSatisfy { !$0.isASCII || $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
