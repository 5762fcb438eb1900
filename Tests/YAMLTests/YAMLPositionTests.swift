import Testing
import YAML

@Suite struct YAMLPositionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var path: [YAMLPathStep]
        var expected: (line: Int, column: Int)?
        var testDescription: String { "\(path) in \(text.debugDescription)" }
    }

    static let cases: [Case] = [
        Case(text: "date: nope\n", path: ["date"], expected: (1, 7)),
        Case(text: "---\ntitle: x\ndate:   nope\n", path: ["date"], expected: (3, 9)),
        // A later duplicate key is the one loading keeps.
        Case(text: "date: a\ndate: b\n", path: ["date"], expected: (2, 7)),
        Case(text: "collections:\n  things:\n    permalink: /:nope/\n",
             path: ["collections", "things", "permalink"], expected: (3, 16)),
        // Keys that are not on the path, with nested values, are skipped whole.
        Case(text: "a: {permalink: no}\nb: [1, {permalink: no}]\npermalink: yes\n", path: ["permalink"], expected: (3, 12)),
        Case(text: "defaults:\n  - values: {date: 1}\n  - scope: {}\n    values:\n      date: x\n",
             path: ["defaults", 1, "values", "date"], expected: (5, 13)),
        Case(text: "list: [a, b]\n", path: ["list", 1], expected: (1, 11)),
        Case(text: "a: &x 1\nb: *x\n", path: ["b"], expected: (2, 4)),
        Case(text: "a: 1\n", path: ["b"], expected: nil),
        Case(text: "a: 1\n", path: ["a", "b"], expected: nil),
        Case(text: "list: [a]\n", path: ["list", 3], expected: nil),
        Case(text: "- a\n", path: ["a"], expected: nil),
        Case(text: "a: [unclosed\nb: 1\n", path: ["b"], expected: nil),
    ]

    @Test(arguments: cases) func valuePosition(_ c: Case) {
        let found = YAML.position(of: c.path, in: c.text)
        #expect(found?.line == c.expected?.line)
        #expect(found?.column == c.expected?.column)
    }

    @Test func firstLineShiftsTheLine() {
        #expect(YAML.position(of: ["b"], in: "a: 1\nb: 2\n", firstLine: 10)?.line == 11)
    }
}
