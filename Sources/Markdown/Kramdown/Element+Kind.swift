/// The kinds of elements and the kind-specific values they carry, as kramdown's element model
/// names them.
extension Element {
    enum Kind: Equatable {
        // block level
        case root, blank, p, header, hr, codeblock, blockquote, ul, ol, li, dl, dt, dd
        case table, thead, tbody, tfoot, tr, td, eob
        // either level (`block` tells which)
        case htmlElement, xmlComment, xmlPI, comment, raw, math
        // span level
        case text, rawText, codespan, em, strong, a, img, br, entity, smartQuote, typographic, footnote, abbreviation
    }
    enum ContentModel { case raw, span, block }
    enum Quote: Int { case lsquo = 0, rsquo, ldquo, rdquo }
    enum Typographic { case mdash, ndash, hellip, laquoSpace, raquoSpace, laquo, raquo }
    enum Alignment { case none, left, center, right }
    /// What an end-of-block marker stands for (kramdown's `:eob` values).
    enum EOBKind { case marker, linkDef, abbrevDef, footnoteDef, ald, ial, options }
}
