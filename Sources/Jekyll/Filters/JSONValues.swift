import Liquid

/// Values as `jsonify` and `inspect` see them: drops turned into plain hashes (documents with
/// Jekyll's collapsing of `next`/`previous` below the second level), everything else as it is.
enum JSONValues {
    static func plain(_ value: Value, depth: Int, context: RenderContext) throws -> Value {
        // Most values hold no drop: nothing to convert, nothing to copy.
        if !value.containsDrop { return value }
        switch value {
        case .array(let items):
            return .array(try items.map { try plain($0, depth: depth + 1, context: context) })
        case .hash(let h):
            var out = OrderedHash(minimumCapacity: h.count)
            for (k, v) in h.pairs { out[k] = try plain(v, depth: depth + 1, context: context) }
            return .hash(out)
        case .drop(let d):
            if let primitive = d.liquidValue { return try plain(primitive, depth: depth, context: context) }
            let shown = try (d as? JSONConvertible)?.jsonValue(depth: depth, context: context)
                ?? .hash(try d.toHash(in: context))
            guard case .hash = shown else { return shown }
            return try plain(shown, depth: depth, context: context)
        default:
            return value
        }
    }
}
