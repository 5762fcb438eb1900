import Testing
@testable import YAML

/// `YAML.visitPlain`: what it visits is what `load` gives, and it refuses what it does not handle.
@Suite struct PlainDocumentTests {
    /// Builds `YAMLValue`s from the visits, to compare with `load`.
    struct TreeVisitor: YAMLPlainVisitor {
        var root: YAMLValue?
        private var open: [(isMapping: Bool, items: [YAMLValue], keys: [String])] = []

        mutating func scalar(_ value: YAMLValue) { add(value) }
        mutating func key(_ key: String) { open[open.count - 1].keys.append(key) }
        mutating func beginMapping() { open.append((true, [], [])) }
        mutating func beginSequence() { open.append((false, [], [])) }

        mutating func end() {
            let done = open.removeLast()
            if done.isMapping {
                #expect(done.keys.count == done.items.count)
                add(.mapping(YAMLMapping(zip(done.keys.map(YAMLValue.string), done.items).map { ($0, $1) })))
            } else {
                add(.sequence(done.items))
            }
        }

        private mutating func add(_ value: YAMLValue) {
            if open.isEmpty {
                #expect(root == nil, "a second root")
                root = value
            } else {
                open[open.count - 1].items.append(value)
            }
        }
    }

    static func visit(_ text: String) -> YAMLValue? {
        var visitor = TreeVisitor()
        var text = text
        let visited = text.withUTF8 { YAML.visitPlain(bytes: UnsafeRawBufferPointer($0), &visitor) }
        return visited ? visitor.root : nil
    }

    /// `==` on mappings ignores order; the visits must also keep the document's.
    static func sameInOrder(_ a: YAMLValue, _ b: YAMLValue) -> Bool {
        switch (a, b) {
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count && zip(x.entries, y.entries).allSatisfy {
                sameInOrder($0.key, $1.key) && sameInOrder($0.value, $1.value)
            }
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameInOrder($0, $1) }
        default:
            return a == b && a.description == b.description
        }
    }

    /// Every Psych fixture (hand-picked and mutated): a document visited is the one `load` gives.
    @Test func visitsGiveWhatLoadGives() {
        var visited = 0
        for testCase in PsychCase.all {
            guard let value = Self.visit(testCase.yaml) else { continue }
            visited += 1
            let loaded = Result { () throws(YAMLError) in try YAML.load(testCase.yaml) }
            guard case .success(let expected) = loaded else {
                Issue.record("\(testCase.testDescription): visited as \(value), but load gives \(loaded)")
                continue
            }
            #expect(Self.sameInOrder(value, expected), "\(testCase.testDescription): visited \(value), loaded \(expected)")
        }
        // Most fixtures are about the rules plain documents do not meet, but many are plain.
        #expect(visited > 1000)
    }

    @Test func frontMatterIsVisited() {
        let text = """
            title: "Lessons: Slow Tools"
            date: 2014-01-01 13:13:00 +0000
            categories: [life]
            tags: [css, go]
            nested: {a: 1, b: [yes, ~]}
            published: 2024-05-01
            """
        guard let value = Self.visit(text) else {
            Issue.record("not visited")
            return
        }
        #expect(Self.sameInOrder(value, try! YAML.load(text)))
        #expect(value["tags"] == ["css", "go"])
    }

    @Test func emptyDocumentsAreNull() {
        for text in ["", "\n", "# only a comment\n", "---\n", "--- \n...\n"] {
            #expect(Self.visit(text) == .null, "\(text.debugDescription)")
        }
    }

    @Test(arguments: [
        "a: !!str 1", "a: &x 1\nb: *x", "a: &x [1]", "!!map {a: 1}", "a: 1\na: 2", "<<: {a: 1}", "\"<<\": {a: 1}",
        "1: a", "~: a", "yes: a", "[a]: b", "{a: 1}: b", "a: :symbol", "a: [1", "a: 1\n b: 2", "- !ruby/regexp /x/",
    ])
    func refusesWhatItDoesNotHandle(_ text: String) {
        #expect(Self.visit(text) == nil)
    }

    @Test func refusesMappingsOfManyKeys() {
        let keys = (0...YAML.maxPlainKeys).map { "k\($0): \($0)" }
        #expect(Self.visit(keys.dropLast().joined(separator: "\n")) != nil)
        #expect(Self.visit(keys.joined(separator: "\n")) == nil)
    }

    /// The open mappings' keys, and the collections open, are held in room of a fixed size.
    @Test func refusesManyOpenKeysAndDeepNesting() {
        let perMapping = YAML.maxPlainKeys - 1
        let mappings = YAML.maxPlainOpenKeys / perMapping + 1
        var text = ""
        for level in 0..<mappings {
            let indent = String(repeating: "  ", count: level)
            for key in 0..<perMapping - 1 { text += "\(indent)k\(key): \(key)\n" }
            text += "\(indent)inner:\n"
        }
        text += String(repeating: "  ", count: mappings) + "last: 1\n"
        #expect(Self.visit(text) == nil)
        let fewer = text.split(separator: "\n").filter { !$0.hasPrefix(String(repeating: "  ", count: mappings - 1)) }
        #expect(Self.visit(fewer.joined(separator: "\n") + "\n" + String(repeating: "  ", count: mappings - 1) + "x: 1") != nil)

        let deep = String(repeating: "[", count: YAML.maxPlainDepth + 1) + String(repeating: "]", count: YAML.maxPlainDepth + 1)
        #expect(Self.visit(deep) == nil)
        let deepest = String(repeating: "[", count: YAML.maxPlainDepth) + String(repeating: "]", count: YAML.maxPlainDepth)
        #expect(Self.visit(deepest).map { Self.sameInOrder($0, try! YAML.load(deepest)) } == true)
    }

    static func visit(_ text: String, reusing parser: YAMLReusableParser) -> YAMLValue? {
        var visitor = TreeVisitor()
        var text = text
        let visited = text.withUTF8 { YAML.visitPlain(bytes: UnsafeRawBufferPointer($0), reusing: parser, &visitor) }
        return visited ? visitor.root : nil
    }

    /// One parser restarted on every fixture in turn — after documents it refused, that failed,
    /// that stopped before their stream's end, that are not ASCII (which libyaml's reader reads
    /// itself) and that grew its queue and stacks — visits each as a parser of its own does.
    @Test func aReusedParserVisitsAsANewOne() throws {
        let parser = YAMLReusableParser()
        let deep = String(repeating: "[", count: YAML.maxPlainDepth) + String(repeating: "]", count: YAML.maxPlainDepth)
        let long = (0..<60).map { "k\($0): [a, {b: c}, \"d\\n\"]" }.joined(separator: "\n")
        let extra = [deep, long, "a: 1\n---\nb: 2", "%TAG !e! tag:e.com,2000:\n--- !e!x 1", "", "a: [1", "ä: ö\nß: [ü]",
                     "a: &x 1\nb: *x", "title: Plain\n"]
        var visited = 0
        for text in extra + PsychCase.all.map(\.yaml) + extra.reversed() {
            let fresh = Self.visit(text)
            let reused = Self.visit(text, reusing: parser)
            #expect(fresh.map { f in reused.map { Self.sameInOrder(f, $0) } ?? false } ?? (reused == nil),
                    "\(text.debugDescription): \(String(describing: reused)), not \(String(describing: fresh))")
            if fresh != nil { visited += 1 }
        }
        #expect(visited > 1000)
        // It is the same libyaml parser, restarted.
        let kept = try #require(parser.parser)
        #expect(Self.visit("a: b", reusing: parser) == ["a": "b"])
        #expect(Self.visit("ü: [1]", reusing: parser) == ["ü": [1]])
        #expect(parser.parser === kept)
    }

    /// A reused parser keeps the strings of short plain scalars (`ShortScalars`): the same bytes
    /// quoted, or plain but not a string, still give what they give on their own.
    @Test func aReusedParserKeepsOnlyPlainStrings() {
        let parser = YAMLReusableParser()
        let texts = ["a: \"true\"", "a: true", "a: 'yes'", "a: yes", "b: \"1\"", "b: 1", "c: '~'", "c: ~",
                     "d: \"2024-01-02\"", "d: 2024-01-02", "\"e\": [e, 'e', \"f\", f]", "sixteen-bytes-ab: 1",
                     "seventeen-bytes-a: sixteen-bytes-ab", "tags: [a, b, true]", "tags: ['true', b, a]"]
        for text in texts + texts.reversed() + texts {
            let fresh = Self.visit(text)
            let reused = Self.visit(text, reusing: parser)
            #expect(fresh != nil && reused.map { Self.sameInOrder(fresh!, $0) } == true, "\(text)")
        }
    }

    @Test func refusesNestingBeyondTheLimit() {
        let limits = YAMLLimits(maxDepth: 3)
        var visitor = TreeVisitor()
        var deep = "[[[[1]]]]"
        #expect(!deep.withUTF8 { YAML.visitPlain(bytes: UnsafeRawBufferPointer($0), limits: limits, &visitor) })
        var shallow = "[[[1]]]"
        var again = TreeVisitor()
        #expect(shallow.withUTF8 { YAML.visitPlain(bytes: UnsafeRawBufferPointer($0), limits: limits, &again) })
    }
}
