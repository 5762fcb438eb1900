import Foundation
import Testing
@testable import Jekyll
import JekyllPlugins

/// An outer layout that only prints `content` plainly (in it and its includes) takes the inner
/// layout's output as its buffer (`RenderedOutput`) instead of a joined `String`; one that reads
/// `content` otherwise gets the string. Both print the same page.
@Suite struct LayoutContentRunsTests {
    static func site(defaultLayout: String) -> [String: String] {
        [
            "_config.yml": "title: Runs\n",
            "_includes/nav.html": "<nav>{{ page.title }}</nav>",
            "_includes/again.html": "{{ content }}",
            "_layouts/default.html": defaultLayout,
            "_layouts/post.html": "---\nlayout: default\n---\n<article>{{ page.title }}{{ content }}</article>",
            "_posts/2024-01-02-long.md": "---\nlayout: post\ntitle: Long é\n---\n"
                + String(repeating: "Grüße, *Welt* – ", count: 400) + "\n",
        ]
    }

    static let article = "<article>Long é<p>" + String(repeating: "Grüße, <em>Welt</em> – ", count: 399)
        + "Grüße, <em>Welt</em> –</p>\n</article>"

    @Test(arguments: [
        ("<html>{% include nav.html %}{{ content }}|{% include again.html %}</html>\n",
         "<html><nav>Long é</nav>\(article)|\(article)</html>\n"),
        ("<html>{{ content | size }}|{{ content }}</html>\n",
         "<html>\(article.unicodeScalars.count)|\(article)</html>\n"),
    ])
    func outerLayoutPrintsTheInnerOutput(defaultLayout: String, expected: String) throws {
        let scratch = try StagedOutputsTests.Scratch(Self.site(defaultLayout: defaultLayout))
        try scratch.build()
        #expect(scratch.text("2024/01/02/long.html") == expected)
    }
}
