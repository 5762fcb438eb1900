/// `{% raw %}…{% endraw %}`: the body is printed as written.
struct RawTag: TagNode {
    let body: String

    var isBlank: Bool { body.isEmpty }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        output.append(body)
    }

    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            guard tag.markup.utf8.allSatisfy(isRubySpace) else {
                throw LiquidError.syntax("Syntax Error in '\(tag.name)' - Valid syntax: \(tag.name)")
            }
            var body = ""
            while let token = parser.nextRawToken() {
                if let (before, name) = RawToken.lastTag(in: token), name == "end" + tag.name {
                    body += before
                    parser.setTrimNextText(RawToken.trimsFollowing(token))
                    return RawTag(body: body)
                }
                body += token
            }
            throw parser.neverClosed(tag)
        }
    }
}

/// Recognizing tags in raw tokens (ruby-liquid's `FullTokenPossiblyInvalid`, `FullToken`).
enum RawToken {
    /// The last `{%-? name …%}` ending the token: the text before it and the tag's name.
    static func lastTag(in token: String) -> (String, String)? {
        let b = Array(token.utf8)
        guard b.count >= 4, b[b.count - 2] == UInt8(ascii: "%"), b[b.count - 1] == UInt8(ascii: "}") else { return nil }
        var p = b.count - 3
        while p >= 0 {
            if b[p] == UInt8(ascii: "{"), b[p + 1] == UInt8(ascii: "%") {
                var i = p + 2
                if i < b.count - 2, b[i] == UInt8(ascii: "-") { i += 1 }
                while i < b.count - 2, isRubySpace(b[i]) { i += 1 }
                let nameStart = i
                while i < b.count - 2, isWordByte(b[i]) { i += 1 }
                if i > nameStart {
                    return (String(decoding: b[0..<p], as: UTF8.self), String(decoding: b[nameStart..<i], as: UTF8.self))
                }
            }
            p -= 1
        }
        return nil
    }

    /// The name of a token that is a whole tag (`{%- name … -%}`), if it is one.
    static func tagName(of token: String) -> String? {
        let b = Array(token.utf8)
        guard b.count >= 4, b[0] == UInt8(ascii: "{"), b[1] == UInt8(ascii: "%"),
            b[b.count - 2] == UInt8(ascii: "%"), b[b.count - 1] == UInt8(ascii: "}")
        else { return nil }
        var i = 2
        if b[i] == UInt8(ascii: "-") { i += 1 }
        while i < b.count - 2, isRubySpace(b[i]) { i += 1 }
        if i < b.count - 2, b[i] == UInt8(ascii: "#") { return "#" }
        let start = i
        while i < b.count - 2, isWordByte(b[i]) { i += 1 }
        return i > start ? String(decoding: b[start..<i], as: UTF8.self) : nil
    }

    /// The name of a line inside `{% liquid %}`.
    static func lineTagName(of line: String) -> String? {
        let b = Array(line.utf8)
        var i = 0
        while i < b.count, isRubySpace(b[i]) { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: "#") { return "#" }
        let start = i
        while i < b.count, isWordByte(b[i]) { i += 1 }
        return i > start ? String(decoding: b[start..<i], as: UTF8.self) : nil
    }

    /// `-%}` at the end.
    static func trimsFollowing(_ token: String) -> Bool {
        let b = Array(token.utf8)
        return b.count >= 3 && b[b.count - 3] == UInt8(ascii: "-")
    }
}
