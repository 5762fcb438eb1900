import Liquid
import Testing
import YAML
@testable import Jekyll

/// Front matter made into values straight from the YAML's nodes must be what converting the
/// loaded tree makes, and the documents the visits refuse must still load the full way.
@Suite struct LiquidValueVisitorTests {
    static let plain = [
        "title: \"Lessons: Slow Tools\"\ndate: 2014-01-01 13:13:00 +0000\ncategories: [life]\ntags: [css, go, music]\n",
        "a: 1\nb: 1.5\nc: 123456789012345678901234567890\nd: yes\ne: ~\nf: 2024-05-01\ng: 2024-05-01 10:30:00\n",
        "nested:\n  list:\n    - {x: 1, y: [a, b]}\n    - []\n  empty: {}\nafter: 'quoted'\n",
        "clé: é\n\"1\": one\nmulti: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
        "- a\n- [b, {c: d}]\n", "just a string", "", "# only a comment\n",
    ]

    static let notPlain = [
        "a: &x {b: 1}\nc: *x\n", "<<: {a: 1}\nb: 2\n", "a: !!str 1\n", "a: 1\na: 2\n", "1: one\n", "a: !!float 1\n",
    ]

    static func convertedTree(_ text: String) -> Value {
        YAMLConversion.value(try! YAML.load(text), clock: SiteClock(identifier: "Europe/Zurich"))
    }

    static func loaded(_ text: String) -> Value? {
        var text = text
        return text.withUTF8 {
            YAMLLoading.valueIfValid(UnsafeRawBufferPointer($0), path: "x.md", clock: SiteClock(identifier: "Europe/Zurich"))
        }
    }

    @Test(arguments: plain)
    func plainDocumentsAreVisitedIntoTheConvertedValues(_ text: String) {
        var visitor = LiquidValueVisitor(clock: SiteClock(identifier: "Europe/Zurich"))
        var bytes = text
        #expect(bytes.withUTF8 { YAML.visitPlain(bytes: UnsafeRawBufferPointer($0), &visitor) })
        let expected = Self.convertedTree(text)
        #expect(visitor.root == expected)
        #expect(visitor.root.inspect == expected.inspect)
    }

    @Test(arguments: plain + notPlain)
    func loadingGivesTheConvertedValues(_ text: String) {
        let expected = Self.convertedTree(text)
        #expect(Self.loaded(text)?.inspect == expected.inspect)
    }

    @Test func textThatDoesNotLoadIsNil() {
        #expect(Self.loaded("a: [1\n") == nil)
        #expect(Self.loaded("a: :symbol\n") == nil)
    }
}
