import CCmarkGFM

/// One block node of cmark-gfm's tree as a plain value: what the kramdown block builder needs of it
/// (its kind, its lines in the source, list and fence data, where its children are).
struct CmarkBlock: Equatable {
    enum Kind: Equatable {
        case paragraph, heading, thematicBreak, codeBlock, htmlBlock, blockQuote, list, item
        case footnoteDefinition, other
    }

    var kind: Kind
    /// 0-based source lines, both inclusive.
    var startLine: Int
    var endLine: Int
    /// The node's children in `CmarkBlockTree.blocks` (containers only; empty for leaves).
    var children: Range<Int> = 0..<0
    var headingLevel = 0
    var ordered = false
    var parenDelimiter = false
    var fenced = false
}

/// cmark-gfm's block tree copied out while the parser's document is alive, so it can be walked
/// without holding cmark memory: every node in one array, each node's children side by side
/// (breadth first), so a node is a plain value and a list of children a range.
struct CmarkBlockTree: Equatable {
    private(set) var blocks: [CmarkBlock] = []
    /// The document's children.
    private(set) var top: Range<Int> = 0..<0

    subscript(i: Int) -> CmarkBlock { blocks[i] }

    init() {}

    /// The options kramdown mode parses with (FINDINGS.md §4): raw HTML kept, source positions;
    /// no footnotes (kramdown's grammar reads their definitions, and without the inline pass
    /// cmark's footnote passes only walk the tree to unlink them); no autolinks, no tag filter
    /// and no smart punctuation, which kramdown does its own way. No GFM extensions either: only
    /// blocks are taken from the tree, kramdown's grammar reads tables, task lists are marked on
    /// kramdown's items, strikethrough is inline — and a parser without them needs no lock.
    static let kramdownOptions = CMARK_OPT_UNSAFE | CMARK_OPT_SOURCEPOS

    /// Parses `source` with cmark-gfm (blocks only, `Cmark.withBlockTree`) and copies its tree;
    /// cmark is given the source with long lines shortened (`BlockSkeleton`) unless `shortening`
    /// is off: the tree is the same, and only the tree is read.
    /// `laterLineStarts` as `BlockSkeleton.shortened` takes them.
    init(parsing source: Bytes, shortening: Bool = true, laterLineStarts: [Int]? = nil) {
        let parsed = shortening ? BlockSkeleton.shortened(source, laterLineStarts: laterLineStarts) ?? source : source
        // room for a page's blocks at once instead of a new buffer at each doubling: prose has a
        // block every few hundred bytes, a list two for each item's line
        let capacity = max(64, source.count / 64)
        self = Cmark.withBlockTree(parsed, options: Self.kramdownOptions) { CmarkBlockTree(document: $0, capacity: capacity) }
    }

    private init(document: OpaquePointer, capacity: Int) {
        // each container's children are appended together when the container's turn comes
        var nodes: [OpaquePointer] = []
        nodes.reserveCapacity(capacity)
        blocks.reserveCapacity(capacity)
        top = appendChildren(of: document, &nodes)
        var i = 0
        while i < blocks.count {
            switch blocks[i].kind {
            case .blockQuote, .list, .item, .footnoteDefinition:
                let range = appendChildren(of: nodes[i], &nodes)
                blocks[i].children = range
            default: break
            }
            i += 1
        }
    }

    private mutating func appendChildren(of node: OpaquePointer, _ nodes: inout [OpaquePointer]) -> Range<Int> {
        let start = blocks.count
        var child = cmark_node_first_child(node)
        while let c = child {
            if let block = Self.block(c) {
                blocks.append(block)
                nodes.append(c)
            }
            child = cmark_node_next(c)
        }
        return start..<blocks.count
    }

    private static func block(_ node: OpaquePointer) -> CmarkBlock? {
        let type = cmark_node_get_type(node)
        var kind: CmarkBlock.Kind
        switch type {
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_CODE_BLOCK: kind = .codeBlock
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST: kind = .list
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_FOOTNOTE_DEFINITION: kind = .footnoteDefinition
        default:
            // another block type (none today: kramdown mode attaches no GFM extension)
            guard type.rawValue & 0xC000 == 0x8000 else { return nil }
            kind = .other
        }
        var b = CmarkBlock(kind: kind, startLine: Int(cmark_node_get_start_line(node)) - 1,
                           endLine: Int(cmark_node_get_end_line(node)) - 1)
        // cmark ends some blocks (setext headings, indented code) at column 0 of the line after
        if cmark_node_get_end_column(node) == 0, b.endLine > b.startLine { b.endLine -= 1 }
        switch kind {
        case .heading: b.headingLevel = Int(cmark_node_get_heading_level(node))
        case .list:
            b.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            b.parenDelimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM
        case .codeBlock:
            var length: Int32 = 0, offset: Int32 = 0
            var char: CChar = 0
            b.fenced = cmark_node_get_fenced(node, &length, &offset, &char) != 0
        default: break
        }
        return b
    }
}
