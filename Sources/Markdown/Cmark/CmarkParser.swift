import CCmarkGFM
import Foundation

/// The one lock around cmark-gfm's parser with extensions: each parse adds its extensions' special
/// characters to a global table of the inline parser and removes them at the end
/// (github/cmark-gfm#176). A parser without extensions changes no global state and takes no lock
/// (kramdown mode's block tree); rendering finished trees needs none either.
let cmarkParserLock = NSLock()

/// cmark-gfm's parser, as the CommonMark modes use it.
enum Cmark {
    struct Configuration {
        var options: Int32
        var extensions: [String]
    }

    /// Parses `text` and hands the parser (for its extension list) and the document to `body`;
    /// both are freed afterwards.
    static func withParser<T>(_ text: String, _ configuration: Configuration,
                              _ body: (OpaquePointer, OpaquePointer) -> T) -> T {
        let usesExtensions = !configuration.extensions.isEmpty
        if usesExtensions { cmark_gfm_core_extensions_ensure_registered() }
        let parser = cmark_parser_new(configuration.options)!
        defer { cmark_parser_free(parser) }
        for name in configuration.extensions {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        if usesExtensions { cmarkParserLock.lock() }
        var utf8 = text
        utf8.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let document = cmark_parser_finish(parser)!
        if usesExtensions { cmarkParserLock.unlock() }
        defer { cmark_node_free(document) }
        return body(parser, document)
    }
}
