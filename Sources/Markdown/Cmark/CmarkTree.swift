import CCmarkGFM
import Foundation

/// A block of cmark-gfm's syntax tree, copied into Swift values so the C tree can be freed at once
/// and the copy walked from any thread.
struct CmarkNode {
    enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case footnoteDefinition, table, tableRow, tableCell
        case inline(InlineKind)
        case other
    }
    enum InlineKind: Equatable {
        case text, softBreak, lineBreak, code, html, emph, strong, link, image, footnoteReference, strikethrough, other
    }

    var kind: Kind
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
    var literal: String?
    var fenceInfo: String?
    var fenced = false
    var headingLevel = 0
    var ordered = false
    var tight = false
    var listStart = 1
    var url: String?
    var title: String?
    var alignments: [UInt8] = []
    var isHeaderRow = false
    var checked = false
    var children: [CmarkNode] = []
}

/// The one lock around cmark-gfm's parser: its inline parser keeps global state
/// (github/cmark-gfm#176). Walking finished trees needs no lock.
let cmarkParserLock = NSLock()

enum Cmark {
    struct Configuration {
        var options: Int32
        var extensions: [String]
    }

    /// kramdown mode: raw HTML allowed, footnotes, `~~` only for strikethrough, and the table,
    /// strikethrough and tasklist extensions (no autolink, no tagfilter, no smart punctuation).
    static let kramdownMode = Configuration(
        options: CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE,
        extensions: ["table", "strikethrough", "tasklist"])

    /// Parses `text` and returns the copied tree (with inline nodes when `inlines` is true).
    static func parse(_ text: String, _ configuration: Configuration, inlines: Bool = false) -> CmarkNode {
        withDocument(text, configuration) { copy($0, inlines: inlines) }
    }

    /// Parses `text` and hands the C document to `body`; the tree is freed afterwards.
    static func withDocument<T>(_ text: String, _ configuration: Configuration,
                                _ body: (OpaquePointer) -> T) -> T {
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(configuration.options)!
        defer { cmark_parser_free(parser) }
        for name in configuration.extensions {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        cmarkParserLock.lock()
        var utf8 = text
        utf8.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { cbuf in
                cmark_parser_feed(parser, cbuf.baseAddress, cbuf.count)
            }
        }
        let document = cmark_parser_finish(parser)!
        cmarkParserLock.unlock()
        defer { cmark_node_free(document) }
        return body(document)
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String? {
        p.map { String(cString: $0) }
    }

    static func kind(of node: OpaquePointer) -> CmarkNode.Kind {
        let t = cmark_node_get_type(node)
        switch t {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .inline(.text)
        case CMARK_NODE_SOFTBREAK: return .inline(.softBreak)
        case CMARK_NODE_LINEBREAK: return .inline(.lineBreak)
        case CMARK_NODE_CODE: return .inline(.code)
        case CMARK_NODE_HTML_INLINE: return .inline(.html)
        case CMARK_NODE_EMPH: return .inline(.emph)
        case CMARK_NODE_STRONG: return .inline(.strong)
        case CMARK_NODE_LINK: return .inline(.link)
        case CMARK_NODE_IMAGE: return .inline(.image)
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .inline(.footnoteReference)
        default:
            if t == kyll_node_type_table() { return .table }
            if t == kyll_node_type_table_row() { return .tableRow }
            if t == kyll_node_type_table_cell() { return .tableCell }
            if t == kyll_node_type_strikethrough() { return .inline(.strikethrough) }
            // The tasklist extension turns list items into its own node type.
            if String(cString: cmark_node_get_type_string(node)) == "tasklist" { return .item }
            return .other
        }
    }

    static func copy(_ node: OpaquePointer, inlines: Bool) -> CmarkNode {
        let kind = kind(of: node)
        var n = CmarkNode(kind: kind,
                          startLine: Int(cmark_node_get_start_line(node)),
                          startColumn: Int(cmark_node_get_start_column(node)),
                          endLine: Int(cmark_node_get_end_line(node)),
                          endColumn: Int(cmark_node_get_end_column(node)))
        switch kind {
        case .codeBlock:
            n.literal = string(cmark_node_get_literal(node))
            n.fenceInfo = string(cmark_node_get_fence_info(node))
            var length: Int32 = 0, offset: Int32 = 0
            var ch: CChar = 0
            n.fenced = cmark_node_get_fenced(node, &length, &offset, &ch) != 0
        case .htmlBlock, .inline(.text), .inline(.code), .inline(.html), .footnoteDefinition,
             .inline(.footnoteReference):
            n.literal = string(cmark_node_get_literal(node))
        case .heading:
            n.headingLevel = Int(cmark_node_get_heading_level(node))
        case .list:
            n.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            n.tight = cmark_node_get_list_tight(node) != 0
            n.listStart = Int(cmark_node_get_list_start(node))
        case .item:
            n.checked = cmark_gfm_extensions_get_tasklist_item_checked(node)
        case .inline(.link), .inline(.image):
            n.url = string(cmark_node_get_url(node))
            n.title = string(cmark_node_get_title(node))
        case .table:
            let count = Int(cmark_gfm_extensions_get_table_columns(node))
            if let al = cmark_gfm_extensions_get_table_alignments(node) {
                n.alignments = (0..<count).map { al[$0] }
            }
        case .tableRow:
            n.isHeaderRow = cmark_gfm_extensions_get_table_row_is_header(node) != 0
        default:
            break
        }
        var child = cmark_node_first_child(node)
        while let c = child {
            if inlines || !isInline(cmark_node_get_type(c)) {
                n.children.append(copy(c, inlines: inlines))
            }
            child = cmark_node_next(c)
        }
        return n
    }

    private static func isInline(_ t: cmark_node_type) -> Bool {
        (t.rawValue & UInt32(CMARK_NODE_TYPE_MASK)) == UInt32(CMARK_NODE_TYPE_INLINE)
    }
}
