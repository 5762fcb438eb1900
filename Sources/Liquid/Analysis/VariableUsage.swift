/// What part of a template needs from the render it runs in, worked out from the parsed tree
/// without rendering it: the variables it reads before setting them, what it sets in the
/// render's own scope, the filters it calls. A host uses it to tell when the output of a partial
/// cannot depend on who renders it (and so may be rendered once and replayed, see
/// `RenderEffects`).
public struct VariableUsage: Sendable, Equatable {
    /// Variables read before the template sets them, by their first name (`site` for `site.title`).
    public var freeVariables: Set<String> = []
    /// Names `assign` and `capture` set (in the render's own scope: a partial's assignments stay).
    public var assignedVariables: Set<String> = []
    /// Filters called, by name.
    public var filters: Set<String> = []
    /// Free variables read only as a path of keys on one side of `==`/`!=` in the condition of
    /// an `if`, `unless`, `elsif` or `when` (`page.url == item.url`): the template depends on
    /// them only through those tests' outcomes, which `recordingEffects(comparing:)` records.
    public var comparedOnlyVariables: Set<String> = []
    /// Free variables read only through paths of keys (`page.author`, in any use), with those
    /// paths: the template depends on such a variable only through the paths' values.
    public var keyPaths: [String: Set<[String]>] = [:]
    /// Why the usage cannot be known (a tag that does not describe itself, state kept between
    /// tags such as `cycle`, a computed variable name…). Empty when the rest is the whole truth.
    public var unknowns: [String] = []

    public init() {}

    /// Whether the fields above say everything the template reads and sets.
    public var isKnown: Bool { unknowns.isEmpty }
}

/// A tag that can say what it reads and sets. Tags that do not conform make a template's usage
/// unknown.
public protocol AnalyzableTag: TagNode {
    func analyze(_ analyzer: inout TemplateAnalyzer)
}

extension AnalyzableTag {
    public var analyzable: (any AnalyzableTag)? { self }
}

/// Walks a template in rendering order, keeping the names it has certainly set so far: a read of
/// any other name is a free variable. A name set only on some paths (in one branch of an `if`,
/// in a loop body that may not run) does not count as set after them.
public struct TemplateAnalyzer {
    public private(set) var usage = VariableUsage()
    /// Names certainly set at this point.
    private var bound: Set<String>
    /// Free variables read other than in a test `comparedOnlyVariables` allows.
    private var readBeyondTests: Set<String> = []
    /// Free variables read other than through a path of keys.
    private var readBeyondKeyPaths: Set<String> = []
    /// Loops enclosing this point; `forloop` is theirs.
    private var loopDepth = 0
    /// The usage of a partial, by the name an include gives (nil: unknown). The host loads and
    /// analyses it; it must stop recursion itself.
    let partialUsage: (String) -> VariableUsage?
    /// What the template is parsed with: filters analysing expressions given as text parse them
    /// with it.
    public let environment: LiquidEnvironment
    /// Names whose plain outputs (`{{ content }}`: no filters, no keys) are not counted as reads
    /// (see `Template.readsOnlyInPlainOutputs`).
    var plainlyPrinted: Set<String> = []

    public init(bound: Set<String> = [], environment: LiquidEnvironment = .standard,
                partialUsage: @escaping (String) -> VariableUsage? = { _ in nil }) {
        self.bound = bound
        self.environment = environment
        self.partialUsage = partialUsage
    }

    // MARK: Reads

    public mutating func read(_ expression: Expression) {
        switch expression {
        case .literal, .blank, .empty: break
        case .range(let a, let b):
            read(a)
            read(b)
        case .variable(let lookup): read(lookup)
        }
    }

    mutating func read(_ lookup: VariableLookup) {
        switch lookup.name {
        case .identifier(let name):
            if name == "forloop" && loopDepth > 0 {
                // Only the loop's own counters: `parentloop` (or the drop itself, kept for later)
                // reaches the loops of whoever renders this template.
                guard case .key(let key, _)? = lookup.lookups.first, Self.forloopKeys.contains(key) else {
                    unknown("forloop used beyond its counters")
                    return
                }
            } else if !bound.contains(name) {
                freeRead(name, compared: false, paths: Self.keyPath(lookup).map { [$0] })
            }
        case .computed(let e):
            read(e)
            unknown("computed variable name")
        }
        for l in lookup.lookups {
            if case .index(let e) = l { read(e) }
        }
    }

    static let forloopKeys: Set<String> = ["index", "index0", "rindex", "rindex0", "first", "last", "length", "name"]

    public mutating func read(_ expression: FilteredExpression) {
        if let e = expression.expression { read(e) }
        for call in expression.filters {
            usage.filters.insert(call.name)
            for a in call.arguments { read(a) }
            for (_, a) in call.keywordArguments { read(a) }
            call.filter?.analysis?(call.arguments, &self)
        }
    }

    public mutating func read(_ condition: Condition) {
        for c in condition.comparisons {
            read(c.left)
            if let r = c.right { read(r) }
        }
    }

    /// The condition a tag tests (`if`, `unless`, `elsif`, `when`), whose `==`/`!=` comparisons
    /// `recordingEffects(comparing:)` logs when it evaluates them.
    public mutating func readTest(_ condition: Condition) {
        for c in condition.comparisons {
            guard c.isPlainEquality, let right = c.right else {
                read(c.left)
                if let r = c.right { read(r) }
                continue
            }
            readComparedSide(c.left)
            readComparedSide(right)
        }
    }

    /// One side of a logged `==`/`!=`: a free variable's path of keys counts as compared only.
    private mutating func readComparedSide(_ expression: Expression) {
        guard case .variable(let lookup) = expression, case .identifier(let name) = lookup.name, name != "forloop",
              !bound.contains(name), let path = Self.keyPath(lookup) else {
            return read(expression)
        }
        freeRead(name, compared: true, paths: [path])
    }

    /// The keys after the name, when the lookup is a path of keys only.
    static func keyPath(_ lookup: VariableLookup) -> [String]? {
        var keys: [String] = []
        for l in lookup.lookups {
            guard case .key(let k, _) = l else { return nil }
            keys.append(k)
        }
        return keys.isEmpty ? nil : keys
    }

    private mutating func freeRead(_ name: String, compared: Bool, paths: Set<[String]>?) {
        usage.freeVariables.insert(name)
        if compared {
            if !readBeyondTests.contains(name) { usage.comparedOnlyVariables.insert(name) }
        } else {
            readBeyondTests.insert(name)
            usage.comparedOnlyVariables.remove(name)
        }
        // Through paths of keys only, or not (nil).
        guard let paths, !readBeyondKeyPaths.contains(name) else {
            readBeyondKeyPaths.insert(name)
            usage.keyPaths[name] = nil
            return
        }
        usage.keyPaths[name, default: []].formUnion(paths)
    }

    // MARK: Writes and structure

    /// `assign`/`capture`: the name is set from here on.
    public mutating func assign(_ name: String) {
        usage.assignedVariables.insert(name)
        bound.insert(name)
    }

    public mutating func unknown(_ reason: String) {
        usage.unknowns.append(reason)
    }

    /// The nodes of a block, in order.
    public mutating func block(_ block: Block) {
        for node in block.program {
            switch node.node {
            case .text: break
            case .output(let e, _):
                if !plainlyPrinted.isEmpty, e.filters.isEmpty, case .variable(let lookup)? = e.expression,
                   lookup.lookups.isEmpty, case .identifier(let name) = lookup.name, plainlyPrinted.contains(name) {
                    continue
                }
                read(e)
            case .tag(let tag, _):
                if let tag = tag.analyzable {
                    tag.analyze(&self)
                } else {
                    unknown("tag \(type(of: tag))")
                }
            }
        }
    }

    /// Blocks of which at most one runs (`if` branches) or any number (`case`); when `oneRuns`,
    /// exactly one of them does, so what all of them set is set afterwards.
    public mutating func alternatives(_ blocks: [Block], oneRuns: Bool) {
        let before = bound
        var common: Set<String>?
        for b in blocks {
            bound = before
            block(b)
            common = common.map { $0.intersection(bound) } ?? bound
        }
        bound = oneRuns ? (common ?? before) : before
    }

    /// A loop body with its variable (and `forloop`) set; it may run zero times, so nothing it
    /// sets counts as set after it.
    public mutating func loop(variable: String, body: Block, elseBody: Block?) {
        let before = bound
        bound.remove("forloop")
        bound.insert(variable)
        loopDepth += 1
        block(body)
        loopDepth -= 1
        bound = before
        if let elseBody {
            block(elseBody)
            bound = before
        }
    }

    /// Reads in `body` with `names` set (the item variable of `where_exp`), as in a scope of
    /// their own.
    public mutating func with(_ names: Set<String>, _ body: (inout TemplateAnalyzer) -> Void) {
        let before = bound
        bound.formUnion(names)
        body(&self)
        bound = before
    }

    /// `break`/`continue`: fine inside a loop of this template, otherwise it would stop a loop
    /// of whoever renders it.
    public mutating func interrupt() {
        if loopDepth == 0 { unknown("break or continue outside a loop") }
    }

    /// A partial rendered here, in this render's scopes, with `variables` set in a scope of its
    /// own: its free variables are read here (unless set here), its assignments stay.
    public mutating func partial(named name: String, setting variables: Set<String>) {
        guard let inner = partialUsage(name) else {
            unknown("partial \(name)")
            return
        }
        for v in inner.freeVariables where !variables.contains(v) && !bound.contains(v) {
            freeRead(v, compared: inner.comparedOnlyVariables.contains(v), paths: inner.keyPaths[v])
        }
        for v in inner.assignedVariables { assign(v) }
        usage.filters.formUnion(inner.filters)
        usage.unknowns += inner.unknowns
    }
}

extension Template {
    /// What the template reads and sets (see `VariableUsage`); `partialUsage` gives the usage
    /// of the partials its includes name.
    public func usage(partialUsage: @escaping (String) -> VariableUsage? = { _ in nil }) -> VariableUsage {
        var analyzer = TemplateAnalyzer(environment: environment, partialUsage: partialUsage)
        analyzer.block(root)
        return analyzer.usage
    }
}

extension VariableUsage {
    /// The usage of one tag on its own (a host deciding about a single include).
    public init(of tag: any AnalyzableTag, environment: LiquidEnvironment,
                partialUsage: @escaping (String) -> VariableUsage?) {
        var analyzer = TemplateAnalyzer(environment: environment, partialUsage: partialUsage)
        tag.analyze(&analyzer)
        self = analyzer.usage
    }
}
