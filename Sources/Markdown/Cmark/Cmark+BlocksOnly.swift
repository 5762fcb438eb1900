import CCmarkGFM

/// cmark-gfm's block structure without its inline pass, for kramdown mode (which reads spans with
/// kramdown's own grammar and uses only the blocks and their source lines).
///
/// cmark-gfm has no blocks-only option: `cmark_parser_finish` parses the inlines of every paragraph
/// and heading, then walks every node again (text-node consolidation, the footnote passes) and the
/// document is freed node by node — on the shared cases about half of cmark's time, for nodes
/// nobody reads. The inline pass asks a node's syntax extension whether the node contains inlines,
/// so every paragraph and heading is tagged, after the last line has been fed and before the
/// finish, with a private extension that answers no. The block parse itself is untouched: lines
/// are all fed before the tagging (the finish feeds none when the text ends with a newline), and
/// the finish's paragraph finalisation (link reference definitions, sourcepos ends) does not look
/// at extensions.
///
/// The extension has no inline characters, so attaching it changes none of cmark's global state
/// and needs no lock; it lives for one parse. Its block-opening hook opens nothing: it only records
/// the document node (cmark has no other way to hand out the root before the finish).
extension Cmark {
    /// Parses `source` with `options` and no extensions, and hands the document (blocks only, when
    /// `source` ends with a newline) to `body`; everything is freed afterwards (the parse's memory
    /// comes from `CmarkArena`).
    static func withBlockTree<T>(_ source: Bytes, options: Int32, _ body: (OpaquePointer) -> T) -> T {
        CmarkArena.withArena { memory in withBlockTree(source, options: options, memory: memory, body) }
    }

    private static func withBlockTree<T>(_ source: Bytes, options: Int32, memory: UnsafeMutablePointer<cmark_mem>,
                                         _ body: (OpaquePointer) -> T) -> T {
        let parser = cmark_parser_new_with_mem(options, memory)!
        let blocksOnly = cmark_syntax_extension_new("kyll-blocks-only")!
        let root = UnsafeMutablePointer<OpaquePointer?>.allocate(capacity: 1)
        root.initialize(to: nil)
        defer {
            cmark_parser_free(parser)
            cmark_syntax_extension_free(cmark_get_default_mem_allocator(), blocksOnly)
            root.deallocate()
        }
        cmark_syntax_extension_set_private(blocksOnly, UnsafeMutableRawPointer(root), nil)
        cmark_syntax_extension_set_open_block_func(blocksOnly, recordDocument)
        cmark_syntax_extension_set_contains_inlines_func(blocksOnly, { _, _ in 0 })
        cmark_parser_attach_syntax_extension(parser, blocksOnly)
        source.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        if source.last == Byte.newline, let document = root.pointee { tagInlineContainers(document, blocksOnly) }
        let document = cmark_parser_finish(parser)!
        // an arena's memory is dropped whole when the parse is over (`CmarkArena`): its `free`
        // does nothing, so the nodes need not be walked to be freed one by one
        defer { if memory == cmark_get_default_mem_allocator() { cmark_node_free(document) } }
        return body(document)
    }

    /// The block-opening hook: records the document node the first time cmark asks, opens
    /// nothing, and takes itself off the extension (cmark then skips the extension's call on
    /// every later line).
    private static let recordDocument: cmark_open_block_func = { ext, _, _, container, _, _ in
        guard let ext, let container, let slot = cmark_syntax_extension_get_private(ext) else { return nil }
        let root = slot.assumingMemoryBound(to: OpaquePointer?.self)
        if root.pointee == nil {
            var node = container
            while let parent = cmark_node_parent(node) { node = parent }
            root.pointee = node
        }
        cmark_syntax_extension_set_open_block_func(ext, nil)
        return nil
    }

    /// Tags every paragraph and heading under `document` with `ext` (depth first, no recursion).
    private static func tagInlineContainers(_ document: OpaquePointer, _ ext: OpaquePointer) {
        var node = cmark_node_first_child(document)
        while let n = node {
            let type = cmark_node_get_type(n)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
                cmark_node_set_syntax_extension(n, ext)
            } else if let child = cmark_node_first_child(n) {
                node = child
                continue
            }
            // the next node: a sibling, or the sibling of the nearest ancestor that has one
            var up: OpaquePointer? = n
            node = nil
            while let u = up, u != document {
                if let next = cmark_node_next(u) { node = next; break }
                up = cmark_node_parent(u)
            }
        }
    }
}
