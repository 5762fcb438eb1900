import Testing
@testable import Jekyll

@Suite struct DocumentDestinationTests {
    private func destination(url: String, outputExtension: String, isPage: Bool) -> String {
        var doc = Document(kind: isPage ? .page : .item(collection: "posts"), path: "/site/x.md",
                           relativePath: "x.md", name: "x.md", content: "")
        doc.url = url
        doc.outputExtension = outputExtension
        return doc.destinationPath
    }

    @Test(arguments: [
        ("/life/2014/01/01/a-title/", ".html", false, "life/2014/01/01/a-title/index.html"),
        ("/about/", ".html", true, "about/index.html"),
        ("/", ".html", true, "index.html"),
        ("/", ".html", false, "index.html"),
        ("/feed.xml", ".xml", true, "feed.xml"),
        ("/notes/a", ".html", false, "notes/a.html"),
        ("/assets/main.css", ".css", true, "assets/main.css"),
        ("/a/b.json", "", true, "a/b.json"),
    ])
    func plainURLs(url: String, outputExtension: String, isPage: Bool, expected: String) {
        #expect(Document.plainDestinationPath(url: url, outputExtension: outputExtension, isPage: isPage) == expected)
        #expect(destination(url: url, outputExtension: outputExtension, isPage: isPage) == expected)
    }

    /// URLs the written-out path leaves to the general steps (unescaping, `.`/`..`, repeated slashes),
    /// with what those give.
    @Test(arguments: [
        ("/a%20b/", ".html", false, "a b/index.html"),
        ("/a/../b/", ".html", true, "b/index.html"),
        ("/a//b", ".html", false, "a/b.html"),
        ("/a/./b/", ".html", true, "a/b/index.html"),
        ("a/b", ".html", false, "a/b.html"),
        ("~/b", ".html", false, "~/b.html"),
    ])
    func otherURLs(url: String, outputExtension: String, isPage: Bool, expected: String) {
        #expect(Document.plainDestinationPath(url: url, outputExtension: outputExtension, isPage: isPage) == nil)
        #expect(destination(url: url, outputExtension: outputExtension, isPage: isPage) == expected)
    }
}
