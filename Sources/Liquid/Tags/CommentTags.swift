/// A tag that renders nothing: comments.
struct SilentTag: TagNode {
    var isBlank: Bool { true }
    func render(into output: inout OutputBuffer, context: RenderContext) throws {}
}

/// `{% comment %}…{% endcomment %}`: the body is skipped without being parsed, except that nested
/// comments must balance and `raw` blocks inside are skipped whole.
struct CommentTagParser: TagParser {
    func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
        var depth = 1
        let inLiquid = parser.isInsideLiquidTag
        while let token = parser.nextRawToken() {
            let name = inLiquid ? RawToken.lineTagName(of: token) : RawToken.tagName(of: token)
            switch name {
            case "raw"?:
                try skipRaw(parser: &parser, tag: tag)
            case "comment"?:
                depth += 1
            case "endcomment"?:
                depth -= 1
            default:
                break
            }
            if depth == 0 {
                if !inLiquid { parser.setTrimNextText(RawToken.trimsFollowing(token)) }
                return SilentTag()
            }
        }
        throw parser.neverClosed(tag)
    }

    private func skipRaw(parser: inout TemplateParser, tag: TagMarkup) throws {
        while let token = parser.nextRawToken() {
            if let (_, name) = RawToken.lastTag(in: token), name == "endraw" { return }
        }
        throw parser.neverClosed(TagMarkup(name: "raw", markup: "", position: tag.position, token: "",
                                           trimsFollowingWhitespace: false))
    }
}

/// `{% doc %}…{% enddoc %}`: documentation, skipped; no arguments, no nesting.
struct DocTagParser: TagParser {
    func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
        guard tag.markup.utf8.allSatisfy(isRubySpace) else {
            throw LiquidError.syntax("Syntax Error in '\(tag.name)' - Valid syntax: {% \(tag.name) %}{% end\(tag.name) %}")
        }
        while let token = parser.nextRawToken() {
            let name = RawToken.lastTag(in: token)?.1
            if name == tag.name { throw LiquidError.syntax("Syntax Error in 'doc' - Nested doc tags are not allowed") }
            if name == "end" + tag.name {
                parser.setTrimNextText(RawToken.trimsFollowing(token))
                return SilentTag()
            }
        }
        throw parser.neverClosed(tag)
    }
}

/// `{% # comment %}`: every line of the comment must start with `#`.
struct InlineCommentTagParser: TagParser {
    func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
        // ruby-liquid rejects /\n\s*[^#\s]/.
        let b = Array(tag.markup.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "\n") {
                var j = i + 1
                while j < b.count && isRubySpace(b[j]) { j += 1 }
                if j < b.count && b[j] != UInt8(ascii: "#") {
                    throw LiquidError.syntax("Syntax error in tag '#' - Each line of comments must be prefixed by the '#' character")
                }
            }
            i += 1
        }
        return SilentTag()
    }
}
