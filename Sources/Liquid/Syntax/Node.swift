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
}

extension TagNode {
    public var isBlank: Bool { false }
}

/// One element of a block: literal text, an output `{{ … }}`, or a tag.
public enum Node: Sendable {
    case text(String)
    case output(FilteredExpression, Position)
    case tag(any TagNode, Position)
}

/// A sequence of nodes: the body of a template or of a block tag.
public struct Block: Sendable {
    public internal(set) var nodes: [Node]
    /// True when the block renders nothing but whitespace.
    public internal(set) var isBlank: Bool

    public init() {
        nodes = []
        isBlank = true
    }

    /// Removes whitespace text, for a blank `if`/`for`/`case` body.
    mutating func removeBlankText() {
        nodes.removeAll { if case .text = $0 { return true } else { return false } }
    }
}
