import Liquid
import Testing

/// Numbers past Int's range where Liquid wants an integer (range ends, subscripts, ceil/floor/round,
/// tablerow limits): Ruby would make a Bignum; we saturate, so a template gives output or a located
/// error and never traps (found by the liquid-parse fuzzer: a 24-digit range end).
@Suite struct HugeNumberTests {
    @Test(arguments: [
        ("{% for i in (1..222222222222222222222223) %}{% break %}{% endfor %}x", "x"),
        ("{% for i in (-1000000000000000000000000.0..1) limit: 1 %}{{ i }}{% endfor %}", nil),
        ("{{ 1000000000000000000000000.0 | ceil }}", String(Int.max)),
        ("{{ -1000000000000000000000000.0 | floor }}", String(Int.min)),
        ("{{ 2.5 | round: 1000000000000000000000000.0 }}", nil),
        // A 65-digit integer literal is read as a decimal; rounding it to an integer saturates
        // (the liquid-render fuzzer's crash, 2026-11-29).
        ("{{ 99999999999999999999999999999999999999999999999999999999999999999 | round }}", String(Int.max)),
        ("{{ -99999999999999999999999999999999999999999999999999999999999999999 | round: -2 }}", String(Int.min)),
        ("{{ list[1000000000000000000000000.0] }}|{{ list[-1000000000000000000000000.0] }}", "|"),
        // strftime widths: past a C int Ruby prints the directive as written; past 512 KiB of
        // output per format byte it raises ERANGE (the liquid-render fuzzer's second crash).
        ("{{ 0 | date: \"%Y-%44444444444444444444444H\" }}", "1970-%44444444444444444444444H"),
        ("{{ 0 | date: \"%2147483647H\" }}", nil),
        ("{% tablerow i in list limit: 1000000000000000000000000.0 %}{{ i }}{% endtablerow %}", nil),
    ] as [(String, String?)])
    func rendersWithoutTrapping(source: String, expected: String?) throws {
        let template = try Template.parse(source, name: "page.html", firstLine: 1, environment: .standard)
        do {
            let output = try template.render(["list": [1, 2]])
            if let expected { #expect(output == expected) }
        } catch let error as LiquidError {
            #expect(error.location != nil, "\(error)")
        }
    }
}
