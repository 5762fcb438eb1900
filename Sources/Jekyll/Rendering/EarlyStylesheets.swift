import Dispatch

/// Stylesheet pages compiled while the rest of the site is still being read.
///
/// libsass is the longest single step of a small site's render (3 of its 8 ms on this
/// repository's own site), and it used to start only when the render reached the stylesheet,
/// leaving the other core idle at the end. A stylesheet page whose body holds no Liquid markup
/// renders to its body unchanged, so it can be compiled as soon as it has been read. The render
/// takes the result only when the text it would compile, its syntax and the page's names are
/// exactly those compiled early; anything else, or an early failure, compiles as before (so
/// errors are reported by the render, once, with their usual location).
final class EarlyStylesheets: Sendable {
    private struct Input: Equatable {
        var text: String
        var syntax: ConverterKind
        var isPage: Bool
        var name: String
        var basename: String

        init(_ text: String, _ syntax: ConverterKind, _ page: Document) {
            self.text = text
            self.syntax = syntax
            isPage = page.isPage
            name = page.name
            basename = page.basename
        }
    }

    private final class Compilation: Sendable {
        let input: Input
        let finished = DispatchGroup()
        let result = Locked<SassConversion.Result?>(nil)

        init(_ input: Input) { self.input = input }
    }

    private let compilations = Locked<[String: Compilation]>([:])
    private let conversion: SassConversion

    init(conversion: SassConversion) { self.conversion = conversion }

    /// What the reader calls with each page it reads: the site's converters name its chain.
    func starter(for converters: ConverterTable) -> (Document) -> Void {
        { page in self.start(page, chain: converters.chain(for: page.extname)) }
    }

    /// Starts compiling `page` on another thread if it is a stylesheet whose render is its body.
    func start(_ page: Document, chain: [ConverterKind]) {
        guard chain.count == 2, chain[0] == .scss || chain[0] == .sass, chain[1] == .identity,
              !page.content.isEmpty, !EarlyStylesheets.holdsLiquidMarkup(page.content) else { return }
        let compilation = Compilation(Input(page.content, chain[0], page))
        let isNew = compilations.withLock { all in
            guard all[page.path] == nil else { return false }
            all[page.path] = compilation
            return true
        }
        guard isNew else { return }
        let conversion = conversion
        compilation.finished.enter()
        DispatchQueue.global().async {
            let result = try? conversion.convert(compilation.input.text, syntax: compilation.input.syntax, page: page)
            compilation.result.withLock { $0 = result }
            compilation.finished.leave()
        }
    }

    /// The early result for exactly this compilation, waiting for it if it is still running.
    func result(for text: String, syntax: ConverterKind, page: Document) -> SassConversion.Result? {
        guard let compilation = compilations.withLock({ $0[page.path] }),
              compilation.input == Input(text, syntax, page) else { return nil }
        compilation.finished.wait()
        return compilation.result.withLock { $0 }
    }

    /// Whether Liquid could change the text: an output (`{{`) or a tag (`{%`) opens in it.
    static func holdsLiquidMarkup(_ text: String) -> Bool {
        var afterBrace = false
        for byte in text.utf8 {
            if afterBrace && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%")) { return true }
            afterBrace = byte == UInt8(ascii: "{")
        }
        return false
    }
}
