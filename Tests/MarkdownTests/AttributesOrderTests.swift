import Testing
@testable import Markdown

/// Attributes keep Ruby's hash order: the first one (stored in an array of exactly one), later
/// ones appended, a changed one in its place, a removed one gone.
struct AttributesOrderTests {
    @Test func insertionOrderIsKept() {
        var a = Attributes()
        a["href"] = "/x"
        #expect(a.pairs.map(\.key) == ["href"] && a["href"] == "/x")
        a["title"] = "t"
        a["class"] = "c"
        a["href"] = "/y"
        #expect(a.pairs.map(\.key) == ["href", "title", "class"] && a["href"] == "/y")
        a["title"] = nil
        a["id"] = "i"
        #expect(a.pairs.map(\.key) == ["href", "class", "id"])
        var b = a
        b["data"] = "d"
        #expect(a.pairs.count == 3 && b.pairs.count == 4, "a copy is changed alone")
    }
}
