import Testing
@testable import Markdown

/// Runs of one empty line share one blank element per conversion (`Context.newlineBlank`); the
/// places that add a run to the one before it give a shared blank an element of its own first.
struct SharedBlankTests {
    /// Blank runs merged by the grammar (after a list's last item, across an EOB marker), read by
    /// the definition-list rule, and next to a block IAL.
    static let source = """
        para

        ^


        next

        * a

        * b



        term

        : def

        > quote
        >
        > more


        {: .x}

        after ial
          
        last

        """

    /// kramdown 2.4.0's HTML for `source`, with `input: GFM` and with kramdown's own input.
    static let html = """
        <p>para</p>

        <p>next</p>

        <ul>
          <li>
            <p>a</p>
          </li>
          <li>
            <p>b</p>
          </li>
        </ul>

        <dl>
          <dt>term</dt>
          <dd>
            <p>def</p>
          </dd>
        </dl>

        <blockquote>
          <p>quote</p>

          <p>more</p>
        </blockquote>

        <p class="x">after ial</p>

        <p>last</p>

        """

    @Test(arguments: [KramdownOptions.Input.gfm, .kramdown])
    func blankRunsConvertAsKramdownDoes(input: KramdownOptions.Input) {
        var options = KramdownOptions()
        options.input = input
        #expect(KramdownConverter(options: options).convert(Self.source).html == Self.html)
    }

    @Test(arguments: [KramdownOptions.Input.gfm, .kramdown])
    func theSharedBlankIsNeverChanged(input: KramdownOptions.Input) {
        var options = KramdownOptions()
        options.input = input
        let ctx = SpanParser.Context(options: options)
        let root = Element(.root)
        let bytes = KramdownConverter.sourceBytes(Self.source)
        if input == .gfm {
            CmarkBlockBuilder(context: ctx, root: root).build(root, source: bytes)
        } else {
            _ = BlockParser(context: ctx, root: root).parseBlocks(root, bytes)
        }
        TreeUpdate(ctx: ctx).run(root)
        var shared = 0, own = 0
        func count(_ el: Element) {
            for c in el.children where c.kind == .blank {
                if ctx.isSharedBlank(c) { shared += 1 } else { own += 1 }
            }
            for c in el.children where c.kind != .blank { count(c) }
        }
        count(root)
        #expect(shared > 0 && own > 0, "both kinds of run are in the document")
        #expect(ctx.newlineBlank.value == "\n" && ctx.newlineBlank.ial == nil)
    }

    /// The shared blank is the pool's, for every conversion that takes elements from it: one
    /// converter gives the same HTML each time.
    @Test(arguments: [KramdownOptions.Input.gfm, .kramdown])
    func theSharedBlankServesEveryConversionOfAPool(input: KramdownOptions.Input) {
        var options = KramdownOptions()
        options.input = input
        let pool = ElementPool()
        let first = SpanParser.Context(options: options, elementPool: pool)
        let second = SpanParser.Context(options: options, elementPool: pool)
        #expect(first.newlineBlank === second.newlineBlank && first.newlineBlank === pool.newlineBlank)
        let converter = KramdownConverter(options: options)
        for _ in 0..<3 { #expect(converter.convert(Self.source).html == Self.html) }
    }
}
