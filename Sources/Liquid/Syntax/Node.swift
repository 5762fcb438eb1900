/// Where a node starts in its template (the template's name is known to whoever renders it).
public struct Position: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A rendered tag: what a `TagParser` builds. Built-in and host tags alike.
public protocol TagNode: Sendable {
    /// Whether the tag produces no output (`assign`, `capture`, `comment`…). Blocks made only of
    /// blank tags and whitespace drop their whitespace, as ruby-liquid's do.
    var isBlank: Bool { get }

    /// Appends the tag's output.
    func render(into output: inout OutputBuffer, context: RenderContext) throws

    /// The tag as an `AnalyzableTag`, when it is one. Asked instead of `as? any AnalyzableTag`:
    /// the first such cast of each tag type scanned every protocol conformance record of the
    /// program (~120,000 instructions each, ~4 % of a small site's build).
    var analyzable: (any AnalyzableTag)? { get }
}

extension TagNode {
    public var isBlank: Bool { false }
    public var analyzable: (any AnalyzableTag)? { nil }
}

/// One element of a block: literal text, an output `{{ … }}`, or a tag.
public enum Node: Sendable {
    case text(String)
    case output(FilteredExpression, Position)
    case tag(any TagNode, Position)
}

/// A sequence of nodes: the body of a template or of a block tag.
public struct Block: Sendable {
    /// The nodes as rendered: one object each, so walking them costs no copies.
    var program: [RenderNode]
    /// True when the block renders nothing but whitespace.
    public internal(set) var isBlank: Bool

    public init() {
        program = []
        isBlank = true
    }

    /// The nodes, for inspection.
    public var nodes: [Node] { program.map(\.node) }

    mutating func append(_ node: Node) {
        switch node {
        case .text(let s): program.append(TextNode(s))
        case .output(let e, let p): program.append(OutputNode(e, p))
        case .tag(let t, let p): program.append(TagNodeBox(t, p))
        }
    }

    /// The last node's text, when the last node is text.
    var lastText: Substring? { (program.last as? TextNode)?.text }

    mutating func appendText(_ text: Substring) {
        program.append(TextNode(text))
    }

    /// Replaces the last node (text) by this text, or removes it when nil.
    mutating func replaceLastText(with text: Substring?) {
        program.removeLast()
        if let text { program.append(TextNode(text)) }
    }

    /// Removes whitespace text, for a blank `if`/`for`/`case` body.
    mutating func removeBlankText() {
        program.removeAll { $0 is TextNode }
    }
}

/// A node ready to render. Subclasses are immutable.
class RenderNode: @unchecked Sendable {
    var node: Node { fatalError("subclass") }
    func run(into output: inout OutputBuffer, context: RenderContext) throws {}
}

final class TextNode: RenderNode, @unchecked Sendable {
    /// The template's source and where the text is in it (no copy made when parsing; kept apart
    /// rather than as a `Substring`, whose generic contiguous-storage access cost more per render
    /// than copying the bytes).
    private let source: String
    private let start: Int
    let byteCount: Int
    /// The text's first byte, in the source's own storage, which does not move while the node
    /// holds the source: found once, not on every render (~30 instructions of a text's ~80).
    /// Nil for a small source, whose bytes are only lent out from a copy.
    private let bytes: UnsafePointer<UInt8>?

    init(_ text: String) {
        source = text
        start = 0
        byteCount = text.utf8.count
        bytes = UTF8Text.storedBytes(of: text)
    }

    init(_ text: Substring) {
        source = text.base
        let start = text.utf8.distance(from: text.base.utf8.startIndex, to: text.startIndex)
        self.start = start
        byteCount = text.utf8.count
        bytes = UTF8Text.storedBytes(of: text.base).map { $0 + start }
    }

    /// The text, a slice of the source.
    var text: Substring {
        let utf8 = source.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        return source[from..<utf8.index(from, offsetBy: byteCount)]
    }

    override var node: Node { .text(String(text)) }

    override func run(into output: inout OutputBuffer, context: RenderContext) throws {
        if let bytes {
            output.append(bytes: bytes, count: byteCount)
            return
        }
        let done: Void? = source.utf8.withContiguousStorageIfAvailable {
            output.append(bytes: $0.baseAddress! + start, count: byteCount)
        }
        if done == nil { output.append(text) }
    }
}

final class OutputNode: RenderNode, @unchecked Sendable {
    let expression: FilteredExpression
    let position: Position
    init(_ expression: FilteredExpression, _ position: Position) {
        self.expression = expression
        self.position = position
    }
    override var node: Node { .output(expression, position) }
    override func run(into output: inout OutputBuffer, context: RenderContext) throws {
        do {
            // A filtered output that reads nothing of the page (`{{ '/x' | relative_url }}`) may
            // be the host's value from an earlier render.
            if expression.mayBeReused, let memo = context.session.options.assignedValues, expression.isRepeatedOutput {
                output.append(value: try memo.value(of: expression, in: context))
            } else {
                output.append(value: try expression.evaluate(context))
            }
        } catch {
            try context.handle(error, at: position, blankTag: false, output: &output)
        }
    }
}

final class TagNodeBox: RenderNode, @unchecked Sendable {
    let tag: any TagNode
    let position: Position
    let isBlankTag: Bool
    init(_ tag: any TagNode, _ position: Position) {
        self.tag = tag
        self.position = position
        self.isBlankTag = tag.isBlank
    }
    override var node: Node { .tag(tag, position) }
    override func run(into output: inout OutputBuffer, context: RenderContext) throws {
        context.currentPosition = position
        do {
            try tag.render(into: &output, context: context)
        } catch {
            try context.handle(error, at: position, blankTag: isBlankTag, output: &output)
        }
    }
}
