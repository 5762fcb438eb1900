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
    var provenance = Provenance()

    /// A list `BlockSkeleton` left out, put back from what the skeleton read of its lines
    /// (`DroppedLines`): each line an item at the line's start — a marker, one space, then text
    /// that opens no block — or, in a bullet list, an item two spaces in of the list nested in
    /// the item before.
    var shapedBySkeleton: Bool { provenance.shapedBySkeleton }

    /// Where a block came from, not part of the tree: always equal, so that `CmarkBlock`'s
    /// synthesized `==` compares the tree alone (`BlockSkeletonCheck.keepsBlockTree` compares a
    /// tree put back with cmark's own) and still compares every field added to it later.
    struct Provenance: Equatable {
        var shapedBySkeleton = false

        static var skeleton: Self { Self(shapedBySkeleton: true) }

        static func == (_: Self, _: Self) -> Bool { true }
    }
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
    /// cmark is given the source shortened (`BlockSkeleton`) unless `shortening` is off: the
    /// tree is the same, and only the tree is read.
    /// `laterLineStarts` as `BlockSkeleton.shortened` takes them.
    init(parsing source: Bytes, shortening: Bool = true, laterLineStarts: [Int]? = nil) {
        self = Self.parsed(source, shortening: shortening, laterLineStarts: laterLineStarts).tree
    }

    /// The tree of `source` as `init(parsing:shortening:laterLineStarts:)` makes it, and how many
    /// times cmark parsed (twice when a block left out was inside another after all).
    static func parsed(_ source: Bytes, shortening: Bool = true, laterLineStarts: [Int]? = nil) -> (tree: CmarkBlockTree, parses: Int) {
        // room for a page's blocks at once instead of a new buffer at each doubling: prose has a
        // block every few hundred bytes, a list two for each item's line
        let capacity = max(64, source.count / 64)
        guard shortening, let skeleton = BlockSkeleton.shortened(source, laterLineStarts: laterLineStarts) else {
            return (Cmark.withBlockTree(source, options: kramdownOptions) { CmarkBlockTree(document: $0, capacity: capacity) }, 1)
        }
        let dropped = DroppedLines(skeleton.dropped, nestedItemLines: skeleton.nestedItemLines, sourceLineCount: skeleton.sourceLineCount)
        if let tree = Cmark.withBlockTree(skeleton.bytes, options: kramdownOptions, {
            CmarkBlockTree(document: $0, capacity: capacity, dropped: dropped)
        }) {
            return (tree, 1)
        }
        // a line left out was inside a block after all: the lines kept this time
        let parsed = BlockSkeleton.shortened(source, laterLineStarts: laterLineStarts, droppingBlocks: false)?.bytes ?? source
        return (Cmark.withBlockTree(parsed, options: kramdownOptions) { CmarkBlockTree(document: $0, capacity: capacity) }, 2)
    }

    /// The tree of `document`, parsed from a source without the lines of `dropped`: their
    /// blocks put back between the top-level blocks, the other blocks' lines counted as in
    /// the whole source. Nil when a block spans a line left out (its block was another there).
    private init?(document: OpaquePointer, capacity: Int, dropped: DroppedLines) {
        var nodes: [OpaquePointer?] = []
        nodes.reserveCapacity(capacity)
        blocks.reserveCapacity(capacity)
        guard let top = appendTopLevel(of: document, &nodes, dropped) else { return nil }
        self.top = top
        appendDescendants(&nodes, dropped)
    }

    private init(document: OpaquePointer, capacity: Int) {
        var nodes: [OpaquePointer?] = []
        nodes.reserveCapacity(capacity)
        blocks.reserveCapacity(capacity)
        top = appendChildren(of: document, &nodes, [])
        appendDescendants(&nodes, nil)
    }

    /// Appends the children of every container, each container's together when its turn comes
    /// (`nodes` are the cmark nodes of the blocks so far, nil for those of a block left out).
    private mutating func appendDescendants(_ nodes: inout [OpaquePointer?], _ dropped: DroppedLines?) {
        let sourceLines = dropped?.sourceLines ?? []
        var i = 0
        while i < blocks.count {
            switch blocks[i].kind {
            case .blockQuote, .list, .item, .footnoteDefinition:
                let range = nodes[i].map { appendChildren(of: $0, &nodes, sourceLines) } ?? appendLeftOutChildren(of: blocks[i], &nodes, dropped)
                blocks[i].children = range
            default: break
            }
            i += 1
        }
    }

    /// Appends the document's children and the blocks left out between them, in line order;
    /// nil when a child spans a block left out.
    private mutating func appendTopLevel(of document: OpaquePointer, _ nodes: inout [OpaquePointer?],
                                         _ dropped: DroppedLines) -> Range<Int>? {
        let start = blocks.count
        var next = 0
        // the end of the last block appended, which a block left out must start after
        var lastEnd = -1
        func appendDropped(before line: Int) -> Bool {
            while next < dropped.count, dropped.line(next) < line {
                guard dropped.line(next) > lastEnd else { return false }
                let block = dropped.block(next)
                blocks.append(block)
                nodes.append(nil)
                lastEnd = block.endLine
                next += 1
            }
            return true
        }
        var child = cmark_node_first_child(document)
        while let c = child {
            if var block = Self.block(c) {
                // cmark ends an HTML block that closes on a line (`-->`) on the line before
                // (two before, after a blank line): such a block may reach two lines further
                let reach = block.kind == .htmlBlock && Self.mayEndOnAMarkerLine(c) ? Self.sourceLine(block.endLine + 2, dropped.sourceLines) : nil
                Self.mapLines(&block, dropped.sourceLines)
                guard appendDropped(before: block.startLine) else { return nil }
                blocks.append(block)
                nodes.append(c)
                lastEnd = max(block.endLine, reach ?? block.endLine)
            }
            child = cmark_node_next(c)
        }
        guard appendDropped(before: Int.max) else { return nil }
        return start..<blocks.count
    }

    /// Appends the children cmark gives a block of a list left out (`BlockSkeleton`): an item
    /// on each of a list's lines (and the lines of the list nested in it), a paragraph on an
    /// item's line and the list nested in it.
    private mutating func appendLeftOutChildren(of block: CmarkBlock, _ nodes: inout [OpaquePointer?],
                                                _ dropped: DroppedLines?) -> Range<Int> {
        let start = blocks.count
        if block.kind == .item {
            blocks.append(CmarkBlock(kind: .paragraph, startLine: block.startLine, endLine: block.startLine))
            nodes.append(nil)
            if block.endLine > block.startLine {
                blocks.append(CmarkBlock(kind: .list, startLine: block.startLine + 1, endLine: block.endLine, provenance: .skeleton))
                nodes.append(nil)
            }
            return start..<blocks.count
        }
        // (a nested list's lines are all its items')
        let isNested = dropped?.isNestedItem(block.startLine) ?? false
        var line = block.startLine
        while line <= block.endLine {
            var end = line
            while !isNested, end < block.endLine, dropped?.isNestedItem(end + 1) == true { end += 1 }
            blocks.append(CmarkBlock(kind: .item, startLine: line, endLine: end))
            nodes.append(nil)
            line = end + 1
        }
        return start..<blocks.count
    }

    private mutating func appendChildren(of node: OpaquePointer, _ nodes: inout [OpaquePointer?],
                                         _ sourceLines: [Int]) -> Range<Int> {
        let start = blocks.count
        var child = cmark_node_first_child(node)
        while let c = child {
            if var block = Self.block(c) {
                if !sourceLines.isEmpty { Self.mapLines(&block, sourceLines) }
                blocks.append(block)
                nodes.append(c)
            }
            child = cmark_node_next(c)
        }
        return start..<blocks.count
    }

    /// Whether an HTML block may be of a kind that ends on the line holding an end marker
    /// (`</script>`, `-->`, `?>`, `>`, `]]>`: cmark's kinds 1 to 5), which cmark ends on the line
    /// before; the other kinds end before a blank line, where cmark ends them. Its first line
    /// tells: `<!`, `<?`, or `<` and `script`, `pre`, `style` or `textarea` in any case.
    private static func mayEndOnAMarkerLine(_ htmlBlock: OpaquePointer) -> Bool {
        guard let literal = cmark_node_get_literal(htmlBlock) else { return true }
        return literal.withMemoryRebound(to: UInt8.self, capacity: 1) { text in
            var i = 0
            while text[i] == Byte.space { i += 1 }
            guard text[i] == Byte.lt else { return true }
            i += 1
            if text[i] == Byte.bang || text[i] == Byte.question { return true }
            return rawTextTagNames.contains { name in
                // (the text ends with a NUL, which matches no letter of a name)
                for (k, letter) in name.enumerated() where text[i + k] | 0x20 != letter { return false }
                let after = text[i + name.count]
                return after == Byte.space || after == Byte.tab || after == Byte.gt || after == Byte.newline || after == Byte.cr || after == 0
            }
        }
    }

    private static let rawTextTagNames: [[UInt8]] = ["script", "pre", "style", "textarea"].map { Array($0.utf8) }

    /// The block's lines in the source, from those in a shortened source whose lines are
    /// `sourceLines`. A block that ends before it starts (an HTML block that closes on its first
    /// line ends, to cmark, on the line before) ends as far before its start in the source.
    private static func mapLines(_ block: inout CmarkBlock, _ sourceLines: [Int]) {
        let start = sourceLine(block.startLine, sourceLines)
        block.endLine = block.endLine < block.startLine ? start - (block.startLine - block.endLine) : sourceLine(block.endLine, sourceLines)
        block.startLine = start
    }

    /// The source line of line `line` of a shortened source whose lines are `sourceLines`.
    private static func sourceLine(_ line: Int, _ sourceLines: [Int]) -> Int {
        guard line >= 0 else { return line }
        return line < sourceLines.count ? sourceLines[line] : line - sourceLines.count + (sourceLines.last ?? -1) + 1
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

/// The blocks `BlockSkeleton` left out of cmark's source, each with the blank line after it,
/// and the source line of each line of cmark's source.
struct DroppedLines {
    private let dropped: [BlockSkeleton.DroppedBlock]
    /// The source lines of the items of lists nested in lists left out, in order.
    private let nestedItemLines: [Int]
    /// The source line of each line of cmark's source (empty when nothing was left out).
    let sourceLines: [Int]

    init(_ dropped: [BlockSkeleton.DroppedBlock], nestedItemLines: [Int], sourceLineCount: Int) {
        self.dropped = dropped
        self.nestedItemLines = nestedItemLines
        guard !dropped.isEmpty else {
            sourceLines = []
            return
        }
        var lines: [Int] = []
        lines.reserveCapacity(sourceLineCount)
        var line = 0
        for block in dropped {
            while line < block.line {
                lines.append(line)
                line += 1
            }
            line += block.lineCount
        }
        while line < sourceLineCount {
            lines.append(line)
            line += 1
        }
        sourceLines = lines
    }

    /// Whether source line `line` is an item of a list nested in a list left out.
    func isNestedItem(_ line: Int) -> Bool {
        var lo = 0, hi = nestedItemLines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if nestedItemLines[mid] < line { lo = mid + 1 } else { hi = mid }
        }
        return lo < nestedItemLines.count && nestedItemLines[lo] == line
    }
    var count: Int { dropped.count }
    /// The first source line of block `k`.
    func line(_ k: Int) -> Int { dropped[k].line }

    /// Block `k`, as cmark gives it.
    func block(_ k: Int) -> CmarkBlock {
        let d = dropped[k]
        // the last line before the blank one
        let end = d.line + d.lineCount - 2
        switch d.kind {
        case .paragraph: return CmarkBlock(kind: .paragraph, startLine: d.line, endLine: end)
        case .heading(let level): return CmarkBlock(kind: .heading, startLine: d.line, endLine: end, headingLevel: level)
        case .fencedCode: return CmarkBlock(kind: .codeBlock, startLine: d.line, endLine: end, fenced: true)
        case .tightList(let marker):
            return CmarkBlock(kind: .list, startLine: d.line, endLine: end, ordered: marker == Byte.dot || marker == Byte.rparen,
                              parenDelimiter: marker == Byte.rparen, provenance: .skeleton)
        }
    }
}
