/// How strictly markup is parsed. `lax` accepts what ruby-liquid's lax parser accepts, `warn`
/// parses strictly and falls back to lax with a warning (Jekyll's default), `strict` rejects
/// anything the strict grammar does not allow.
public enum ErrorMode: String, Sendable {
    case lax, warn, strict
}

/// The arguments a filter receives after its input: positional values and `key: value` pairs.
public struct FilterArguments: Sendable {
    // The first two positional arguments are kept inline: most filters take one or two, and
    // this spares an array per call.
    private var first: Value = .nil
    private var second: Value = .nil
    /// Nil while there are at most two (no array to release).
    private var rest: [Value]?
    private var positionalCount = 0
    /// Nil when there are none (the common case: no hash to retain and release).
    private var keywordStorage: OrderedHash?

    public var keywords: OrderedHash {
        get { keywordStorage ?? OrderedHash() }
        set { keywordStorage = newValue.isEmpty ? nil : newValue }
    }
    /// Positions of arguments written as the literals `empty` or `blank` (they evaluate to ""; a
    /// few host filters, such as Debian's Jekyll `where`, treat them specially).
    public var emptyLiteralPositions: [Int] {
        get { (0..<64).filter { emptyLiteralMask & (1 << UInt64($0)) != 0 } }
        set {
            emptyLiteralMask = 0
            for i in newValue where i >= 0 && i < 64 { emptyLiteralMask |= 1 << UInt64(i) }
        }
    }
    /// The same positions as bits (a plain word: nothing to retain per call).
    var emptyLiteralMask: UInt64 = 0

    public init(positional: [Value], keywords: OrderedHash = OrderedHash()) {
        self.keywords = keywords
        self.positional = positional
    }

    init() {}

    mutating func append(_ value: Value) {
        switch positionalCount {
        case 0: first = value
        case 1: second = value
        default:
            if rest == nil { rest = [value] } else { rest?.append(value) }
        }
        positionalCount += 1
    }

    /// The positional arguments, in order.
    public var positional: [Value] {
        get {
            switch positionalCount {
            case 0: return []
            case 1: return [first]
            default: return [first, second] + (rest ?? [])
            }
        }
        set {
            positionalCount = 0
            first = .nil
            second = .nil
            rest = nil
            for v in newValue { append(v) }
        }
    }

    /// The arguments as a Ruby filter method receives them: keyword arguments gathered into one
    /// hash after the positional ones.
    public var ruby: [Value] {
        keywordStorage.map { positional + [.hash($0)] } ?? positional
    }

    /// The Ruby argument count (keyword arguments count as one hash).
    public var rubyCount: Int { positionalCount + (keywordStorage == nil ? 0 : 1) }

    /// The i-th Ruby argument, or nil (Ruby's default of nil) when not given.
    public subscript(i: Int) -> Value {
        if i < positionalCount {
            switch i {
            case 0: return first
            case 1: return second
            default: return rest?[i - 2] ?? .nil
            }
        }
        if i == positionalCount, let k = keywordStorage { return .hash(k) }
        return .nil
    }

    public func isGiven(_ i: Int) -> Bool { i < rubyCount }
}

/// A filter: a function from the input and arguments to a value, with the number of arguments it
/// takes (after the input; keyword arguments count as one) so calls with too many or too few fail
/// as ruby-liquid's do ("wrong number of arguments (given 3, expected 1..2)").
public final class FilterDefinition: Sendable {
    public typealias Body = @Sendable (_ input: Value, _ arguments: FilterArguments, _ context: RenderContext) throws -> Value

    public let name: String
    public let arity: ClosedRange<Int>
    public let body: Body
    /// What the filter reads besides its input and arguments, for `TemplateAnalyzer` (a filter
    /// evaluating an expression given as text, such as Jekyll's `where_exp`); nil: nothing.
    public typealias Analysis = @Sendable (_ arguments: [Expression], _ analyzer: inout TemplateAnalyzer) -> Void
    public let analysis: Analysis?
    /// Marks Liquid's own `split` and `size`, so `split: x | size` can count without splitting.
    let standard: Standard?

    enum Standard { case split, size }

    public init(_ name: String, arity: ClosedRange<Int>, analysis: Analysis? = nil, _ body: @escaping Body) {
        self.name = name
        self.arity = arity
        self.body = body
        self.analysis = analysis
        self.standard = nil
    }

    init(_ name: String, arity: ClosedRange<Int>, standard: Standard, _ body: @escaping Body) {
        self.name = name
        self.arity = arity
        self.body = body
        self.analysis = nil
        self.standard = standard
    }

    func invoke(_ input: Value, _ arguments: FilterArguments, _ context: RenderContext) throws -> Value {
        let given = arguments.rubyCount
        guard arity.contains(given) else {
            let expected = arity.lowerBound == arity.upperBound
                ? "\(arity.lowerBound + 1)" : "\(arity.lowerBound + 1)..\(arity.upperBound + 1)"
            throw LiquidError.argument("wrong number of arguments (given \(given + 1), expected \(expected))")
        }
        return try body(input, arguments, context)
    }
}

/// Everything a template is parsed and rendered with: tags, filters, parse mode, limits and the
/// file system for `include`/`render`. A value: build one, register what the host adds, share it.
public struct LiquidEnvironment: Sendable {
    public private(set) var tags: [String: any TagParser]
    public private(set) var filters: [String: FilterDefinition]
    public var errorMode: ErrorMode
    public var limits: ResourceLimits
    /// Where `include` and `render` read partials; nil: "This liquid context does not allow includes."
    public var fileSystem: (any TemplateFileSystem)?

    /// An environment with no tags or filters at all.
    public init(errorMode: ErrorMode = .lax, limits: ResourceLimits = ResourceLimits()) {
        self.tags = [:]
        self.filters = [:]
        self.errorMode = errorMode
        self.limits = limits
        self.fileSystem = nil
    }

    /// The standard tags and filters of Liquid.
    public static var standard: LiquidEnvironment {
        var env = LiquidEnvironment()
        StandardTags.register(into: &env)
        StandardFilters.register(into: &env)
        return env
    }

    public mutating func register(tag name: String, _ parser: any TagParser) {
        tags[name] = parser
    }

    public mutating func removeTag(_ name: String) {
        tags[name] = nil
    }

    public mutating func register(_ filter: FilterDefinition) {
        filters[filter.name] = filter
    }

    public mutating func register(
        filter name: String, arity: ClosedRange<Int>, analysis: FilterDefinition.Analysis? = nil,
        _ body: @escaping FilterDefinition.Body
    ) {
        filters[name] = FilterDefinition(name, arity: arity, analysis: analysis, body)
    }

    func filterCall(_ name: String, _ args: [Expression], _ kwargs: [(String, Expression)]) -> FilterCall {
        FilterCall(name: name, filter: filters[name], arguments: args, keywordArguments: kwargs)
    }
}

/// Limits so that no template can hang or exhaust memory. Nil means unlimited.
public struct ResourceLimits: Sendable {
    /// Block nesting while parsing and scope/include depth while rendering (ruby-liquid: 100).
    public var maxDepth: Int = 100
    /// Bytes of output of one render.
    public var maxOutputBytes: Int? = 128 * 1024 * 1024
    /// Loop iterations (for, tablerow, render-for) plus nodes rendered, per render.
    public var maxRenderSteps: Int? = 20_000_000
    /// Length of a range iterated or expanded into an array.
    public var maxRangeLength: Int? = 10_000_000

    public init() {}
}
