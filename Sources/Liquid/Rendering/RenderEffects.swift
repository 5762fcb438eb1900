/// What rendering a piece of a template did to its render, kept so that the piece can be "rendered"
/// again elsewhere by replaying it: its output, the variables it set in the render's own scope
/// (with their final values), where its loops stopped (for `offset: continue`) and the steps it
/// counted against the limits. Valid for another render only when the piece reads nothing that
/// differs there — a host's decision, helped by `VariableUsage` and `canReplay(_:)` — except
/// through the `==`/`!=` tests it recorded, which must come out the same there.
///
/// A class of constants: every page's replay on both cores reads the same recording, and read
/// through an unretained reference its fields are passed on without retaining them (a struct's
/// fields, read through a pointer, were retained and released at every replay).
public final class RenderEffects: Sendable {
    public let output: String
    /// The names with their hashes (`keyHash`), worked out once: a page's replays set them again.
    let assignments: [(name: String, hash: Int, value: Value)]
    let loopOffsets: [(name: String, hash: Int, offset: Int)]
    let steps: Int
    /// The scope depth it was rendered at: deeper, its own scopes might pass the nesting limit.
    let depth: Int
    /// The tests of the variables recorded as compared, in the order they were made.
    let tests: [EqualityTest]

    init(output: String, assignments: [(name: String, hash: Int, value: Value)],
         loopOffsets: [(name: String, hash: Int, offset: Int)], steps: Int, depth: Int, tests: [EqualityTest]) {
        self.output = output
        self.assignments = assignments
        self.loopOffsets = loopOffsets
        self.steps = steps
        self.depth = depth
        self.tests = tests
    }
}

/// The names `RenderContext.canReplay(_:)` looks up for a usage, with their hashes: made once
/// for a piece a host replays on every page.
public struct ReplayCheck: Sendable {
    let isKnown: Bool
    let freeVariables: [(name: String, hash: Int)]
    let assignedVariables: [(name: String, hash: Int)]

    public init(_ usage: VariableUsage) {
        isKnown = usage.isKnown
        freeVariables = usage.freeVariables.map { ($0, keyHash($0)) }
        assignedVariables = usage.assignedVariables.map { ($0, keyHash($0)) }
    }
}

/// The names set while effects are recorded, in order (repeats kept; the last value wins).
struct EffectLog {
    var assigned: [String] = []
    var loops: [String] = []
}

extension RenderContext {
    /// Whether a piece with this usage reads here what it reads in any render: its free variables
    /// come from the data (no variable or counter of this render hides them), and the names it
    /// sets are not hidden from its own later reads by an enclosing loop's or include's variable.
    public func canReplay(_ usage: VariableUsage) -> Bool { canReplay(ReplayCheck(usage)) }

    /// `canReplay(_:)` with the names hashed beforehand (a host asks it before every replay).
    public func canReplay(_ check: ReplayCheck) -> Bool {
        guard check.isKnown else { return false }
        for (name, hash) in check.freeVariables {
            if scopes.value(for: name, hash: hash) != nil || counters.value(for: name, hash: hash) != nil { return false }
        }
        for (name, hash) in check.assignedVariables where scopes.isSetInInnerScope(name, hash: hash) { return false }
        return true
    }

    /// Renders through `render` into `output`, recording its effects; nil (the output still
    /// written) when it recorded an error or a warning, which a replay would not repeat.
    /// `comparing`: free variables the piece reads only in `==`/`!=` tests (see
    /// `VariableUsage.comparedOnlyVariables`); each test of them is recorded with its outcome, and
    /// nil returned when one of them is read in a way a test cannot stand for. `pinning`: the
    /// paths of keys through which the piece reads other variables (`VariableUsage.keyPaths`);
    /// their values here are recorded (nil returned when one is not a plain value).
    public func recordingEffects(into output: inout OutputBuffer, comparing compared: Set<String> = [],
                                 pinning pinned: [VariableLookup] = [],
                                 _ render: (inout OutputBuffer) throws -> Void) throws -> RenderEffects? {
        let pins = pins(pinned)
        let outerLog = effectLog, outerTests = comparisonLog
        effectLog = EffectLog()
        var accepted = compared.union(outerTests?.accepted ?? [])
        for path in pinned { if case .identifier(let name) = path.name { accepted.insert(name) } }
        let tests = ComparisonLog(names: compared.union(outerTests?.names ?? []), accepted: accepted)
        if let pins { tests.include(pins) } else { tests.incomplete() }
        comparisonLog = tests
        let errorsBefore = session.errors.count, stepsBefore = session.steps
        var piece = OutputBuffer()
        defer {
            // An enclosing recording sees what this piece set and tested, as it would have
            // without one.
            if var outer = outerLog, let log = effectLog {
                outer.assigned += log.assigned
                outer.loops += log.loops
                effectLog = outer
            } else {
                effectLog = outerLog
            }
            outerTests?.include(tests)
            comparisonLog = outerTests
        }
        try render(&piece)
        let text = piece.string
        output.append(text)
        guard session.errors.count == errorsBefore, tests.isComplete, let log = effectLog else { return nil }
        let assignments = Self.lastSettings(log.assigned) { scopes.outer.value(for: $0, hash: $1) ?? .nil }
        let offsets = Self.lastSettings(log.loops) { forOffsets.value(for: $0, hash: $1) ?? 0 }
        return RenderEffects(output: text, assignments: assignments, loopOffsets: offsets,
                             steps: session.steps &- stepsBefore, depth: baseDepth + scopes.depth, tests: tests.tests)
    }

    /// Each name set once, in the order of their last settings, with its hash and its value now.
    private static func lastSettings<V>(_ names: [String], _ value: (String, Int) -> V) -> [(String, Int, V)] {
        var seen = Set<String>()
        return names.reversed().filter { seen.insert($0).inserted }.reversed().map { name in
            let hash = keyHash(name)
            return (name, hash, value(name, hash))
        }
    }

    /// Does again what recorded effects did: false (nothing done) when this render is nested
    /// deeper than the recorded one was, or its tests come out differently here.
    public func replay(_ effects: RenderEffects, into output: inout OutputBuffer) throws -> Bool {
        try replay(firstOf: [effects], into: &output)
    }

    /// Replays the first of `candidates` (recordings of one piece) whose tests come out here as
    /// they did when it was recorded; false when none does.
    public func replay(firstOf candidates: [RenderEffects], into output: inout OutputBuffer) throws -> Bool {
        guard !candidates.isEmpty else { return false }
        var values = TestedValues()
        // The recordings without a retain and release each: `candidates` holds them, and the
        // caller holds `candidates` through the call.
        return try candidates.withUnsafeBufferPointer { candidates in
            for i in 0..<candidates.count {
                let replayed = try Unmanaged.passUnretained(candidates[i])._withUnsafeGuaranteedRef { effects in
                    guard baseDepth + scopes.depth <= effects.depth,
                          effects.tests.isEmpty || passes(effects.tests, values: &values) else { return false }
                    try replay(passed: effects, into: &output)
                    return true
                }
                if replayed { return true }
            }
            return false
        }
    }

    private func replay(passed effects: RenderEffects, into output: inout OutputBuffer) throws {
        comparisonLog?.include(effects.tests)
        try tick(effects.steps)
        output.append(effects.output)
        if !effects.assignments.isEmpty {
            for (name, hash, value) in effects.assignments { assign(name, hash: hash, value) }
        }
        if !effects.loopOffsets.isEmpty {
            for (name, hash, offset) in effects.loopOffsets { setLoopOffset(name, hash: hash, offset) }
        }
    }

    /// Where the loop named `name` stopped, for `offset: continue`.
    func setLoopOffset(_ name: String, hash: Int, _ offset: Int) {
        forOffsets.set(name, hash: hash, offset)
        if effectLog != nil { effectLog?.loops.append(name) }
    }
}
