import CCmarkGFM

/// cmark-gfm's block tree as plain values: what the kramdown block builder needs of each block
/// node (its kind, its lines in the source, list and fence data), copied out while the parser's
/// document is alive so the tree can be walked without holding cmark memory.
struct CmarkBlock {
    enum Kind: Equatable {
        case paragraph, heading, thematicBreak, codeBlock, htmlBlock, blockQuote, list, item
        case footnoteDefinition, other
    }

    var kind: Kind
    /// 0-based source lines, both inclusive.
    var startLine: Int
    var endLine: Int
    var children: [CmarkBlock] = []
    var headingLevel = 0
    var ordered = false
    var parenDelimiter = false
    var fenced = false
    var fenceInfo = ""

    /// The options kramdown mode parses with (FINDINGS.md §4): raw HTML kept, source positions,
    /// footnotes; no autolinks, no tag filter and no smart punctuation, which kramdown does its own
    /// way. No GFM extensions either: only blocks are taken from the tree, kramdown's grammar reads
    /// tables (their nodes were handed to it anyway), task lists are marked on kramdown's items,
    /// strikethrough is inline — and a parser without extensions needs no lock.
    static let kramdownOptions = CMARK_OPT_UNSAFE | CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES

    /// Parses `source` with cmark-gfm and returns the document's block children.
    /// Inlines are not parsed (`Cmark.withBlockTree`).
    static func parse(_ source: Bytes) -> [CmarkBlock] {
        Cmark.withBlockTree(source, options: kramdownOptions) { children(of: $0) }
    }

    private static func children(of node: OpaquePointer) -> [CmarkBlock] {
        var out: [CmarkBlock] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            if let block = block(c) { out.append(block) }
            child = cmark_node_next(c)
        }
        return out
    }

    private static func block(_ node: OpaquePointer) -> CmarkBlock? {
        let type = cmark_node_get_type(node)
        var kind: Kind
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
            // another block type (none today: kramdown mode attaches no extension)
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
            b.fenceInfo = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        default: break
        }
        if kind == .blockQuote || kind == .list || kind == .item || kind == .footnoteDefinition {
            b.children = children(of: node)
        }
        return b
    }
}
