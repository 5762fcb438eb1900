import Testing
@testable import Jekyll

@Suite struct ConverterTableTests {
    let table = ConverterTable(markdownExtensions: [".md", ".markdown", ".scss"])

    @Test(arguments: [
        (".md", [ConverterKind.markdown, .identity], ".html"),
        (".MARKDOWN", [.markdown, .identity], ".html"),
        (".scss", [.markdown, .scss, .identity], ".css"),
        (".Sass", [.sass, .identity], ".css"),
        (".html", [.identity], ".html"),
        (".txt", [.identity], ".txt"),
    ])
    func chainAndOutputExtension(ext: String, chain: [ConverterKind], output: String) {
        #expect(table.chain(for: ext) == chain)
        #expect(table.outputExtension(for: ext, permalink: nil) == output)
        // The shortcut agrees with the chain's last converter before identity.
        let last = chain.dropLast().last ?? .identity
        #expect(last.outputExtension(for: ext) == output)
    }

    @Test(arguments: [("/notes/:title.json", ".json"), ("/notes/:title/", ".html"), ("/notes/:title", ".html")])
    func permalinkExtensionWins(permalink: String, output: String) {
        #expect(table.outputExtension(for: ".md", permalink: permalink) == output)
    }
}
