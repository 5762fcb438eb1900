@testable import Liquid
import Testing

/// Renders `source` with the standard environment; errors are part of the output.
func render(_ source: String, _ data: Value = [:], partials: [String: String] = [:], mode: ErrorMode = .lax) throws -> String {
    var env = LiquidEnvironment.standard
    env.errorMode = mode
    env.fileSystem = MemoryFileSystem(partials)
    return try Template.parse(source, environment: env).renderCollectingErrors(data).output
}

@Suite struct RenderingTests {
    /// Behaviour checked against ruby-liquid 5.4 (`ruby -rliquid`), beyond golden-liquid.
    @Test(arguments: [
        ("{{ 0.1 | plus: 0.2 }}", "0.3"),
        ("{{ 10 | divided_by: 3.0 }}", "3.3333333333333335"),
        ("{{ 3.0 | modulo: 0.7 }}", "0.2"),
        ("{{ 7 | modulo: -2 }}|{{ -7 | divided_by: 2 }}", "-1|-4"),
        ("{{ 5.666 | round: -2 }}|{{ 2.675 | round: 2 }}|{{ 1234 | round: -2 }}|{{ -2.5 | round }}", "0|2.68|1200|-3"),
        ("{{ ' 12 ' | plus: 0 }}|{{ '1_000' | plus: 0 }}|{{ ' 1.5 ' | plus: 0 }}|{{ '5.' | plus: 0 }}", "12|1000|1.5|5"),
        ("{{ x }}|{{ y }}|{{ z }}", "1.0e+20|1.0e-05|123456789.12345679"),
        ("{{ a }}", "{\"x\"=>[1, 2.0, nil, true], \"y\"=>{\"z\"=>\"q\\\"u\"}}"),
        ("{{ b }}", "12{\"k\"=>1}"),
        ("{{ 'x' | append: b }}", "x[[1, [2]], {\"k\"=>1}]"),
        ("{{ 5.size }}|{{ 'héllo'.size }}|{{ (3..7).last }}|{{ n.size }}|{{ s.size }}", "|héllo||8|5"),
        ("{% assign s = 'a b' | split: ' ' %}{{ s | size }}", "2"),
        ("{{ 'Hello' | slice: -3, 2 }}|{{ 'héllo' | truncate: 4 }}", "ll|h..."),
        ("{{ crlf | newline_to_br }}", "a<br />\nb"),
        ("{{ 'plain words' | escape_once }}|{{ '' | escape_once }}", "plain words|"),
        ("{{ 'plain' | escape }}|{{ 'a<b' | h }}|{{ 5 | escape }}|{{ nil | escape }}|{{ '' | escape | size }}", "plain|a&lt;b|5||0"),
        ("{{ 'a & b &amp; &#39; &bogus &; &#x1F; <i>\"q\"</i>' | escape_once }}|{{ \"it's\" | escape_once }}",
         "a &amp; b &amp; &#39; &amp;bogus &amp;; &amp;#x1F; &lt;i&gt;&quot;q&quot;&lt;/i&gt;|it&#39;s"),
        ("{{ '&lt;&' | escape_once }}|{{ 'Zürich & Genève' | escape_once }}", "&lt;&amp;|Zürich &amp; Genève"),
    ] as [(String, String)])
    func rubyCompatibleOutput(source: String, expected: String) throws {
        let data: Value = [
            "x": .float(1e20), "y": .float(0.00001), "z": .float(123456789.123456789),
            "a": ["x": [1, 2.0, nil, true], "y": ["z": "q\"u"]],
            "b": [[1, [2]], ["k": 1]],
            "n": 5, "s": "héllo", "crlf": "a\r\nb",
        ]
        #expect(try render(source, data) == expected)
    }

    /// `split: p | size` is counted without splitting; it must agree with splitting.
    @Test func splitThenSizeAgreesWithSplitting() throws {
        let strings = ["", " ", "a", " a  b\t\nc ", "a,b,,", ",,", ",a", "a,,b", "héllo wörld", "x--y--", "--"]
        let patterns = [" ", ",", "", "--", "z"]
        for s in strings {
            for p in patterns {
                let data: Value = ["s": .string(s), "p": .string(p)]
                let fused = try render("{{ s | split: p | size }}", data)
                let unfused = try render("{% assign parts = s | split: p %}{{ parts | size }}", data)
                #expect(fused == unfused, "\(s.debugDescription) split \(p.debugDescription)")
            }
        }
    }

    /// `join` copies a list of strings straight into one string, and gives a single string back as
    /// it is; mixed and nested lists take the general path. Both must give Ruby's `Array#join`
    /// (ruby-liquid flattens the input first, and `nil.to_s` is "").
    @Test(arguments: [
        ([.string("a"), .int(1)], ",", "a,1"),
        ([.string(""), .string("")], "", ""),
        ([.string(""), .string("")], ",", ","),
        ([.string("a"), .string("b"), .string("c")], "", "abc"),
        ([.string("solo")], ", ", "solo"),
        ([.int(7)], ", ", "7"),
        ([.nil], ",", ""),
        ([], ",", ""),
        ([.nil, .string("a"), .nil], ",", ",a,"),
        ([.string("é"), .string("ü"), .string("")], "·", "é·ü·"),
        ([.string("a"), .array([.string("b"), .array([.string("c")])]), .string("d")], "-", "a-b-c-d"),
        ([.array([.string("only")])], ",", "only"),
        ([.string("x"), .float(2.5), .bool(true)], " ", "x 2.5 true"),
    ] as [([Value], String, String)])
    func joinAgreesWithTheGeneralPath(items: [Value], separator: String, expected: String) throws {
        var general = ""
        Value.appendJoined(items, separator: separator, to: &general)
        #expect(general == expected)
        #expect(Value.joined(items, separator: separator) == expected)
        #expect(try render("{{ items | join: glue }}", ["items": .array(items), "glue": .string(separator)]) == expected)
    }

    @Test func joinWithNilOrNoSeparator() throws {
        let data: Value = ["items": ["a", "b", 3]]
        #expect(try render("{{ items | join: nil }}|{{ items | join: missing }}|{{ items | join }}", data) == "ab3|ab3|a b 3")
        #expect(try render("{{ items | join: nil }}|{{ items | join }}", ["items": ["a", "b"]]) == "ab|a b")
        // `Array#join` keeps an empty inner list's place; the filter flattens its input first.
        #expect(Value.joined([.array([]), .string("a")], separator: ",") == ",a")
        #expect(try render("{{ items | join: ',' }}", ["items": .array([.array([]), .string("a")])]) == "a")
    }

    /// Integers are written digit by digit into the output, signs and extremes included; the
    /// same digits as Swift's own conversion, through `{{ }}` and a loop variable.
    @Test(arguments: [0, 9, 10, -1, -9, -10, 42, 1_234_567_890, Int.max, Int.min])
    func integersPrintTheirDigits(_ n: Int) throws {
        #expect(try render("{{ n }}|{% for i in (n..n) %}{{ i }}{% endfor %}", ["n": .int(n)]) == "\(n)|\(n)")
    }

    /// The word count of `split: ' ' | size` (sixteen bytes at a time) against splitting, on
    /// pseudo-random text of every length up to 80, and of lengths past the 4080 bytes after
    /// which the per-lane counters are summed, with all of Ruby's whitespace and non-ASCII.
    @Test func fieldCountingAgreesOnRandomText() throws {
        let alphabet: [String] = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "a", "b", "é", "日", "\u{85}", "\u{A0}", "x", "0", "\u{1F}", "!"]
        var seed: UInt64 = 42
        let t = try Template.parse("{{ s | split: ' ' | size }}/{% assign w = s | split: ' ' %}{{ w | size }}")
        for length in Array(0...80) + [4_081, 4_097, 9_000] {
            for _ in 0..<4 {
                var text = ""
                for _ in 0..<length {
                    seed = seed &* 6364136223846793005 &+ 1442695040888963407
                    text += alphabet[Int(seed >> 60)]
                }
                let parts = try t.render(["s": .string(text)]).split(separator: "/")
                #expect(parts.count == 2 && parts[0] == parts[1], "\(text.debugDescription)")
            }
        }
    }

    /// `size`, `slice` and `truncate` count code points, as Ruby does.
    @Test func lengthsAreCodePoints() throws {
        for text in ["", "abc", "héllo wörld, ça va?", "日本語のテキストです", String(repeating: "aé日🙂", count: 7), "e\u{301}e\u{301}"] {
            let n = text.unicodeScalars.count
            #expect(try render("{{ s | size }}", ["s": .string(text)]) == String(n))
            let sliced = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(1).prefix(5)))
            #expect(try render("{{ s | slice: 1, 5 }}", ["s": .string(text)]) == sliced)
        }
    }

    @Test func whitespaceControlAndBlankBlocks() throws {
        #expect(try render("a  {%- if true -%}  b  {%- endif -%}  c") == "abc")
        #expect(try render("[{% if true %}\n  {% assign x = 1 %}\n{% endif %}]") == "[]")
        #expect(try render("[{% for i in (1..3) %} {% endfor %}]") == "[]")
        #expect(try render("[{% if true %} {{ '' }} {% endif %}]") == "[  ]")
    }

    @Test func includeSeesAndChangesTheScope() throws {
        let out = try render("{% assign a = 1 %}{% include 'p', b: 2 %}{{ c }}",
                             partials: ["p": "{{ a }}{{ b }}{% assign c = 3 %}"])
        #expect(out == "123")
    }

    @Test func renderIsIsolated() throws {
        let out = try render("{% assign a = 1 %}{% render 'p', b: 2 %}[{{ c }}]",
                             partials: ["p": "{{ a }}{{ b }}{% assign c = 3 %}{% include 'q' %}"])
        #expect(out.hasPrefix("2Liquid error (p line 1): include usage is not allowed in this context[]"))
    }

    /// `%E` and `%O` before the conversions Ruby takes them with, colons only before `z`, and
    /// `%+` for dates only; everything else printed as written (as Ruby 3.1's `Time#strftime`).
    @Test(arguments: [
        ("%Ec|%EC|%Ex|%EX|%Ey|%EY", "Tue Mar  5 07:08:09 2024|20|03/05/24|07:08:09|24|2024"),
        ("%Od|%Oe|%OH|%OI|%Ok|%Ol|%Om|%OM|%OS", "05| 5|07|07| 7| 7|03|08|09"),
        ("%Ou|%OU|%OV|%Ow|%OW|%Oy", "2|09|10|2|10|24"),
        ("%Ed|%OY|%EZ|%OZ|%E|%O", "%Ed|%OY|%EZ|%OZ|%E|%O"),
        ("%-Od|%5OH|%^Ey|%_5Ey|%-EY", "5|00007|24|   24|2024"),
        ("%:Ey|%E-y|%EOy|%:y|%::d|%:Z", "%:Ey|%E-y|%EOy|%:y|%::d|%:Z"),
        ("%+|%-+|%:z|%::z", "%+|%-+|+00:00|+00:00:00"),
    ])
    func dateFilterModifiers(format: String, expected: String) throws {
        let t = Value.time(TimeValue(seconds: 1_709_622_489, utcOffset: 0, zone: .fixedOffset))  // 2024-03-05 07:08:09
        #expect(try render("{{ t | date: f }}", ["t": t, "f": .string(format)]) == expected)
    }

    @Test func aDatePrintsPlusAsDateDoes() throws {
        let d = Value.date(DateValue(year: 2024, month: 3, day: 5))
        #expect(try render("{{ d | date: '%+|%^+' }}", ["d": d]) == "Tue Mar  5 00:00:00 +00:00 2024|TUE MAR  5 00:00:00 +00:00 2024")
    }

    /// Whether a pattern prints a zone's name: `%Z` with any flags, width or colons, read directive
    /// by directive (`%%Z` is a percent sign and a Z).
    @Test(arguments: [("%Z", true), ("%^Z", true), ("%-10Z", true), ("%#Z", true), ("%_8Z", true), ("%H:%M %Z", true),
                      ("é%Z", true), ("Z%Z", true), ("%%%Z", true), ("%%Z", false), ("%EZ", false), ("%+", false),
                      ("%b %-d, %Y", false), ("Z", false), ("ZZ%", false), ("100%", false), ("%Y-%m Z", false), ("%z", false)])
    func printsZoneName(pattern: String, prints: Bool) {
        #expect(DateFilter.printsZoneName(pattern) == prints)
    }

    @Test func dateFilterUsesRubyStrftime() throws {
        let t = Value.time(TimeValue(seconds: 1_704_150_000, utcOffset: 3600, zone: .fixedOffset))  // 2024-01-02 00:00 +01:00
        let cases: [(String, String)] = [
            ("%Y-%m-%d %H:%M:%S %z", "2024-01-02 00:00:00 +0100"),
            ("%-d/%-m %e %j %a %A %b %B", "2/1  2 002 Tue Tuesday Jan January"),
            ("%I %l %p %P %:z %^a %10A|%-H", "12 12 AM am +01:00 TUE    Tuesday|0"),
            ("%s %U %W %V %G %u %w %%", "1704150000 00 01 01 2024 2 2 %"),
            ("%D %F %T %R %r %c", "01/02/24 2024-01-02 00:00:00 00:00 12:00:00 AM Tue Jan  2 00:00:00 2024"),
        ]
        for (format, expected) in cases {
            #expect(try render("{{ t | date: f }}", ["t": t, "f": .string(format)]) == expected)
        }
        #expect(try render("{{ t }}", ["t": t]) == "2024-01-02 00:00:00 +0100")
        // Two-digit fields with and without `-`, and a year under 1000 (padded unless `-`); as Ruby prints them.
        let later = Value.time(TimeValue(seconds: 1_700_919_907, utcOffset: 0, zone: .fixedOffset))  // 2023-11-25 13:45:07
        #expect(try render("{{ t | date: f }}", ["t": later, "f": .string("%-d %d %e %-e %-m %m %-H %H %-M %M %-S %S %Y %-Y %h %b %B %a %A %y")])
            == "25 25 25 25 11 11 13 13 45 45 7 07 2023 2023 Nov Nov November Sat Saturday 23")
        let early = Value.time(TimeValue(seconds: -31_007_044_618, utcOffset: 0, zone: .fixedOffset))  // 0987-06-05 04:03:02
        #expect(try render("{{ t | date: f }}", ["t": early, "f": .string("%Y %-Y %e %-e %d %-d %-H %H|%-M|%-S")])
            == "0987 987  5 5 05 5 4 04|3|2")
        #expect(try render("{{ d | date: '%Y %Z %z %s' }}", ["d": .date(DateValue(year: 2016, month: 3, day: 4))]) == "2016 +00:00 +0000 1457049600")
        // Past the 128 bytes formatted on the stack: literals, plain and padded directives.
        let long = String(repeating: "%B %-d, %Y — %20A|", count: 12)
        let expected = String(repeating: "January 2, 2024 — " + String(repeating: " ", count: 13) + "Tuesday|", count: 12)
        #expect(try render("{{ t | date: f }}", ["t": t, "f": .string(long)]) == expected)
        // A directive of a non-ASCII character is printed as written, the character whole (the
        // result is made text without a second check: debug builds assert it is valid).
        #expect(try render("{{ t | date: f }}", ["t": t, "f": .string("%é–%Y ü")]) == "%é–2024 ü")
    }

    @Test(arguments: [
        ("2016-03-14T10:20:30Z", "2016-03-14 10:20:30 UTC"),
        ("2016-03-14 10:20:30 +0100", "2016-03-14 10:20:30 +0100"),
        ("2016-03-14T10:20:30.123+01:00", "2016-03-14 10:20:30 +0100"),
        ("Mon, 14 Mar 2016 10:20:30 -0500", "2016-03-14 10:20:30 -0500"),
        ("2016-03-14 10:20:30 PST", "2016-03-14 10:20:30 -0800"),
        // A day past the month's end runs into the next month, as in Ruby's `Time.parse`.
        ("2020-02-30T10:00:00Z", "2020-03-01 10:00:00 UTC"),
        ("2020-02-31 10:00:00 -0500", "2020-03-02 10:00:00 -0500"),
        ("2020-04-31T23:00:00+02:00", "2020-05-01 23:00:00 +0200"),
        ("2021-02-29 01:02:03 +0000", "2021-03-01 01:02:03 +0000"),
    ] as [(String, String)])
    func timeParsing(input: String, expected: String) {
        #expect(TimeValue.parse(input)?.description == expected)
    }

    /// Ruby refuses a day past 31 (`ArgumentError`), so the filter prints its input.
    @Test func dayPastThirtyOneIsNoDate() {
        #expect(TimeValue.parse("2020-01-32 10:00:00 +0000") == nil)
        #expect(TimeValue.parse("2020-01-32") == nil)
    }

    @Test func unparsableDatesAreLeftAlone() throws {
        #expect(try render("{{ 'foo' | date: '%Y' }}|{{ '03/14/2016' | date: '%Y' }}|{{ '' | date: '%Y' }}") == "foo|03/14/2016|")
    }

    /// A template's text comes out as written, from sources short enough to be held in the
    /// string value itself and from longer ones (whose text nodes copy from the source's storage),
    /// rendered more than once.
    @Test(arguments: ["ab{{ x }}c", "é{{ x }}", "0123456789abcd{{ x }}", "0123456789abcde{{ x }}",
                      "<p>Zürich – {{ x }} ends here</p>\n" + String(repeating: "text ", count: 40) + "{{ x }}!"])
    func templateTextComesOutWhole(source: String) throws {
        let template = try Template.parse(source)
        let expected = source.replacing("{{ x }}", with: "1")
        #expect(try template.render(["x": 1]) == expected)
        #expect(try template.render(["x": 1]) == expected)
    }

    /// The word-at-a-time search for what `escape` replaces finds the first such byte wherever it
    /// is, next to the bytes that fold to the same value (`%`, `=`, `?`, `#`), in any text.
    @Test func htmlSpecialsAreFoundWhereverTheyAre() {
        let alphabet = Array("ab &'<>\"%=?#:;é\u{7F}".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let count = Int(state >> 58)
            var bytes: [UInt8] = []
            for k in 0..<count {
                let pick = Int(((state >> UInt64(k % 50)) &* 31 &+ UInt64(k)) % UInt64(alphabet.count))
                // Mostly plain letters, so that specials are rare and found past whole words.
                bytes.append(k % 7 == 3 || round % 5 == 0 ? alphabet[pick] : UInt8(ascii: "a"))
            }
            let expected = bytes.firstIndex { [38, 60, 62, 34, 39].contains($0) }
            #expect(bytes.withUnsafeBufferPointer(EscapingFilters.firstHTMLSpecial) == expected, "\(bytes)")
        }
    }

    @Test func strictModeRejectsWhatLaxAccepts() throws {
        #expect(try render("{{ a | upcase foo }}", ["a": "x"]) == "X")
        #expect(throws: LiquidError.self) { try render("{{ a | upcase foo }}", ["a": "x"], mode: .strict) }
        var env = LiquidEnvironment.standard
        env.errorMode = .warn
        let t = try Template.parse("{% if a = 1 %}x{% endif %}", environment: env)
        #expect(t.warnings.count == 1)
        #expect(t.warnings.first?.description == "Liquid syntax error (line 1): Unexpected character = in \"a = 1\"")
    }
}
