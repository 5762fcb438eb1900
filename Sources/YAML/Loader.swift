import CYAML

/// Builds values from libyaml's events with an explicit stack (no recursion, so no
/// stack overflow however deep the input), the way Psych's `ToRuby` visitor builds Ruby
/// objects: anchors registered when a collection starts, scalars resolved by Psych's
/// rules, `<<` merge keys applied as Psych applies them.
///
/// Errors Psych raises while converting (after parsing the whole document) are held
/// until the document has been parsed, so a syntax error later in the same document
/// wins, as in Psych. Limit errors stop at once.
struct Loader {
    enum Origin { case scalar, alias, sequence, mapping }

    /// A finished node, as its parent receives it.
    struct Node {
        var value: YAMLValue
        /// Nodes in this subtree, counting each alias as a copy of its target.
        var size: Int
        /// Collection levels at and below this node (0 for a scalar).
        var height: Int
        var origin: Origin
        /// Tagged `!!str`: such a `<<` key is an ordinary key, not a merge.
        var isStringTagged = false
        /// A collection's first and last child in document order (for `!!omap`).
        var first: YAMLValue? = nil
        var last: YAMLValue? = nil
    }

    enum Anchor {
        /// Named by the collection at this stack depth, still being built.
        case open(depth: Int)
        case closed(Node)
    }

    let parser: EventParser
    let file: String?
    let firstLine: Int
    let limits: YAMLLimits

    var frames: [Frame] = []
    var anchors: [String: Anchor] = [:]
    var expansion = 0
    var root: YAMLValue?
    var heldError: YAMLError?
    /// Whether `heldError` is set: asked on every event, where testing the optional copied the error.
    var holdsError = false

    init(parser: EventParser, file: String?, firstLine: Int, limits: YAMLLimits) {
        self.parser = parser
        self.file = file
        self.firstLine = firstLine
        self.limits = limits
    }

    /// The next document's value, or nil when the stream has no more documents.
    /// An empty document is `.null`.
    mutating func nextDocument() throws(YAMLError) -> YAMLValue? {
        while true {
            guard parser.advance() else { throw syntaxError() }
            switch parser.eventType {
            case YAML_STREAM_START_EVENT:
                continue
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                frames.removeAll()
                anchors.removeAll()
                expansion = 0
                root = nil
            case YAML_DOCUMENT_END_EVENT:
                if let heldError { throw heldError }
                return root ?? .null
            default:
                guard !holdsError else { continue }
                do {
                    try handleNodeEvent()
                } catch {
                    switch error {
                    case .held(let error):
                        heldError = error
                        holdsError = true
                    case .immediate(let error): throw error
                    }
                }
            }
        }
    }

    enum Failure: Error {
        /// Psych raises it while converting: report it unless parsing fails first.
        case held(YAMLError)
        /// A resource limit: stop now.
        case immediate(YAMLError)
    }

    private mutating func handleNodeEvent() throws(Failure) {
        let event = parser.event.pointee
        switch parser.eventType {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            let tag = scalar.tag.map { String(cString: $0) }
            let value: YAMLValue
            do {
                if scalar.quoted_implicit != 0 {
                    value = .string(PlainScalar.makeString(text))
                } else if let tag {
                    value = try Tags.resolveScalar(tag: tag, text: text)
                } else {
                    value = try PlainScalar.resolve(text)
                }
            } catch {
                throw .held(scalarError(error, text: text, tag: tag))
            }
            let node = Node(value: value, size: 1, height: 0, origin: .scalar, isStringTagged: tag == Tags.yamlString)
            if let anchor = scalar.anchor { anchors[String(cString: anchor)] = .closed(node) }
            try deliver(node)
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            try deliverAlias(named: name)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            let tag = start.tag.map { String(cString: $0) }
            try push(isMapping: false, tag: tag, anchor: start.anchor.map { String(cString: $0) })
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            let tag = start.tag.map { String(cString: $0) }
            try push(isMapping: true, tag: tag, anchor: start.anchor.map { String(cString: $0) })
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try pop()
        default:
            break
        }
    }

    private mutating func push(isMapping: Bool, tag: String?, anchor: String?) throws(Failure) {
        guard frames.count < limits.maxDepth else {
            throw .immediate(error(.depthLimit, "collections are nested more than \(limits.maxDepth) levels deep"))
        }
        let kind: Tags.CollectionKind
        do {
            kind = try isMapping ? Tags.mappingKind(tag: tag) : Tags.sequenceKind(tag: tag)
        } catch {
            throw .held(scalarError(error, text: nil, tag: tag))
        }
        let position = parser.eventStart
        var tracksEnds = false
        if let top = frames.indices.last {
            // Read in place: copying the whole parent frame out would retain all it holds.
            tracksEnds = !frames[top].isMapping && frames[top].kind == .orderedMap
        } else if frames.capacity == 0 {
            frames.reserveCapacity(4)
        }
        // Made in the array: a local frame appended was copied and then destroyed (~330 instructions).
        frames.append(Frame(isMapping: isMapping, kind: kind, anchor: anchor, line: position.line, column: position.column,
                            isRoot: frames.isEmpty, tracksEnds: tracksEnds))
        if let anchor { anchors[anchor] = .open(depth: frames.count - 1) }
    }

    private mutating func pop() throws(Failure) {
        let frame = frames.removeLast()
        let node: Node
        do {
            node = try frame.finish()
        } catch {
            throw .held(locatedError(error, line: frame.line, column: frame.column, tag: nil))
        }
        if let anchor = frame.anchor, case .open(let depth) = anchors[anchor], depth == frames.count {
            anchors[anchor] = .closed(node)
        }
        try deliver(node)
    }

    private mutating func deliverAlias(named name: String) throws(Failure) {
        guard let anchor = anchors[name] else {
            throw .held(error(.unknownAlias(name), "unknown alias *\(name): no anchor &\(name) before it in this document"))
        }
        guard case .closed(let target) = anchor else {
            throw .held(error(.recursiveAlias(name),
                              "alias *\(name) is inside the collection &\(name) it names; recursive data cannot be loaded"))
        }
        expansion += target.size
        guard expansion <= limits.maxAliasExpansion else {
            throw .immediate(error(.aliasExpansionLimit,
                                   "aliases expand to more than \(limits.maxAliasExpansion) nodes (an alias bomb?)"))
        }
        guard frames.count + target.height <= limits.maxDepth else {
            throw .immediate(error(.depthLimit,
                                   "alias *\(name) nests collections more than \(limits.maxDepth) levels deep"))
        }
        try deliver(Node(value: target.value, size: target.size, height: target.height, origin: .alias))
    }

    private mutating func deliver(_ node: Node) throws(Failure) {
        guard !frames.isEmpty else {
            root = node.value
            return
        }
        do {
            try frames[frames.count - 1].add(node)
        } catch {
            throw .held(self.error(kind(of: error), message(of: error, tag: nil)))
        }
    }
}
