/// One `==`/`!=` test of a compared variable's path (`page.url == item.url`) made while a piece
/// was recorded: its render took the same course wherever every such test comes out the same,
/// since nothing else it reads differs (see `VariableUsage.comparedOnlyVariables`).
struct EqualityTest: Sendable {
    /// The path of keys on the compared variable, as written in the test.
    let path: VariableLookup
    /// The other side's value.
    let other: Value
    let pathOnLeft: Bool
    /// Whether the two were equal (`!=` negates it afterwards).
    let equal: Bool
}

/// The tests of compared variables a recording made, and whether anything else read them.
final class ComparisonLog {
    let names: Set<String>
    private(set) var tests: [EqualityTest] = []
    /// False once a compared variable was read in a way a test cannot stand for.
    private(set) var isComplete = true

    init(names: Set<String>) { self.names = names }

    func incomplete() { isComplete = false }

    /// What a piece recorded or replayed inside this recording tested.
    func include(_ log: ComparisonLog) {
        include(log.tests)
        if !log.isComplete { isComplete = false }
    }

    func include(_ tested: [EqualityTest]) {
        for t in tested {
            guard case .identifier(let name) = t.path.name, names.contains(name) else {
                isComplete = false
                return
            }
        }
        tests += tested
    }

    func append(_ test: EqualityTest) { tests.append(test) }
}

/// The values of tested paths in the render checking recordings, each evaluated once.
struct TestedValues {
    var known: [(path: VariableLookup, value: Value?)] = []
}

extension RenderContext {
    /// A comparison evaluated while a recording logs the tests of compared variables.
    func evaluateLogging(_ c: Condition.Comparison, log: ComparisonLog) throws -> Bool {
        let leftPath = comparedPath(c.left, log), rightPath = c.right.flatMap { comparedPath($0, log) }
        if leftPath == nil && rightPath == nil { return try c.evaluateUnlogged(self) }
        guard c.op == .equal || c.op == .notEqual, !c.hasMethodLiteral, let right = c.right,
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

    /// Whether each recorded test comes out here as it did then.
    func passes(_ tests: [EqualityTest], values: inout TestedValues) -> Bool {
        for t in tests {
            let value: Value?
            if let i = values.known.firstIndex(where: { $0.path === t.path }) {
                value = values.known[i].value
            } else {
                let v = try? Expression.variable(t.path).evaluate(self)
                value = v.flatMap { $0.containsDrop ? nil : $0 }
                values.known.append((t.path, value))
            }
            guard let value else { return false }
            let equal = t.pathOnLeft ? value.liquidEquals(t.other) : t.other.liquidEquals(value)
            if equal != t.equal { return false }
        }
        return true
    }
}
