import Jekyll
import Liquid

/// What the tags of the plugins need from a render: variables, keys of hashes and drops looked up
/// as Liquid looks them up, Jekyll's filters called by name, and Ruby's idea of truth.
struct TemplateAccess {
    let context: RenderContext

    /// A top-level variable (`page`, `site`, `paginator`).
    func variable(_ name: String) -> Value {
        (try? context.findVariable(name)) ?? .nil
    }

    /// `name.key.key`: a top-level variable, then keys of it.
    func variable(path: String) -> Value {
        let parts = path.split(separator: ".")
        guard let first = parts.first else { return .nil }
        return parts.dropFirst().reduce(variable(String(first))) { get($0, String($1)) }
    }

    /// `value.key` for hashes and drops; nil for anything else.
    func get(_ value: Value, _ key: String) -> Value {
        switch value {
        case .hash(let h): return h[.string(key)] ?? .nil
        case .drop(let d): return (try? d.value(forKey: key, in: context)) ?? .nil
        default: return .nil
        }
    }

    /// The same for a key read on every render, hashed once.
    func get(_ value: Value, _ key: HashedKey) -> Value {
        switch value {
        case .hash(let h): return h.value(forKey: key.name, hash: key.hash) ?? .nil
        case .drop(let d): return (try? d.value(forKey: key.name, hash: key.hash, in: context)) ?? .nil
        default: return .nil
        }
    }

    /// `value.a.b.c`.
    func get(_ value: Value, path: String) -> Value {
        path.split(separator: ".").reduce(value) { get($0, String($1)) }
    }

    /// A filter of the site's environment applied to `input`; nil when there is no such filter or
    /// it fails (the plugins' Ruby would raise; the tag then prints nothing for the value).
    func filter(_ name: String, _ input: Value, _ arguments: Value...) -> Value {
        guard let definition = context.environment.filters[name] else { return .nil }
        return (try? definition.body(input, FilterArguments(positional: arguments), context)) ?? .nil
    }

    /// The same with a filter looked up before (nil: there is no such filter).
    func filter(_ definition: FilterDefinition?, _ input: Value, _ arguments: Value...) -> Value {
        (try? filterRaising(definition, input, arguments)) ?? .nil
    }

    /// The same, passing on the filter's error (where the plugin lets the filter fail the build).
    func filterRaising(_ definition: FilterDefinition?, _ input: Value, _ arguments: [Value] = []) throws -> Value {
        guard let definition else { return .nil }
        return try definition.body(input, FilterArguments(positional: arguments), context)
    }

    /// A drop or hash as a plain hash of its keys (for JSON).
    func plain(_ value: Value) -> Value {
        switch value {
        case .drop(let d): return (try? d.toHash(in: context)).map(Value.hash) ?? .nil
        default: return value
        }
    }
}

extension Value {
    /// Ruby's truth: everything but nil and false.
    var rubyTruthy: Bool {
        switch self {
        case .nil, .bool(false): return false
        default: return true
        }
    }

    /// Ruby's `a || b`.
    func or(_ other: @autoclosure () -> Value) -> Value { rubyTruthy ? self : other() }

    var isHash: Bool {
        switch self {
        case .hash: return true
        default: return false
        }
    }

    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}

