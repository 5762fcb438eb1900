/// Where something is in a template: its name (nil for the top-level template when the host gives
/// none), 1-based line (counted from the host's `firstLine`, so front matter is included) and
/// 1-based column in characters.
public struct SourceLocation: Sendable, Hashable {
    public var templateName: String?
    public var line: Int
    public var column: Int

    public init(templateName: String?, line: Int, column: Int) {
        self.templateName = templateName
        self.line = line
        self.column = column
    }
}

/// A Liquid error: a value with a kind, a message, where it happened, and the include/render
/// chain that led there. `description` is the message ruby-liquid prints
/// ("Liquid syntax error (line 3): Unknown tag 'x'"); hosts can print
/// `path:line:col: error: message` from the fields.
public struct LiquidError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntax = "SyntaxError"
        case argument = "ArgumentError"
        case context = "ContextError"
        case fileSystem = "FileSystemError"
        case standard = "StandardError"
        case stackLevel = "StackLevelError"
        case memory = "MemoryError"
        case zeroDivision = "ZeroDivisionError"
        case floatDomain = "FloatDomainError"
        case undefinedVariable = "UndefinedVariable"
        case undefinedDropMethod = "UndefinedDropMethod"
        case undefinedFilter = "UndefinedFilter"
        case disabled = "DisabledError"
        case `internal` = "InternalError"
    }

    public var kind: Kind
    /// The bare message, without prefix or location ("divided by 0").
    public var message: String
    /// Where the failing tag or output is, once known.
    public var location: SourceLocation?
    /// ruby-liquid's markup context: `in "{{ x | foo bar }}"`, shown after the message.
    public var markupContext: String?
    /// The include/render tags that led to the failing template, outermost first.
    public var includeChain: [SourceLocation]
    /// The host's own error when a filter or tag threw something that is not a `LiquidError`.
    public var underlying: (any Error & Sendable)?

    public init(_ kind: Kind, _ message: String, location: SourceLocation? = nil, markupContext: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.markupContext = markupContext
        self.includeChain = []
        self.underlying = nil
    }

    public static func syntax(_ message: String) -> LiquidError { LiquidError(.syntax, message) }
    public static func argument(_ message: String) -> LiquidError { LiquidError(.argument, message) }

    public var isSyntaxError: Bool { kind == .syntax }

    /// ruby-liquid's `Liquid::Error#to_s`: "Liquid error (name line 3): message in "markup"".
    public var description: String {
        var s = kind == .syntax ? "Liquid syntax error" : "Liquid error"
        if let location {
            s += " ("
            if let name = location.templateName { s += name + " " }
            s += "line \(location.line))"
        }
        // Like ruby-liquid, errors that are not Liquid's own print as "internal" (the message
        // keeps the detail for the host).
        s += ": " + (kind == .internal ? "internal" : message)
        if let markupContext { s += " " + markupContext }
        return s
    }

    /// Sets the location unless one is already known (the innermost location wins).
    mutating func locate(_ location: SourceLocation) {
        if self.location == nil { self.location = location }
    }

    /// Wraps any error thrown by a filter, tag or drop as a Liquid error.
    static func wrap(_ error: any Error) -> LiquidError {
        if let e = error as? LiquidError { return e }
        var e = LiquidError(.internal, "internal")
        e.underlying = error
        return e
    }
}
