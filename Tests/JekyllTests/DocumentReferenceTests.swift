import Liquid
import Testing
@testable import Jekyll

/// A reference (jekyll-paginate's `paginator.posts`) looks beside the previous reference's item
/// before looking its own up; where two items share a path it must still find the one the look-up
/// finds (the first), not the one that happens to stand beside.
@Suite struct DocumentReferenceTests {
    static func post(_ name: String, title: String) -> Document {
        Document(kind: .item(collection: "posts"), path: "/s/_posts/" + name, relativePath: "_posts/" + name,
                 name: name, data: OrderedHash([("title", .string(title))]), content: "x")
    }

    @Test func itemsSharingAPathResolveAsTheLookUpDoes() throws {
        let logger = Logger(level: .error) { _, _ in }
        let posts = OrderedHash([("posts", Value.hash(OrderedHash([("output", Value.bool(true))])))])
        let configuration = Configuration(hash: OrderedHash([("collections", .hash(posts))]))
        let setup = try SiteSetup(configuration: configuration, plugins: [], logger: logger)
        var site = setup.site
        // The two sharing a path stand between two others, so each has a neighbour of its own.
        site.posts = [Self.post("2024-01-01-q.md", title: "q"), Self.post("2024-01-02-p.md", title: "first"),
                      Self.post("2024-01-02-p.md", title: "second"), Self.post("2024-01-03-r.md", title: "r")]
        let snapshot = SiteSnapshot(site: site)
        #expect(snapshot.itemPathsShared)
        let found = try #require(snapshot.documentID(collection: "posts", relativePath: "_posts/2024-01-02-p.md"))
        let other = try #require(snapshot.documents.indices.first {
            $0 != found && snapshot.documents[$0].relativePath == "_posts/2024-01-02-p.md"
        })
        // The item beside the other one of the pair (and not the one found).
        let neighbour = try #require([other - 1, other + 1].first { $0 != found && snapshot.documents.indices.contains($0) })

        let context = BuildContext(site: snapshot, environment: setup.environment(for: snapshot),
                                   converters: setup.converters, plugins: setup.plugins)
        let before = DocumentReference(snapshot.documents[neighbour])
        let shared = DocumentReference(snapshot.documents[other], after: before)
        let alone = DocumentReference(snapshot.documents[other])
        let template = try Template.parse("{% for p in refs %}{{ p.title }}|{% endfor %}", environment: context.environment)
        let output = try template.render(["refs": [.drop(before), .drop(shared), .drop(alone)]],
                                         options: context.options(viewer: nil))
        let title = { (id: Int) in snapshot.documents[id].data["title"]?.rubyString ?? "?" }
        #expect(title(found) == "first")
        #expect(output == "\(title(neighbour))|first|first|")
    }
}
