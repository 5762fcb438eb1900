extension Expression {
    /// The value of the expression in a context.
    public func evaluate(_ context: RenderContext) throws -> Value {
        switch self {
        case .literal(let v): return v
        case .variable(let lookup): return try lookup.evaluate(context)
        case .range(let a, let b):
            return .range(IntRange(try RubyNumber.rangeEnd(a.evaluate(context)),
                                   try RubyNumber.rangeEnd(b.evaluate(context))))
        case .blank, .empty: return .string("")
        }
    }
}

extension VariableLookup {
    public func evaluate(_ context: RenderContext) throws -> Value {
        let root: Value
        if !isComputed {
            root = try context.findVariable(identifier, hash: nameHash)
        } else {
            guard case .computed(let e) = name else { return .nil }
            let key = try e.evaluate(context).primitive
            if case .string(let s) = key {
                root = try context.findVariable(s)
            } else if context.strictVariables {
                throw LiquidError(.undefinedVariable, "undefined variable \(key.rubyString)")
            } else {
                root = .nil
            }
        }
        guard !steps.isEmpty else { return root }
        // The steps read in place: the lookup (and so each step) outlives the loop. Each object
        // is a local of the closure, borrowed by the next step and then dropped: a variable
        // captured from outside was copied into every step and out again at the end (a retain
        // and release each, on values such as `site` that every page's lookups share).
        return try steps.withUnsafeBufferPointer { steps in
            var object = try Self.step(Unmanaged.passUnretained(steps[0]), of: root, context)
            var i = 1
            while i < steps.count {
                object = try Self.step(Unmanaged.passUnretained(steps[i]), of: object, context)
                i &+= 1
            }
            return object
        }
    }

    /// The step lent without a retain and release: the lookup holds it.
    @inline(__always)
    private static func step(_ step: Unmanaged<Step>, of object: Value, _ context: RenderContext) throws -> Value {
        try step._withUnsafeGuaranteedRef { try Self.step($0, of: object, context) }
    }

    /// `object` looked up by one step. `object` is passed in, not matched in place in the loop's
    /// variable, so that taking it apart borrows it instead of copying its payload.
    @inline(never)
    private static func step(_ step: Step, of object: Value, _ context: RenderContext) throws -> Value {
        if let index = step.index {
            return try lookup(object, key: try index.evaluate(context).primitive, isCommand: false, context)
        }
        switch object {
        case .hash(let h):
            // Fast path: a string key in a hash.
            if let v = h.value(forKey: step.key, hash: step.hash) { return v }
        case .drop(let d):
            // A drop's key (`page.title`): asked by name, without making the key a value (as
            // `lookup` does for a drop).
            if let v = try d.value(forKey: step.key, hash: step.hash, in: context) { return v }
            if step.isCommand, let items = try d.items(in: context) { return command(step.key, items: items) }
            if context.strictVariables { throw LiquidError(.undefinedDropMethod, "undefined method \(step.key)") }
            return .nil
        default:
            break
        }
        return try lookup(object, key: .string(step.key), isCommand: step.isCommand, context)
    }

    /// `object[key]` as ruby-liquid resolves it: hash keys, array indexes, drop keys, then the
    /// `size`/`first`/`last` commands of the collection itself.
    static func lookup(_ object: Value, key: Value, isCommand: Bool, _ context: RenderContext) throws -> Value {
        switch object {
        case .hash(let h):
            if let v = h[key] { return v }
        case .array(let a):
            if case .int(let i) = key {
                let index = i < 0 ? a.count + i : i
                return index >= 0 && index < a.count ? a[index] : .nil
            }
        case .drop(let d):
            if let v = try d.value(forKey: key, in: context) { return v }
            if isCommand, let items = try d.items(in: context), case .string(let k) = key {
                return command(k, items: items)
            }
            if context.strictVariables { throw LiquidError(.undefinedDropMethod, "undefined method \(key.rubyString)") }
            return .nil
        default:
            break
        }
        if isCommand, case .string(let k) = key, let v = commandValue(object, k) { return v }
        if context.strictVariables { throw LiquidError(.undefinedVariable, "undefined variable \(key.rubyString)") }
        return .nil
    }

    private static func command(_ name: String, items: [Value]) -> Value {
        switch name {
        case "size": return .int(items.count)
        case "first": return items.first ?? .nil
        default: return items.last ?? .nil
        }
    }

    /// `size`, `first` and `last` for the values that have them in Ruby.
    private static func commandValue(_ object: Value, _ name: String) -> Value? {
        switch object {
        case .array(let a): return command(name, items: a)
        case .hash(let h):
            switch name {
            case "size": return .int(h.count)
            case "first": return h.isEmpty ? .nil : .array([h.keys[0], h.values[0]])
            default: return nil
            }
        case .string(let s):
            return name == "size" ? .int(UTF8Text.scalarCount(s)) : nil
        case .range(let r):
            switch name {
            case "size": return .int(r.count)
            case "first": return .int(r.lower)
            default: return .int(r.upper)
            }
        case .int:
            return name == "size" ? .int(MemoryLayout<Int>.size) : nil
        default:
            return nil
        }
    }
}

extension FilteredExpression {
    /// The expression's value passed through its filters.
    public func evaluate(_ context: RenderContext) throws -> Value {
        var value = try expression?.evaluate(context) ?? .nil
        guard !filters.isEmpty else { return value }
        // The calls without a retain and release each: the expression (and so each call)
        // outlives the loop.
        try filters.withUnsafeBufferPointer { calls in
            var i = 0
            while i < calls.count {
                // `split: x | size` counts the fields without building them.
                if i + 1 < calls.count, calls[i].countsFields(then: calls[i + 1]) {
                    let pattern = try calls[i].arguments[0].evaluate(context).rubyString
                    value = .int(UTF8Text.splitCount(value.rubyString, pattern))
                    i += 2
                    continue
                }
                value = try Unmanaged.passUnretained(calls[i])._withUnsafeGuaranteedRef {
                    try $0.apply(to: value, context)
                }
                i += 1
            }
        }
        return value
    }
}

extension FilterCall {
    /// Whether this is Liquid's `split: x` followed by a plain `size`.
    func countsFields(then next: FilterCall) -> Bool {
        standardFilter == .split && next.standardFilter == .size && arguments.count == 1
            && keywordArguments.isEmpty && next.arguments.isEmpty && next.keywordArguments.isEmpty
    }

    func apply(to input: Value, _ context: RenderContext) throws -> Value {
        guard let unretainedFilter else {
            if context.session.options.strictFilters {
                throw LiquidError(.undefinedFilter, "undefined filter \(name)")
            }
            return input
        }
        // The filter without a retain and release: the call holds it.
        let result = try unretainedFilter._withUnsafeGuaranteedRef { filter in
            if hasConstantArguments { return try filter.invoke(input, constantArguments, context) }
            var args = FilterArguments()
            for a in arguments { args.append(try a.evaluate(context)) }
            if !keywordArguments.isEmpty {
                var keywords = OrderedHash()
                for (k, e) in keywordArguments { keywords[k] = try e.evaluate(context) }
                args.keywords = keywords
            }
            args.emptyLiteralMask = emptyLiteralMask
            return try filter.invoke(input, args, context)
        }
        try context.checkFilterResult(result)
        return result
    }
}

extension Block {
    /// Renders the nodes; stops early when a `break`/`continue` is pending.
    public func render(into output: inout OutputBuffer, context: RenderContext) throws {
        try context.tick(program.count)
        // The nodes without a retain and release each: the block (and so each node) outlives
        // the loop.
        let interrupted = try program.withUnsafeBufferPointer { nodes in
            for i in 0..<nodes.count {
                try Unmanaged.passUnretained(nodes[i])._withUnsafeGuaranteedRef {
                    try $0.run(into: &output, context: context)
                }
                if context.interrupt != nil { return true }
            }
            return false
        }
        if !interrupted { try context.checkOutputSize(output.count) }
    }

    /// Renders into a new string (for `capture` and the like).
    public func renderToString(context: RenderContext) throws -> String {
        var buffer = OutputBuffer()
        try render(into: &buffer, context: context)
        return buffer.string
    }
}
