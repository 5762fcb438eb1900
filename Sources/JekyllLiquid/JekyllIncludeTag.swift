import Liquid

/// Jekyll's `{% include file.html key="value" key2=variable %}`: the file name may contain
/// `{{ … }}`; parameters are exposed as `include.key` in a scope of their own; the partial
/// renders in the current context (its assignments stay visible) and its errors abort the render.
public struct JekyllIncludeTag: TagNode {
    /// Turns the file name written in the tag into the name the file system is asked for
    /// (`include_relative` resolves it against the current page's folder).
    public typealias Resolver = @Sendable (_ file: String, _ context: RenderContext) throws -> String

    let file: String
    let resolve: Resolver?
    /// The file name as a template when it contains `{{ … }}`.
    let fileTemplate: Template?
    let parameters: [(key: String, value: Parameter)]
    let hasParameters: Bool
    /// The parameters as written (`posts=site.posts limit=5`).
    let parameterMarkup: String?
    let tagName: String
    /// A file name without `{{ … }}` that passed `validateFileName` when parsed: not checked again
    /// on every render (the check reads Unicode properties). A bad one still fails when rendered.
    var literalFileIsValid = false

    enum Parameter {
        case string(String)
        case variable(Expression)
    }

    public func render(into output: inout OutputBuffer, context: RenderContext) throws {
        let call = try evaluateCall(context)
        try render(call, into: &output, context: context)
    }

    /// The file an include names and its parameters, evaluated in a context (a caching include
    /// keys its cache on them).
    public struct Call {
        public let file: String
        public let parameters: OrderedHash
    }

    public func evaluateCall(_ context: RenderContext) throws -> Call {
        var name = file
        if let fileTemplate {
            var buffer = OutputBuffer()
            try fileTemplate.render(into: &buffer, context: context)
            name = buffer.string
        }
        if !literalFileIsValid { try Self.validateFileName(name, tagName: tagName) }
        if let resolve { name = try resolve(name, context) }
        var params = OrderedHash()
        for (key, value) in parameters {
            switch value {
            case .string(let s): params[key] = .string(s)
            case .variable(let e): params[key] = try e.evaluate(context)
            }
        }
        return Call(file: name, parameters: params)
    }

    public func render(_ call: Call, into output: inout OutputBuffer, context: RenderContext) throws {
        try context.includePartial(named: call.file, into: &output) {
            if hasParameters { context["include"] = .hash(call.parameters) }
        }
    }

    /// What names this include's file and parameters as written, when the file is named literally
    /// and found in the include folders (not beside the page): equal texts mean the same partial
    /// called with the same expressions.
    public var literalCallKey: String? {
        guard fileTemplate == nil, resolve == nil, literalFileIsValid else { return nil }
        return file + "\u{0}" + (parameterMarkup ?? "")
    }

    static func syntaxExample(_ tagName: String) -> String {
        "{% \(tagName) file.ext param='value' param2='value' %}"
    }

    /// `[./]{2,}` is refused, and names must be made of `\w / . - ( ) + ~ # @`.
    static func validateFileName(_ name: String, tagName: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { u in
            (u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u))) || "_/.-()+~#@".unicodeScalars.contains(u)
        }
        var previousDotOrSlash = false
        var badSequence = false
        for u in name.unicodeScalars {
            let dotOrSlash = u == "." || u == "/"
            if dotOrSlash && previousDotOrSlash { badSequence = true }
            previousDotOrSlash = dotOrSlash
        }
        if badSequence || !allowed || name.isEmpty {
            throw LiquidError(.argument, """
                Invalid syntax for include tag. File contains invalid characters or sequences:

                  \(name)

                Valid syntax:

                  \(syntaxExample(tagName))

                """)
        }
    }

    public struct Parser: TagParser {
        let resolve: Resolver?

        public init(resolve: Resolver? = nil) {
            self.resolve = resolve
        }

        public func parse(_ tag: TagMarkup, parser: inout TemplateParser) throws -> any TagNode {
            let markup = tag.markup.trimmingCharacters()
            var file: String
            var params: String?
            if let (variable, rest) = Self.splitVariableFile(markup) {
                file = variable
                params = rest.isEmpty ? nil : rest
            } else {
                let parts = markup.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                file = parts.first.map(String.init) ?? ""
                params = parts.count > 1 ? String(parts[1]).trimmingCharacters() : nil
            }
            var parsed: [(String, Parameter)] = []
            if let params {
                guard let list = Self.parameters(params, parser: &parser) else {
                    throw LiquidError(.argument, """
                        Invalid syntax for include tag:

                        \(params)

                        Valid syntax:

                        \(JekyllIncludeTag.syntaxExample(tag.name))

                        """)
                }
                parsed = list
            }
            var fileTemplate: Template?
            if file.contains("{{") {
                fileTemplate = try Template.parse(file, name: parser.templateName, environment: parser.environment)
            }
            return JekyllIncludeTag(file: file, resolve: resolve, fileTemplate: fileTemplate, parameters: parsed,
                                    hasParameters: params != nil, parameterMarkup: params, tagName: tag.name,
                                    literalFileIsValid: fileTemplate == nil
                                        && (try? JekyllIncludeTag.validateFileName(file, tagName: tag.name)) != nil)
        }

        /// A file name containing `{{ variable | filters }}` and the parameters after it (Jekyll's
        /// `VARIABLE_SYNTAX`): text without `{`, then `{{ name }}` or `{{ name | … }}` (running to
        /// the last `}}`), then non-space characters, repeated.
        static func splitVariableFile(_ markup: String) -> (String, String)? {
            let b = Array(markup.utf8)
            func isSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
            guard var i = b.firstIndex(of: UInt8(ascii: "{")), i + 1 < b.count, b[i + 1] == UInt8(ascii: "{") else { return nil }
            var matched = false
            while i + 1 < b.count, b[i] == UInt8(ascii: "{"), b[i + 1] == UInt8(ascii: "{") {
                var j = i + 2
                while j < b.count, isSpace(b[j]) { j += 1 }
                let nameStart = j
                while j < b.count, isWord(b[j]) || b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: ".") { j += 1 }
                guard j > nameStart else { break }
                while j < b.count, isSpace(b[j]) { j += 1 }
                var close: Int?
                if j + 1 < b.count, b[j] == UInt8(ascii: "}"), b[j + 1] == UInt8(ascii: "}") {
                    close = j
                } else if j < b.count, b[j] == UInt8(ascii: "|") {
                    var k = b.count - 2
                    while k > j {
                        if b[k] == UInt8(ascii: "}") && b[k + 1] == UInt8(ascii: "}") { close = k; break }
                        k -= 1
                    }
                }
                guard let c = close else { break }
                j = c + 2
                while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: "{"), b[j] != UInt8(ascii: "}") { j += 1 }
                i = j
                matched = true
            }
            guard matched else { return nil }
            return (String(decoding: b[0..<i], as: UTF8.self).trimmingCharacters(),
                    String(decoding: b[i...], as: UTF8.self).trimmingCharacters())
        }

        /// `key="value" key='value' key=variable …`, or nil when anything else is there.
        static func parameters(_ text: String, parser: inout TemplateParser) -> [(String, Parameter)]? {
            let b = Array(text.utf8)
            var i = 0
            var result: [(String, Parameter)] = []
            func isKeyByte(_ c: UInt8) -> Bool {
                (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c == 95 || c == 45
            }
            func isSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
            while true {
                while i < b.count, isSpace(b[i]) { i += 1 }
                if i == b.count { return result }
                let keyStart = i
                while i < b.count, isKeyByte(b[i]) { i += 1 }
                guard i > keyStart else { return nil }
                let key = String(decoding: b[keyStart..<i], as: UTF8.self)
                while i < b.count, isSpace(b[i]) { i += 1 }
                guard i < b.count, b[i] == UInt8(ascii: "=") else { return nil }
                i += 1
                while i < b.count, isSpace(b[i]) { i += 1 }
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                    let quote = b[i]
                    i += 1
                    var value = [UInt8]()
                    while i < b.count, b[i] != quote {
                        if b[i] == UInt8(ascii: "\\"), i + 1 < b.count {
                            // Only an escaped quote loses its backslash, as in Jekyll.
                            if b[i + 1] != quote { value.append(b[i]) }
                            value.append(b[i + 1])
                            i += 2
                            continue
                        }
                        value.append(b[i])
                        i += 1
                    }
                    guard i < b.count else { return nil }
                    i += 1
                    result.append((key, .string(String(decoding: value, as: UTF8.self))))
                } else {
                    let start = i
                    while i < b.count, isKeyByte(b[i]) || b[i] == UInt8(ascii: ".") { i += 1 }
                    guard i > start else { return nil }
                    let variable = String(decoding: b[start..<i], as: UTF8.self)
                    result.append((key, .variable(parser.laxExpression(variable))))
                }
                guard i == b.count || isSpace(b[i]) else { return nil }
            }
        }
    }
}

extension JekyllIncludeTag: AnalyzableTag {
    /// Reads the parameters' expressions, then what the partial reads, with `include` set when
    /// parameters are given (without them, `include` is whatever the enclosing include set).
    public func analyze(_ analyzer: inout TemplateAnalyzer) {
        guard literalCallKey != nil else {
            analyzer.unknown("include of a computed or relative file")
            return
        }
        for (_, value) in parameters {
            if case .variable(let e) = value { analyzer.read(e) }
        }
        analyzer.partial(named: file, setting: hasParameters ? ["include"] : [])
    }
}

func isWord(_ c: UInt8) -> Bool {
    (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c == 95
}

extension String {
    func trimmingCharacters() -> String {
        String(Substring(self).trimmingSpaces)
    }
}
