import Markdown

/// An HTML fragment read and written back the way the HTML parser behind jekyll-mentions and
/// jemoji (libxml2, through Nokogiri) writes a fragment it has parsed: entities become characters
/// (`&`, `<`, `>` escaped again), attributes double-quoted (single-quoted when the value holds a
/// `"`), names lower-cased, void elements without a slash, `<x/>` as `<x></x>`, stray end tags
/// dropped and open elements closed. A transform sees each text node (decoded) with the names of
/// the elements around it and returns the HTML to put in its place, or nil to keep it.
///
/// It is a tokenizer with an element stack, not libxml2: the implied end tags of badly nested
/// markup (a `<div>` inside a `<p>`) are not reproduced.
struct HTMLFragment {
    typealias Transform = (_ text: String, _ ancestors: [String]) -> String?

    static let voidElements: Set<String> = [
        "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "isindex", "link", "meta",
        "param",
    ]
    static let rawTextElements: Set<String> = ["script", "style"]
    static let booleanAttributes: Set<String> = [
        "checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref", "noresize", "noshade",
        "nowrap", "readonly", "selected",
    ]

    static func rewrite(_ html: String, transform: Transform) -> String {
        var scanner = HTMLFragmentScanner(Array(html.utf8))
        var out = ""
        var stack: [String] = []
        var text = ""
        func flushText() {
            guard !text.isEmpty else { return }
            out += transform(text, stack) ?? escapeText(text)
            text = ""
        }
        while let token = scanner.next() {
            switch token {
            case .text(let t):
                text += t
            case .comment(let c):
                flushText()
                out += c
            case .start(let name, let attributes, let selfClosing):
                flushText()
                out += "<" + name + attributes.map(serialize).joined() + ">"
                if voidElements.contains(name) { continue }
                if selfClosing {
                    out += "</\(name)>"
                } else if rawTextElements.contains(name) {
                    out += scanner.rawText(until: name) + "</\(name)>"
                } else {
                    stack.append(name)
                }
            case .end(let name):
                flushText()
                guard let i = stack.lastIndex(of: name) else { continue }
                for open in stack[i...].reversed() { out += "</\(open)>" }
                stack.removeSubrange(i...)
            }
        }
        flushText()
        for open in stack.reversed() { out += "</\(open)>" }
        return out
    }

    /// Text as libxml2 writes it: `&`, `<` and `>` escaped.
    static func escapeText(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func serialize(_ attribute: (name: String, value: String?)) -> String {
        guard let raw = attribute.value, !booleanAttributes.contains(attribute.name) else { return " " + attribute.name }
        var value = escapeText(raw)
        if ["href", "src", "action"].contains(attribute.name) { value = uriEscaped(value) }
        if value.contains("\"") {
            return value.contains("'") ? " \(attribute.name)=\"" + value.replacingAll("\"", with: "&quot;") + "\""
                : " \(attribute.name)='\(value)'"
        }
        return " \(attribute.name)=\"\(value)\""
    }

    /// libxml2's escaping of URI attributes: leading blanks dropped, bytes outside the unreserved
    /// set and `@/:=?;#%&,+<>` as `%XX`.
    static func uriEscaped(_ s: String) -> String {
        let kept = Set("-_.!~*'()@/:=?;#%&,+<>".utf8)
        var out = ""
        var bytes = Substring(s).utf8.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }[...]
        while let b = bytes.first {
            bytes = bytes.dropFirst()
            let isAlnum = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            if isAlnum || kept.contains(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(b >> 4)])
                out.unicodeScalars.append(hex[Int(b & 0xF)])
            }
        }
        return out
    }
}

/// Splits HTML into text (entities decoded), comments, start and end tags.
struct HTMLFragmentScanner {
    enum Token {
        case text(String)
        case comment(String)
        case start(name: String, attributes: [(name: String, value: String?)], selfClosing: Bool)
        case end(String)
    }

    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
            || b == 0x3A || b == 0x2E
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
    private func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    private func string(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }

    mutating func next() -> Token? {
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count {
            let b = bytes[i + 1]
            if b == UInt8(ascii: "!") { return markupDeclaration() }
            if b == UInt8(ascii: "/"), i + 2 < bytes.count, isLetter(bytes[i + 2]) { return endTag() }
            if isLetter(b) { return startTag() }
        }
        let start = i
        i += 1
        while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
        return .text(HTMLFragmentScanner.decodeEntities(string(start, i)))
    }

    private mutating func markupDeclaration() -> Token {
        let start = i
        let isComment = i + 3 < bytes.count && bytes[i + 2] == UInt8(ascii: "-") && bytes[i + 3] == UInt8(ascii: "-")
        if isComment {
            var j = i + 4
            while j + 2 < bytes.count, !(bytes[j] == 0x2D && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x3E) { j += 1 }
            i = min(bytes.count, j + 3)
        } else {
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
            i = min(bytes.count, i + 1)
        }
        return .comment(string(start, i))
    }

    private mutating func endTag() -> Token {
        i += 2
        let start = i
        while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
        let name = string(start, i).lowercased()
        while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
        i = min(bytes.count, i + 1)
        return .end(name)
    }

    private mutating func startTag() -> Token {
        i += 1
        let start = i
        while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
        let name = string(start, i).lowercased()
        var attributes: [(name: String, value: String?)] = []
        var selfClosing = false
        while i < bytes.count {
            while i < bytes.count, isSpace(bytes[i]) { i += 1 }
            guard i < bytes.count else { break }
            if bytes[i] == UInt8(ascii: ">") { i += 1; break }
            if bytes[i] == UInt8(ascii: "/") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: ">") { selfClosing = true; i += 1; break }
                continue
            }
            let nameStart = i
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
                  !(bytes[i] == UInt8(ascii: "/") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: ">")) { i += 1 }
            let attributeName = string(nameStart, i).lowercased()
            while i < bytes.count, isSpace(bytes[i]) { i += 1 }
            var value: String?
            if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    let valueStart = i + 1
                    i += 1
                    while i < bytes.count, bytes[i] != quote { i += 1 }
                    value = HTMLFragmentScanner.decodeEntities(string(valueStart, min(i, bytes.count)))
                    i = min(bytes.count, i + 1)
                } else {
                    let valueStart = i
                    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    value = HTMLFragmentScanner.decodeEntities(string(valueStart, i))
                }
            }
            if !attributeName.isEmpty, !attributes.contains(where: { $0.name == attributeName }) {
                attributes.append((attributeName, value))
            }
        }
        return .start(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    /// The content of a `<script>` or `<style>` up to its end tag, as it is; the end tag is consumed.
    mutating func rawText(until name: String) -> String {
        let close = Array("</\(name)".utf8)
        let start = i
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), i + close.count <= bytes.count,
               zip(bytes[i..<(i + close.count)], close).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                let text = string(start, i)
                while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
                i = min(bytes.count, i + 1)
                return text
            }
            i += 1
        }
        return string(start, i)
    }

    /// Named (HTML 4) and numeric character references as characters; anything else stays.
    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(32).firstIndex(of: ";"), let scalar = reference(after[..<semi]) {
                out.unicodeScalars.append(scalar)
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func reference(_ name: Substring) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
        if name == "apos" { return "'" }
        return EntityTable.byName[String(name)].flatMap(Unicode.Scalar.init)
    }
}
