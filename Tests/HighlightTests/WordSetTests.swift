import Testing
@testable import Highlight

/// `WordSet` rejects by length and first byte before hashing; the answers must not change.
@Suite struct WordSetTests {
    static let words = WordSet("if in int return async Ärger x zz")
    static let folded = WordSet("SELECT from Where", ignoringCase: true)

    @Test(arguments: ["if", "in", "int", "return", "async", "Ärger", "x", "zz"])
    func containsEachWord(word: String) {
        #expect(Self.words.contains(word))
    }

    @Test(arguments: ["", "i", "f", "IF", "of", "ints", "retur", "returns", "asyncs", "ärger", "y", "z", "zzz", "xx"])
    func rejectsOtherWords(word: String) {
        #expect(!Self.words.contains(word))
    }

    @Test(arguments: [("select", true), ("SeLeCt", true), ("FROM", true), ("where", true), ("selec", false),
                      ("wheres", false), ("", false), ("xelect", false)])
    func foldsASCIICase(word: String, found: Bool) {
        #expect(Self.folded.contains(word) == found)
    }

    static let lists = WordSet(memberOf: "if in else", "in out", "x in")

    @Test(arguments: [("if", 1), ("in", 7), ("else", 1), ("out", 2), ("x", 4), ("on", 0), ("", 0)])
    func answersEveryListHoldingAWord(word: String, mask: Int) {
        var w = word
        #expect(w.withUTF8 { Self.lists.memberships($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) } == mask)
    }

    @Test func emptySetHoldsNothing() {
        #expect(!WordSet("").contains(""))
        #expect(!WordSet("").contains("a"))
    }
}
