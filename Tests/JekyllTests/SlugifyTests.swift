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
        for input in [every, "Hello, World!", "--a--b--", "Tag C++ & Go", " x ", "", "-", "a_b.c~d"] {
            for cased in [false, true] {
                #expect(Slugify.asciiSlug(input, mode: mode, cased: cased) == reference(input, mode: mode, cased: cased))
            }
        }
    }

    /// The slug by Unicode categories, as before the byte path.
    func reference(_ input: String, mode: String, cased: Bool) -> String {
        var slug = String.UnicodeScalarView()
        var inRun = false
        for scalar in input.unicodeScalars {
            let keep: Bool
            switch mode {
            case "raw": keep = !Slugify.isRubyWhitespace(scalar)
            case "pretty": keep = Slugify.isLetterMarkOrDigit(scalar) || "._~!$&'()+,;=@".unicodeScalars.contains(scalar)
            case "ascii": keep = Slugify.isASCIIAlphanumeric(scalar)
            default: keep = Slugify.isLetterMarkOrDigit(scalar)
            }
            if keep {
                slug.append(scalar)
                inRun = false
            } else if !inRun {
                slug.append("-")
                inRun = true
            }
        }
        var result = String(slug)
        if result.hasPrefix("-") { result.removeFirst() }
        if result.hasSuffix("-") { result.removeLast() }
        return cased ? result : result.lowercased()
    }

    @Test(arguments: [
        ("Ærø Þór ß", "AEro Thor ss"), ("ĳŉ€中", "ij'n??"), ("Łódź Œuvre", "Lodz OEuvre"), ("ſ÷", "??"),
        ("àéîõü ÇÑ", "aeiou CN"),
    ])
    func transliteration(input: String, expected: String) {
        #expect(Slugify.transliterate(input) == expected)
    }
}
