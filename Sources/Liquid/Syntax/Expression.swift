import Synchronization

/// A parsed Liquid expression: a literal, a variable path, or a range.
public enum Expression: Sendable {
    case literal(Value)
    case variable(VariableLookup)
    /// `(a..b)` whose ends are evaluated when rendered; literal ranges are folded at parse time.
    indirect case range(Expression, Expression)
    /// `blank` / `empty`: the empty string as a value, special on either side of `==` in conditions.
    case blank
    case empty
}

/// `name.key[expr].size`: a variable and the lookups applied to it. (A class: the tree shares
/// it instead of copying it at each evaluation.)
public final class VariableLookup: Sendable {
    public enum Name: Sendable {
        case identifier(String)
        /// `[expr]` at the start: the variable's name is computed.
        case computed(Expression)
    }

    public enum Lookup: Sendable {
        /// `.key`; `size`, `first` and `last` fall back to the collection's own property.
        case key(String, isCommand: Bool)
        /// `[expr]`
        case index(Expression)
    }

    /// One lookup as `evaluate` reads it: in place, without copying a `Lookup` (which retained
    /// and released its key at every step). An object, so that `evaluate` can lend it to a step
    /// unretained and a drop is passed the key without a retain: a key read from a struct in
    /// the steps' buffer was retained for each drop's call, from both cores at once, as every
    /// page's lookups share it.
    final class Step: Sendable {
        /// The `.key`'s name ("" for an index).
        let key: String
        /// Its hash, computed once (0 for an index).
        let hash: Int
        let isCommand: Bool
        /// The `[expr]`, nil for a key.
        let index: Expression?

        init(key: String, hash: Int, isCommand: Bool, index: Expression?) {
            self.key = key
            self.hash = hash
            self.isCommand = isCommand
            self.index = index
        }
    }

    public let name: Name
    public let lookups: [Lookup]
    /// The identifier ("" when the name is computed) and its hash, computed once.
    let identifier: String
    let nameHash: Int
    let isComputed: Bool
    let steps: [Step]

    public init(name: Name, lookups: [Lookup]) {
        self.name = name
        self.lookups = lookups
        if case .identifier(let n) = name {
            identifier = n
            nameHash = keyHash(n)
            isComputed = false
        } else {
            identifier = ""
            nameHash = 0
            isComputed = true
        }
        steps = lookups.map {
            switch $0 {
            case .key(let k, let isCommand): return Step(key: k, hash: keyHash(k), isCommand: isCommand, index: nil)
            case .index(let e): return Step(key: "", hash: 0, isCommand: false, index: e)
            }
        }
    }

    static func lookup(forKey key: String) -> Lookup {
        .key(key, isCommand: key == "size" || key == "first" || key == "last")
    }

    /// The source-like text, for `forloop.name` and messages.
    var markup: String {
        var s: String
        switch name {
        case .identifier(let n): s = n
        case .computed(let e): s = "[" + e.markup + "]"
        }
        for l in lookups {
            switch l {
            case .key(let k, _): s += "." + k
            case .index(let e): s += "[" + e.markup + "]"
            }
        }
        return s
    }
}

extension Expression {
    /// The value, when it is the same in every render (what `evaluate` returns for a literal).
    var constantValue: Value? {
        switch self {
        case .literal(let v): return v
        case .blank, .empty: return .string("")
        case .variable, .range: return nil
        }
    }

    /// The expression written back as Liquid source.
    var markup: String {
        switch self {
        case .literal(let v):
            if case .string(let s) = v { return "'" + s + "'" }
            if case .range(let r) = v { return "(\(r.lower)..\(r.upper))" }
            return v.rubyString
        case .variable(let v): return v.markup
        case .range(let a, let b): return "(" + a.markup + ".." + b.markup + ")"
        case .blank: return "blank"
        case .empty: return "empty"
        }
    }

    /// Builds a range, folding it to a literal when both ends are literals (as ruby-liquid does,
    /// converting each end with `to_i`).
    static func makeRange(_ start: Expression, _ end: Expression) -> Expression {
        if case .literal(let a) = start, case .literal(let b) = end {
            return .literal(.range(IntRange(RubyNumber.toI(a), RubyNumber.toI(b))))
        }
        return .range(start, end)
    }
}

/// `| name: arg, key: value` — a filter applied in an output or assignment.
public final class FilterCall: Sendable {
    public let name: String
    /// The filter, resolved from the environment when the template is parsed; nil when unknown.
    let filter: FilterDefinition?
    /// The same filter, called without a retain and release: `filter` keeps it alive, and every
    /// page's call of a shared template retained this one object from both cores.
    let unretainedFilter: Unmanaged<FilterDefinition>?
    /// Which of Liquid's own filters it is, if any (read before each call).
    let standardFilter: FilterDefinition.Standard?
    public let arguments: [Expression]
    public let keywordArguments: [(String, Expression)]
    /// Positions of `empty`/`blank` literals among the arguments, as bits.
    let emptyLiteralMask: UInt64
    /// When every argument is a literal (or there are none, the common case): the arguments,
    /// built once here instead of evaluated, packed and destroyed in every call.
    let constantArguments: FilterArguments
    let hasConstantArguments: Bool

    init(name: String, filter: FilterDefinition?, arguments: [Expression], keywordArguments: [(String, Expression)]) {
        self.name = name
        self.filter = filter
        unretainedFilter = filter.map { Unmanaged.passUnretained($0) }
        standardFilter = filter?.standard
        self.arguments = arguments
        self.keywordArguments = keywordArguments
        var mask: UInt64 = 0
        for i in arguments.indices where i < 64 && arguments[i].isMethodLiteral { mask |= 1 << UInt64(i) }
        self.emptyLiteralMask = mask

        var constant = FilterArguments()
        var allConstant = true
        for a in arguments {
            if let v = a.constantValue { constant.append(v) } else { allConstant = false }
        }
        if !keywordArguments.isEmpty {
            var keywords = OrderedHash()
            for (k, e) in keywordArguments {
                if let v = e.constantValue { keywords[k] = v } else { allConstant = false }
            }
            constant.keywords = keywords
        }
        constant.emptyLiteralMask = mask
        hasConstantArguments = allConstant
        constantArguments = allConstant ? constant : FilterArguments()
    }
}

/// An expression with its filters: the inside of `{{ … }}`, `echo` and the right side of `assign`.
public final class FilteredExpression: Sendable {
    /// Nil for an empty output `{{ }}`.
    public let expression: Expression?
    public let filters: [FilterCall]
    /// Set when a host's `AssignedValueMemo` found that the value may differ between renders:
    /// renders then evaluate it without asking the memo (a locked look-up) every time.
    private let reuseDeclined = Atomic<Bool>(false)
    /// The first value a host's memo published for the expression (see `ReusedValue`): its
    /// address, retained until the expression goes (an `AtomicLazyReference`'s load cost ~650
    /// instructions a read).
    private let published = Atomic<UInt>(0)
    /// Outputs of the expression so far, counted up to `outputsBeforeReuse` (loaded, then stored:
    /// a count that races is still a bound, and past it the count is only read, so the cores do
    /// not pass its cache line back and forth).
    private let outputs = Atomic<Int>(0)
    /// An output asks the host's memo from its 17th render on: a small site's few pages do not
    /// pay for the memo's analysis (~9 k instructions an expression).
    static let outputsBeforeReuse = 16

    public init(expression: Expression?, filters: [FilterCall]) {
        self.expression = expression
        self.filters = filters
    }

    /// Whether a host's memo may be asked for the value (see `declineReuse`).
    var mayBeReused: Bool { !filters.isEmpty && !reuseDeclined.load(ordering: .relaxed) }

    /// Whether an output of the expression has been rendered often enough to ask the memo.
    var isRepeatedOutput: Bool {
        let n = outputs.load(ordering: .relaxed)
        guard n < Self.outputsBeforeReuse else { return true }
        outputs.store(n + 1, ordering: .relaxed)
        return false
    }

    /// Tells later renders not to ask the memo again: only a hint, the value is the same
    /// either way.
    public func declineReuse() { reuseDeclined.store(true, ordering: .relaxed) }

    /// Calls `body` with the value a memo published (nil before any), read without a lock and
    /// without a retain: every page's output reads the same box from both cores, and the
    /// expression holds it until it goes.
    public func withReusedValue<Result>(_ body: (ReusedValue?) throws -> Result) rethrows -> Result {
        let bits = published.load(ordering: .acquiring)
        guard bits != 0, let address = UnsafeRawPointer(bitPattern: bits) else { return try body(nil) }
        return try Unmanaged<ReusedValue>.fromOpaque(address)._withUnsafeGuaranteedRef { try body($0) }
    }

    /// Publishes a memo's value; the first one published stays.
    public func publish(_ value: ReusedValue) {
        let address = Unmanaged.passRetained(value).toOpaque()
        let (stored, _) = published.compareExchange(expected: 0, desired: UInt(bitPattern: address),
                                                    ordering: .acquiringAndReleasing)
        if !stored { Unmanaged<ReusedValue>.fromOpaque(address).release() }
    }

    deinit {
        let bits = published.load(ordering: .acquiring)
        if let address = UnsafeRawPointer(bitPattern: bits) { Unmanaged<ReusedValue>.fromOpaque(address).release() }
    }
}

/// A value a host's memo keeps for an expression across the renders of a batch: the value, what
/// a render must pass to use it (`RenderContext.canReplay`), and the memo it belongs to (another
/// memo — a later build's — must not take it).
public final class ReusedValue: Sendable {
    public let value: Value
    public let check: ReplayCheck
    public let owner: any AnyObject & Sendable

    public init(value: Value, check: ReplayCheck, owner: any AnyObject & Sendable) {
        self.value = value
        self.check = check
        self.owner = owner
    }
}

/// A condition of `if`, `unless`, `elsif` and `when`: comparisons chained by `and`/`or`, evaluated
/// left to right where each operator binds everything to its right (`a and b or c` is
/// `a and (b or c)`).
public final class Condition: Sendable {
    public enum Operator: Sendable, Equatable {
        case equal, notEqual, less, greater, lessOrEqual, greaterOrEqual, contains
        /// An operator the lax parser accepted but Liquid does not know; fails when evaluated.
        case unknown(String)

        init(_ text: String) {
            switch text {
            case "==": self = .equal
            case "!=", "<>": self = .notEqual
            case "<": self = .less
            case ">": self = .greater
            case "<=": self = .lessOrEqual
            case ">=": self = .greaterOrEqual
            case "contains": self = .contains
            default: self = .unknown(text)
            }
        }
    }

    /// `left op right`, or `left` alone (its truthiness). A shared object: conditions are
    /// evaluated often and copying one would retain everything in it.
    public final class Comparison: Sendable {
        public let left: Expression
        public let op: Operator?
        public let right: Expression?

        /// Whether either side is `blank`/`empty` (then `==` tests the other side).
        let hasMethodLiteral: Bool

        /// `==`/`!=` between two values (no `blank`/`empty`): what a recording may log as an
        /// equality test, and what analysis may count as a test of a compared variable.
        var isPlainEquality: Bool { (op == .equal || op == .notEqual) && !hasMethodLiteral && right != nil }

        public init(left: Expression, op: Operator?, right: Expression?) {
            self.left = left
            self.op = op
            self.right = right
            self.hasMethodLiteral = left.isMethodLiteral || (right?.isMethodLiteral ?? false)
        }
    }

    public enum Relation: Sendable { case and, or }

    public let comparisons: [Comparison]
    public let relations: [Relation]

    public init(comparisons: [Comparison], relations: [Relation]) {
        self.comparisons = comparisons
        self.relations = relations
    }

    /// A `when` test: the case subject equals the value.
    static func equality(_ left: Expression, _ right: Expression) -> Condition {
        Condition(comparisons: [Comparison(left: left, op: .equal, right: right)], relations: [])
    }
}
