import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import YAML

@Suite struct YAMLLoaderTests {
    @Test func frontMatterKeepsOrderAndTypes() throws {
        let value = try YAML.load("""
            title: Hello
            date: 2024-05-01 10:30:00 +02:00
            published: 2024-05-01
            tags: [a, b]
            draft: no
            weight: 010
            """)
        guard case .mapping(let map) = value else {
            Issue.record("not a mapping: \(value)")
            return
        }
        #expect(map.keys == ["title", "date", "published", "tags", "draft", "weight"])
        #expect(map["title"] == "Hello")
        #expect(map["published"] == .date(YAMLDate(year: 2024, month: 5, day: 1)))
        #expect(map["tags"] == ["a", "b"])
        #expect(map["draft"] == false)
        #expect(map["weight"] == 8)
        guard case .time(let time)? = map["date"] else {
            Issue.record("date is not a time: \(String(describing: map["date"]))")
            return
        }
        #expect(time.zone == .offset(7200))
        #expect(time.civil(offsetSeconds: 7200).description == "2024-05-01 10:30:00")
        #expect(time.civil(offsetSeconds: 0).description == "2024-05-01 08:30:00")
    }

    @Test func emptyInputsAreNull() throws {
        for text in ["", "\n", "# comment only\n", "---\n", "--- \n...\n"] {
            #expect(try YAML.load(text) == .null, "\(text.debugDescription)")
        }
    }

    @Test func onlyTheFirstDocumentIsReadAndTheRestIsNotParsed() throws {
        #expect(try YAML.load("a: 1\n--- [\n") == ["a": 1])
        #expect(try YAML.loadAll("--- 1\n--- two\n---\n") == [1, "two", nil])
    }

    @Test func loadAllReportsErrorsInLaterDocuments() {
        #expect(throws: YAMLError.self) { try YAML.loadAll("--- 1\n--- [\n") }
    }

    @Test func anchorsAreScopedToTheirDocument() {
        let error = #expect(throws: YAMLError.self) { try YAML.loadAll("--- &a 1\n--- *a\n") }
        #expect(error?.kind == .unknownAlias("a"))
        #expect(error?.line == 2)
    }

    @Test func syntaxErrorPointsAtTheProblemAndNamesTheContext() {
        let error = #expect(throws: YAMLError.self) { try YAML.load("a:\n  - 1\n - 2\n", file: "_config.yml") }
        #expect(error?.kind == .syntax)
        #expect(error?.line == 3)
        #expect(error?.column == 2)
        #expect(error?.message == "did not find expected key while parsing a block mapping started at line 1 column 1")
        #expect(error?.description ==
                "_config.yml:3:2: error: did not find expected key while parsing a block mapping started at line 1 column 1")
    }

    @Test func firstLineShiftsEveryLocation() {
        // Front matter: the YAML starts on line 2 of the file, after `---`.
        let syntax = #expect(throws: YAMLError.self) {
            try YAML.load("title: x\nbad: [1, 2\n", file: "index.md", firstLine: 2)
        }
        #expect(syntax?.line == 4)
        #expect(syntax?.message.hasSuffix("started at line 3 column 6") == true)
        let scalar = #expect(throws: YAMLError.self) {
            try YAML.load("title: x\nkind: :post\n", file: "index.md", firstLine: 2)
        }
        #expect(scalar?.kind == .disallowedClass("Symbol"))
        #expect((scalar?.line, scalar?.column) == (3, 7))
        #expect(scalar?.description.hasPrefix("index.md:3:7: error: ':post' would load as a Ruby symbol") == true)
    }

    @Test func columnsCountCharactersNotBytes() {
        let error = #expect(throws: YAMLError.self) { try YAML.load("ünïcödé: :x") }
        #expect(error?.column == 10)
    }

    @Test func readerErrorsAreLocatedFromTheByteOffset() {
        let invalidUTF8 = #expect(throws: YAMLError.self) { try YAML.load(bytes: Array("a: 1\nb: é".utf8) + [0xFF]) }
        #expect(invalidUTF8?.kind == .syntax)
        #expect((invalidUTF8?.line, invalidUTF8?.column) == (2, 5))
        #expect(invalidUTF8?.message == "invalid leading UTF-8 octet (byte 0xFF)")
        let nul = #expect(throws: YAMLError.self) { try YAML.load(bytes: Array("a: b".utf8) + [0, 0x63]) }
        #expect(nul?.message.hasPrefix("control characters are not allowed") == true)
        #expect((nul?.line, nul?.column) == (1, 5))
    }

    @Test func convertingErrorsWaitForASyntaxErrorLaterInTheDocument() {
        // Psych parses the whole document before converting it.
        let error = #expect(throws: YAMLError.self) { try YAML.load("a: :sym\nb: [\n") }
        #expect(error?.kind == .syntax)
    }

    @Test func recursiveAliasIsAnError() {
        let error = #expect(throws: YAMLError.self) { try YAML.load("a: &x\n  b: *x\n") }
        #expect(error?.kind == .recursiveAlias("x"))
        #expect((error?.line, error?.column) == (2, 6))
    }

    @Test func shadowedAnchorsUseTheLatestDefinition() throws {
        #expect(try YAML.load("- &a [&a 1, *a]\n- *a") == [[1, 1], 1])
    }

    @Test func mergeKeysFollowPsych() throws {
        let value = try YAML.load("""
            defaults: &defaults
              layout: post
              comments: true
            post:
              <<: *defaults
              comments: false
              title: Hi
            """)
        let post: YAMLValue = ["layout": "post", "comments": false, "title": "Hi"]
        #expect(value["post"] == post)
        #expect(value["post"]?.mappingValue?.keys == ["layout", "comments", "title"])
    }

    @Test func readsFilesAndReportsUnreadableOnes() throws {
        let path = "/tmp/kyll-yaml-test-\(UInt32.random(in: 0...UInt32.max)).yml"
        let file = fopen(path, "w")
        fputs("a: [1, 2]\n", file)
        fclose(file)
        defer { unlink(path) }
        #expect(try YAML.loadFile(atPath: path) == ["a": [1, 2]])
        let error = #expect(throws: YAMLError.self) { try YAML.loadFile(atPath: path + ".missing") }
        #expect(error?.kind == .unreadable)
        #expect(error?.description == "\(path).missing: error: cannot read the file: No such file or directory")
    }

    @Test func loadsInParallel() async throws {
        let text = (0..<200).map { "key\($0): [\($0), value, 2024-01-0\($0 % 9 + 1)]" }.joined(separator: "\n")
        let expected = try YAML.load(text)
        try await withThrowingTaskGroup(of: YAMLValue.self) { group in
            for _ in 0..<16 { group.addTask { try YAML.load(text) } }
            for try await value in group { #expect(value == expected) }
        }
    }
}
