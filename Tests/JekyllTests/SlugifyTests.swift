import Testing
@testable import Jekyll

@Suite struct SlugifyTests {
    @Test(arguments: [
        ("default", "hello-world-ça-va"), ("raw", "hello,-world!-ça-va?"), ("pretty", "hello,-world!-ça-va"),
        ("ascii", "hello-world-a-va"), ("latin", "hello-world-ca-va"), ("none", "hello, world! ça va?"),
    ])
    func modes(mode: String, expected: String) {
        #expect(Slugify.slugify("Hello, World! ça va?", mode: mode) == expected)
    }

    @Test func jekyllExamples() {
        #expect(Slugify.slugify("The _config.yml file") == "the-config-yml-file")
        #expect(Slugify.slugify("The _config.yml file", mode: "pretty") == "the-_config.yml-file")
        #expect(Slugify.slugify("The _config.yml file", mode: "pretty", cased: true) == "The-_config.yml-file")
        #expect(Slugify.slugify("  --Hi--  ") == "hi")
    }

    /// ASCII text takes a byte path: it must agree with the Unicode one, for every mode and byte.
    @Test(arguments: ["default", "raw", "pretty", "ascii"])
    func asciiAgreesWithUnicode(mode: String) {
        let every = String(decoding: (1...127).map { UInt8($0) }, as: UTF8.self)
        // And texts that are their own slug, or nearly (the default mode gives the first back).
        for input in [every, "Hello, World!", "--a--b--", "Tag C++ & Go", " x ", "", "-", "a_b.c~d",
                      "open-source", "css", "h2o-9", "a--b", "-a", "a-", "Go", "go-Fast", "z0"] {
            for cased in [false, true] {
                let ascii = Slugify.asciiSlug(input, keepsAllButSpace: mode == "raw", keepsPunctuation: mode == "pretty",
                                              cased: cased)
                #expect(ascii == Slugify.unicodeSlug(input, mode: mode, cased: cased))
                #expect(Slugify.slugify(input, mode: mode == "default" ? nil : mode, cased: cased) == ascii)
            }
        }
    }

    @Test(arguments: [
        ("Ærø Þór ß", "AEro Thor ss"), ("ĳŉ€中", "ij'n??"), ("Łódź Œuvre", "Lodz OEuvre"), ("ſ÷", "??"),
        ("àéîõü ÇÑ", "aeiou CN"),
    ])
    func transliteration(input: String, expected: String) {
        #expect(Slugify.transliterate(input) == expected)
    }
}
