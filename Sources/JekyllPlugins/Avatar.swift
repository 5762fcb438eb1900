import Jekyll
import Liquid

/// jekyll-avatar: `{% avatar hubot size=50 %}` (or `user=variable`, `lazy=true`) writes an `<img>`
/// of the user's GitHub avatar at one to four times the size. The avatar host is picked from the
/// image path's CRC-32, as the plugin does, unless `PAGES_AVATARS_URL` names another.
public struct Avatar: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-avatar" }

    public func register(in environment: inout LiquidEnvironment, configuration: Configuration) {
        environment.register(tag: "avatar", AvatarTag.Parser())
    }
}

struct AvatarTag: TagNode {
    struct Parser: TagParser {
        func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            let text = tag.markup.rubyStripped
            return AvatarTag(text: try Template.parse(text, name: parser.templateName, environment: parser.environment),
                             size: AvatarTag.option("size", in: text, digitsOnly: true) ?? "40",
                             userVariable: AvatarTag.option("user", in: text, digitsOnly: false))
        }
    }

    let text: Template
    let size: String
    let userVariable: String?

    /// `key=value` as a whole word (`size` in any case, digits; `user`, a dotted name).
    static func option(_ key: String, in text: String, digitsOnly: Bool) -> String? {
        let isWord: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "_" }
        var search = text[...]
        while let r = search.range(of: key + "=", options: digitsOnly ? .caseInsensitive : []) {
            defer { search = search[r.upperBound...] }
            if r.lowerBound > text.startIndex, isWord(text[text.index(before: r.lowerBound)]) { continue }
            var value = text[r.upperBound...].prefix { digitsOnly ? $0.isASCII && $0.isNumber : (isWord($0) || $0 == ".") }
            // The value must end at a word boundary: digits not followed by a letter, a name
            // without its trailing dots.
            if digitsOnly, value.endIndex < text.endIndex, isWord(text[value.endIndex]) { continue }
            while let last = value.last, !isWord(last) { value = value.dropLast() }
            if !value.isEmpty { return String(value) }
        }
        return nil
    }

    func render(into output: inout OutputBuffer, context: RenderContext) throws {
        var buffer = OutputBuffer()
        try text.render(into: &buffer, context: context)
        let rendered = buffer.string
        let username = self.username(rendered, context)
        let customHost = FileSystem.environment("PAGES_AVATARS_URL") ?? ""
        let sizeNumber = Int(size) ?? 0
        func path(_ scale: Int) -> String { "\(username)?v=3&s=\(scale == 1 ? size : String(sizeNumber * scale))" }
        let host = customHost.isEmpty
            ? "https://avatars\(CRC32.checksum(Array(path(1).utf8)) % 4).githubusercontent.com" : customHost
        func url(_ scale: Int) -> String {
            customHost.isEmpty ? "\(host)/\(path(scale))" : (host.hasSuffix("/") ? host : host + "/") + path(scale)
        }
        let srcset = (1...4).map { "\(url($0)) \($0)x" }.joined(separator: ", ")
        var attributes = [("class", sizeNumber < 48 ? "avatar avatar-small" : "avatar"), ("alt", username),
                          ("width", size), ("height", size), ("data-proofer-ignore", "true")]
        if rendered.contains("lazy=true") {
            attributes += [("src", ""), ("data-src", url(1)), ("data-srcset", srcset)]
        } else {
            attributes += [("src", url(1)), ("srcset", srcset)]
        }
        output.append("<img " + attributes.map { "\($0.0)=\"\($0.1)\"" }.joined(separator: " ") + " />")
    }

    func username(_ rendered: String, _ context: RenderContext) -> String {
        if let userVariable {
            let value = TemplateAccess(context: context).variable(path: userVariable)
            return value.rubyTruthy ? value.rubyString : userVariable
        }
        let first = rendered.contains(" ") ? String(rendered.split(separator: " ").first ?? "") : rendered
        return first.hasPrefix("@") ? String(first.dropFirst()) : first
    }
}

/// Zlib's CRC-32.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
