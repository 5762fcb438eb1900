/// One `==`/`!=` test of a compared variable's path (`page.url == item.url`) made while a piece
/// was recorded: its render took the same course wherever every such test comes out the same,
/// since nothing else it reads differs (see `VariableUsage.comparedOnlyVariables`). Or, `exact`,
/// the value of a pinned path (`page.author`, see `VariableUsage.keyPaths`), which must be the
/// same value, not just an equal one (`1 == 1.0`, but they print differently). A class: replays
/// check each test of a recording on every page, and copying a reference costs a fraction of
/// copying the path and the value.
final class EqualityTest: Sendable {
    /// The path of keys on the compared variable, as written in the test.
    let path: VariableLookup
    /// The other side's value.
    let other: Value
    let pathOnLeft: Bool
    /// Whether the two were equal (`!=` negates it afterwards).
    let equal: Bool
    let exact: Bool

    init(path: VariableLookup, other: Value, pathOnLeft: Bool, equal: Bool, exact: Bool = false) {
        self.path = path
        self.other = other
        self.pathOnLeft = pathOnLeft
        self.equal = equal
        self.exact = exact
    }
}

/// The tests of compared variables a recording made, and whether anything else read them.
final class ComparisonLog {
    /// The compared variables, whose tests are logged.
    let names: Set<String>
    /// Those and the pinned ones: the variables of the tests a piece inside may bring.
    let accepted: Set<String>
    private(set) var tests: [EqualityTest] = []
    /// False once a compared variable was read in a way a test cannot stand for.
    private(set) var isComplete = true

    init(names: Set<String>, accepted: Set<String>) {
        self.names = names
        self.accepted = accepted.union(names)
    }

    func incomplete() { isComplete = false }

    /// What a piece recorded or replayed inside this recording tested.
    func include(_ log: ComparisonLog) {
        include(log.tests)
        if !log.isComplete { isComplete = false }
    }

    func include(_ tested: [EqualityTest]) {
        for t in tested {
            guard case .identifier(let name) = t.path.name, accepted.contains(name) else {
                isComplete = false
                return
            }
        }
        tests += tested
    }

    func append(_ test: EqualityTest) { tests.append(test) }
}

extension EqualityTest {
    /// Whether the path's value here, `value`, gives the outcome recorded.
    func holds(for value: Value) -> Bool {
        if exact { return value.isIdentical(to: other) }
        return (pathOnLeft ? value.liquidEquals(other) : other.liquidEquals(value)) == equal
    }
}

/// The values of tested paths in the render checking recordings, each evaluated once.
struct TestedValues {
    struct Known {
        let path: VariableLookup
        let value: Value
        /// False when the path failed or held a drop: no test of it passes.
        let usable: Bool
    }
    var known: [Known] = []

    /// Where `path`'s value is in `known` (the path compared by identity: it is the recorded one).
    func index(of path: VariableLookup) -> Int? {
        known.withUnsafeBufferPointer { known in known.firstIndex { $0.path === path } }
    }
}

extension RenderContext {
    /// A comparison evaluated while a recording logs the tests of compared variables.
    func evaluateLogging(_ c: Condition.Comparison, log: ComparisonLog) throws -> Bool {
        let leftPath = comparedPath(c.left, log), rightPath = c.right.flatMap { comparedPath($0, log) }
        if leftPath == nil && rightPath == nil { return try c.evaluateUnlogged(self) }
        guard c.isPlainEquality, let right = c.right,
              (leftPath == nil) != (rightPath == nil), let path = leftPath ?? rightPath,
              path.lookups.allSatisfy({ if case .key = $0 { return true } else { return false } }) else {
            log.incomplete()
            return try c.evaluateUnlogged(self)
        }
        let l = try c.left.evaluate(self), r = try right.evaluate(self)
        let equal = l.liquidEquals(r)
        let (pathValue, other) = leftPath != nil ? (l, r) : (r, l)
        // Drops compare by identity or through what they stand for: kept out, to be safe.
        if pathValue.containsDrop || other.containsDrop {
            log.incomplete()
        } else {
            log.append(EqualityTest(path: path, other: other, pathOnLeft: leftPath != nil, equal: equal))
        }
        return c.op == .equal ? equal : !equal
    }

    /// The lookup when `expression` reads a compared variable from the data (not a variable of
    /// the render that hides it).
    private func comparedPath(_ expression: Expression, _ log: ComparisonLog) -> VariableLookup? {
        guard case .variable(let lookup) = expression, case .identifier(let name) = lookup.name,
              log.names.contains(name), scopes.value(for: name, hash: lookup.nameHash) == nil,
              counters.value(for: name, hash: lookup.nameHash) == nil else { return nil }
        return lookup
    }

    /// Whether each recorded test comes out here as it did then. The tests and values are read in
    /// place: copying each test and value (retains and releases) cost more than comparing them.
    func passes(_ tests: [EqualityTest], values: inout TestedValues) -> Bool {
        tests.withUnsafeBufferPointer { tests in
            for t in tests.indices {
                // Each test unretained: `tests` holds it through the call (a recording's tests are
                // read by every page's replay on both cores).
                let holds = Unmanaged.passUnretained(tests[t])._withUnsafeGuaranteedRef { test in
                    let i = values.index(of: test.path) ?? evaluate(test.path, into: &values)
                    return values.known.withUnsafeBufferPointer { known in
                        known[i].usable && test.holds(for: known[i].value)
                    }
                }
                if !holds { return false }
            }
            return true
        }
    }

    /// Evaluates a tested path here and keeps its value; returns where it is kept.
    private func evaluate(_ path: VariableLookup, into values: inout TestedValues) -> Int {
        let value = try? Expression.variable(path).evaluate(self)
        let usable = value.map { !$0.containsDrop } ?? false
        values.known.append(TestedValues.Known(path: path, value: value ?? .nil, usable: usable))
        return values.known.count - 1
    }

    /// The values of pinned paths here, as tests; nil when one is not a plain value (a drop, a
    /// collection, a time) or fails.
    func pins(_ paths: [VariableLookup]) -> [EqualityTest]? {
        var tests: [EqualityTest] = []
        for path in paths {
            guard let value = try? Expression.variable(path).evaluate(self), value.isPinnable else { return nil }
            tests.append(EqualityTest(path: path, other: value, pathOnLeft: true, equal: true, exact: true))
        }
        return tests
    }
}

extension VariableLookup {
    /// `name.key1.key2`, as the parser would make it.
    public static func path(_ name: String, _ keys: [String]) -> VariableLookup {
        VariableLookup(name: .identifier(name), lookups: keys.map(lookup(forKey:)))
    }
}

extension Value {
    var isPinnable: Bool {
        switch self {
        case .nil, .bool, .int, .float, .string: return true
        default: return false
        }
    }

    /// The same plain value: same type, same bytes.
    func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.nil, .nil): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.string(let a), .string(let b)): return UTF8Text.bytesEqual(a, b)
        default: return false
        }
    }
}
