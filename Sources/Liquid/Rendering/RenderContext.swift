/// Options of one render.
public struct RenderOptions: Sendable {
    /// An undefined variable (or missing key) is an error instead of nil.
    public var strictVariables = false
    /// An unknown filter is an error instead of passing its input through.
    public var strictFilters = false
    /// Host state for the host's filters and tags (the page, the site…).
    public var registers = Registers()
    /// Parsed partials, shared across the renders of one build; a fresh cache when nil.
    public var partialCache: PartialCache?
    /// Values of `assign`s and filtered outputs the host may reuse across renders (see
    /// `AssignedValueMemo`).
    public var assignedValues: (any AssignedValueMemo)?
    /// Outputs of `for` loops the host may reuse across renders (see `LoopOutputMemo`).
    public var loopOutputs: (any LoopOutputMemo)?
    /// Output bytes to reserve beyond the template's own estimate: what the data will add (a
    /// layout's `content`, its includes), so that the buffer is not grown and copied on the way.
    public var additionalOutputCapacity = 0

    public init() {}
}

/// State shared by a render and the isolated renders (`{% render %}`) inside it.
final class RenderSession {
    // The fields a reused session is given anew (`restart`) are read on hot paths (`tick`) and
    // written only between renders: not checked for exclusivity at run time.

    /// The template rendered, whose environment is the render's: held (one retain), not copied —
    /// a copy of the environment retained and released its tables and file system every render.
    @exclusivity(unchecked) private var template: Template
    var environment: LiquidEnvironment { template.environment }
    @exclusivity(unchecked) private(set) var options: RenderOptions
    /// `render!`: the first error aborts. Otherwise errors are written into the output.
    @exclusivity(unchecked) private(set) var rethrowErrors: Bool
    var errors: [LiquidError] = []
    @exclusivity(unchecked) var steps = 0
    /// Partials this render has loaded, with their cache keys: asked before the shared
    /// `partialCache`, so that renders running in parallel take its lock once per partial, not
    /// once per `include`. A list: a page uses few partials, and a dictionary's first insert
    /// cost more than a whole small include.
    @exclusivity(unchecked) private var loadedPartials: [(key: String, template: Template)] = []

    /// The parsed partial for a cache key: loaded earlier in this render, from the shared cache,
    /// or parsed by `parse` (ruby-liquid, without a shared cache, parses once per render too).
    func partial(forKey key: String, parse: () throws -> Template) throws -> Template {
        for i in loadedPartials.indices where loadedPartials[i].key == key { return loadedPartials[i].template }
        let t = try options.partialCache?.template(forKey: key, parse: parse) ?? parse()
        if loadedPartials.capacity == 0 { loadedPartials.reserveCapacity(4) }
        loadedPartials.append((key, t))
        return t
    }

    /// The limits, copied out of the environment for the hot paths.
    @exclusivity(unchecked) private(set) var limits: ResourceLimits
    @exclusivity(unchecked) private(set) var maxSteps: Int
    @exclusivity(unchecked) private(set) var maxOutputBytes: Int

    init(template: Template, options: RenderOptions, rethrowErrors: Bool) {
        self.template = template
        self.options = options
        self.rethrowErrors = rethrowErrors
        let limits = template.environment.limits
        self.limits = limits
        self.maxSteps = limits.maxRenderSteps ?? Int.max
        self.maxOutputBytes = limits.maxOutputBytes ?? Int.max
    }

    /// The session made anew for another render (see `RenderContextReuse`). The partials it
    /// loaded stay when the next render shares their cache: a cache gives the same template for a
    /// key all its life, so a thread's renders ask the shared cache (a lock and a hashed key) once
    /// per partial, not once per partial and page.
    func restart(template: Template, options: RenderOptions, rethrowErrors: Bool) {
        let sharesPartials = options.partialCache != nil && options.partialCache === self.options.partialCache
        self.template = template
        self.options = options
        self.rethrowErrors = rethrowErrors
        let limits = template.environment.limits
        self.limits = limits
        maxSteps = limits.maxRenderSteps ?? Int.max
        maxOutputBytes = limits.maxOutputBytes ?? Int.max
        if !errors.isEmpty { errors = [] }
        steps = 0
        // Emptied one entry at a time: `removeAll(keepingCapacity:)` went through generic range
        // replacement.
        if !sharesPartials { while !loadedPartials.isEmpty { loadedPartials.removeLast() } }
    }
}

/// A render context kept between the renders of one thread (a host's worker rendering page
/// after page), so that a render does not make, grow and free a context of its own: its
/// variable scopes and loop tables keep their room. One per thread; a render that starts while
/// the kept context is in use (a page rendered from inside another page's render) makes its own.
public final class RenderContextReuse {
    var spare: RenderContext?

    public init() {}
}

/// A break or continue waiting for the innermost loop.
public enum Interrupt: Sendable { case `break`, `continue` }

/// The state of a render: variable scopes, the data rendered, tag state and host registers.
/// One per render (and per `{% render %}` inside it), or one kept for a thread's renders one
/// after another (`RenderContextReuse`); not shared between threads.
public final class RenderContext {
    let session: RenderSession
    /// Variable scopes: the template's own (where `assign` writes) and the inner ones.
    @exclusivity(unchecked) var scopes = ScopeStack()
    /// The data the template was rendered with: a hash or a drop.
    @inlinable public var data: Value { _read { yield renderedData } }
    // Stored apart from the public accessors (here and for `registers`): another module's
    // direct read of a class's stored `var` checks exclusivity at run time, even where the
    // property is declared unchecked; through an inlinable `_read` it is a plain load.
    @usableFromInline @exclusivity(unchecked) var renderedData: Value
    /// `increment`/`decrement` counters, which live beside the data.
    @exclusivity(unchecked) var counters = StringTable<Value>()
    /// The `forloop` objects of the loops being rendered, innermost last.
    @exclusivity(unchecked) var forStack: [ForloopDrop] = []
    /// Where each loop stopped, for `offset: continue`.
    @exclusivity(unchecked) var forOffsets = StringTable<Int>()
    /// Where each `cycle` group is (groups are few: a list).
    @exclusivity(unchecked) var cyclePositions: [(group: Value, position: Int)] = []
    /// Inside `{% render %}`, where `include` may not be used.
    @exclusivity(unchecked) var includeDisabled = false
    /// Names set while `recordingEffects` runs; nil otherwise.
    @exclusivity(unchecked) var effectLog: EffectLog?
    /// The tests of compared variables made while `recordingEffects` runs; nil otherwise.
    @exclusivity(unchecked) var comparisonLog: ComparisonLog?
    /// Per-render state of tags.
    @exclusivity(unchecked) public var state = Registers()
    @exclusivity(unchecked) public var interrupt: Interrupt?
    /// The name of the template being rendered (a partial's name inside include/render).
    @exclusivity(unchecked) public internal(set) var templateName: String?
    /// Scope depth of the enclosing renders.
    let baseDepth: Int
    /// The include/render tags that led here, outermost first.
    @exclusivity(unchecked) public internal(set) var includeChain: [SourceLocation] = []
    /// The position of the tag being rendered.
    @exclusivity(unchecked) public internal(set) var currentPosition = Position(line: 1, column: 1)

    /// The host's registers: a stored copy of the options' (one retain a render), read in place
    /// by every filter and drop that asks for the page being rendered, where reading them
    /// through the session copied them (a retain and a release) at every read.
    @inlinable public var registers: Registers { _read { yield hostRegisters } }
    @usableFromInline @exclusivity(unchecked) var hostRegisters: Registers

    init(session: RenderSession, data: Value, templateName: String?, baseDepth: Int = 0) {
        self.session = session
        self.hostRegisters = session.options.registers
        self.renderedData = data
        self.templateName = templateName
        self.baseDepth = baseDepth
    }

    /// This context (a top-level one, kept by a `RenderContextReuse`) made ready for another
    /// render, as a new one would be; its tables keep their room. What the last render left
    /// (variables, tag state) is let go here, not when it ended: the context is reused at once.
    /// Most tables are empty by then (scopes and loops end with their tags).
    func restart(template: Template, options: RenderOptions, rethrowErrors: Bool, data: Value) {
        session.restart(template: template, options: options, rethrowErrors: rethrowErrors)
        hostRegisters = options.registers
        renderedData = data
        templateName = template.name
        currentPosition = Position(line: 1, column: 1)
        scopes.removeAll()
        if !counters.isEmpty { counters.removeAll() }
        while !forStack.isEmpty { forStack.removeLast() }
        if !forOffsets.isEmpty { forOffsets.removeAll() }
        while !cyclePositions.isEmpty { cyclePositions.removeLast() }
        includeDisabled = false
        effectLog = nil
        comparisonLog = nil
        if state.hasEntries { state = Registers() }
        interrupt = nil
        while !includeChain.isEmpty { includeChain.removeLast() }
    }

    public var environment: LiquidEnvironment { session.environment }
    /// The configured limits.
    public var resourceLimits: ResourceLimits { session.limits }
    public var options: RenderOptions { session.options }
    public var strictVariables: Bool { session.options.strictVariables }
    public var errors: [LiquidError] { session.errors }
    var limits: ResourceLimits { session.limits }

    /// A context for `{% render %}`: same filters, registers and limits, none of the variables.
    public func isolatedSubcontext(templateName: String?) throws -> RenderContext {
        try checkDepth(extra: 1)
        let sub = RenderContext(session: session, data: .nil, templateName: templateName, baseDepth: baseDepth + 1)
        sub.includeChain = includeChain
        return sub
    }

    // MARK: Variables

    /// Looks a variable up: innermost scope first, then the counters, then the data.
    public func findVariable(_ name: String) throws -> Value {
        try findVariable(name, hash: keyHash(name))
    }

    @inline(__always)
    func findVariable(_ name: String, hash: Int) throws -> Value {
        if let v = scopes.value(for: name, hash: hash) { return v }
        if !counters.isEmpty, let v = counters.value(for: name, hash: hash) { return v }
        switch data {
        case .hash(let h):
            if let v = h.value(forKey: name, hash: hash) { return v }
        case .drop(let d):
            if let v = try d.value(forKey: name, hash: hash, in: self) { return v }
            if strictVariables { throw LiquidError(.undefinedDropMethod, "undefined method \(name)") }
            return .nil
        default:
            break
        }
        if strictVariables { throw LiquidError(.undefinedVariable, "undefined variable \(name)") }
        return .nil
    }

    /// Sets a variable in the innermost scope.
    public subscript(name: String) -> Value? {
        get { try? findVariable(name) }
        set {
            if let newValue {
                scopes.setInnermost(name, hash: keyHash(name), newValue)
            } else {
                scopes.removeInnermost(name)
            }
        }
    }

    /// Sets a variable in the template's own scope, as `assign` and `capture` do.
    public func assign(_ name: String, _ value: Value) {
        assign(name, hash: keyHash(name), value)
    }

    func assign(_ name: String, hash: Int, _ value: Value) {
        scopes.setOuter(name, hash: hash, value)
        if effectLog != nil { effectLog?.assigned.append(name) }
    }

    /// Runs `body` with a new innermost scope.
    public func withScope<T>(_ scope: [String: Value] = [:], _ body: () throws -> T) throws -> T {
        try checkDepth(extra: 1)
        scopes.push()
        defer { scopes.pop() }
        for (k, v) in scope { _ = scopes.setInner(k, hash: keyHash(k), v) }
        return try body()
    }

    /// Runs `body` with a new innermost scope holding one variable, whose entry index `body`
    /// receives (to change its value with `scopes.setValue(at:)`).
    func withScope<T>(_ name: String, hash: Int, _ value: Value, _ body: (Int) throws -> T) throws -> T {
        try checkDepth(extra: 1)
        scopes.push()
        defer { scopes.pop() }
        return try body(scopes.setInner(name, hash: hash, value))
    }

    func checkDepth(extra: Int) throws {
        if baseDepth + scopes.depth + extra > limits.maxDepth {
            throw LiquidError(.stackLevel, "Nesting too deep")
        }
    }

    func setCounter(_ name: String, hash: Int, _ value: Value) { counters.set(name, hash: hash, value) }

    func counterValue(_ name: String, hash: Int) -> Value? {
        if let v = counters.value(for: name, hash: hash) { return v }
        if case .hash(let h) = data { return h.value(forKey: name, hash: hash) }
        return nil
    }

    // MARK: Limits and errors

    /// Counts rendering work against the step budget.
    @inline(__always)
    func tick(_ n: Int) throws {
        session.steps &+= n
        if session.steps > session.maxSteps {
            throw LiquidError(.memory, "Render limit exceeded: more than \(session.maxSteps) steps")
        }
    }

    /// A filter's result may not outgrow the output bound (a string) or the range bound (an array):
    /// chained filters can grow a value exponentially before anything is written (`split` of an
    /// array splits the array's inspected text, five times as long).
    @inline(__always)
    func checkFilterResult(_ value: Value) throws {
        switch value {
        case .string(let s) where s.utf8.count > session.maxOutputBytes:
            throw LiquidError(.memory, "Memory limits exceeded")
        case .array(let a) where a.count > (limits.maxRangeLength ?? Int.max):
            throw LiquidError(.memory, "Memory limits exceeded")
        default:
            break
        }
    }

    func checkOutputSize(_ count: Int) throws {
        if count > session.maxOutputBytes {
            throw LiquidError(.memory, "Memory limits exceeded")
        }
    }

    /// Handles an error raised by a node: rethrown by `render!`-style renders, otherwise recorded
    /// and (unless the node is a blank tag or the error is about an undefined name) written out.
    func handle(_ error: any Error, at position: Position, blankTag: Bool, output: inout OutputBuffer) throws {
        var e = LiquidError.wrap(error)
        e.locate(SourceLocation(templateName: templateName, line: position.line, column: position.column))
        if e.includeChain.isEmpty && !includeChain.isEmpty { e.includeChain = includeChain }
        if e.kind == .memory || session.rethrowErrors { throw e }
        session.errors.append(e)
        switch e.kind {
        case .undefinedVariable, .undefinedDropMethod, .undefinedFilter: return
        default: if !blankTag { output.append(e.description) }
        }
    }

    /// Where the tag being rendered is.
    public var currentLocation: SourceLocation {
        SourceLocation(templateName: templateName, line: currentPosition.line, column: currentPosition.column)
    }

    func withIncludeChain(_ error: any Error, _ chain: [SourceLocation]) -> LiquidError {
        var e = LiquidError.wrap(error)
        if e.includeChain.isEmpty { e.includeChain = chain }
        return e
    }

    /// Records a problem without failing the render (for hosts' warnings).
    public func record(_ error: LiquidError) {
        session.errors.append(error)
    }
}
