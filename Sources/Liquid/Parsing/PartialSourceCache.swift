#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Partials parsed by an environment, keyed by their exact source text (and the name and first
/// line their errors carry), so that a partial read again in a later render is not parsed again
/// while its text is unchanged. A changed text is a different key: it is parsed afresh. Parsing is
/// a function of the text and the environment's tags, filters, mode and limits; the environment
/// replaces this cache whenever one of those changes. Parse failures are not kept. Thread-safe.
final class PartialSourceCache: @unchecked Sendable {
    /// The parse, without the environment (a template holding its environment, which holds this
    /// cache, would be a reference cycle).
    struct Parsed {
        let root: Block
        let warnings: [LiquidError]
        let outputEstimate: Int
    }

    struct Key: Hashable {
        let source: String
        let name: String
        let firstLine: Int

        // Compared and hashed byte for byte: two texts that Unicode calls equal can still parse
        // to different positions.
        static func == (a: Key, b: Key) -> Bool {
            a.firstLine == b.firstLine && a.name == b.name && sameBytes(a.source, b.source)
        }

        // The length and both ends of the text (hashing whole partials cost more than the rest of
        // a lookup); texts differing only inside compare unequal all the same.
        func hash(into hasher: inout Hasher) {
            hasher.combine(firstLine)
            hasher.combine(name)
            var text = source
            text.withUTF8 { bytes in
                hasher.combine(bytes.count)
                let ends = UnsafeRawBufferPointer(bytes)
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: ends.prefix(32)))
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: ends.suffix(32)))
            }
        }

        private static func sameBytes(_ a: String, _ b: String) -> Bool {
            var a = a, b = b
            return a.withUTF8 { x in
                b.withUTF8 { y in
                    x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
                }
            }
        }
    }

    /// Bounds, so that a long-running host whose partials keep changing does not grow without
    /// end: past either, the cache starts over.
    private static let maxEntries = 1024
    private static let maxSourceBytes = 32 << 20

    private let lock = PlatformLock()
    private var entries: [Key: Parsed] = [:]
    private var sourceBytes = 0

    func parsed(for key: Key) -> Parsed? {
        lock.withLock { entries[key] }
    }

    func store(_ parsed: Parsed, for key: Key) {
        lock.withLock {
            if entries.count >= Self.maxEntries || sourceBytes + key.source.utf8.count > Self.maxSourceBytes {
                entries.removeAll()
                sourceBytes = 0
            }
            if entries.updateValue(parsed, forKey: key) == nil { sourceBytes += key.source.utf8.count }
        }
    }
}

extension LiquidEnvironment {
    /// A partial's template: the earlier parse of the same text when this environment has one.
    func parsePartial(_ source: TemplateSource) throws(LiquidError) -> Template {
        let key = PartialSourceCache.Key(source: source.source, name: source.name, firstLine: source.firstLine)
        if let p = partialSources.parsed(for: key) {
            return Template(root: p.root, name: source.name, environment: self, warnings: p.warnings,
                            outputEstimate: p.outputEstimate)
        }
        let t = try Template.parse(source.source, name: source.name, firstLine: source.firstLine, environment: self)
        partialSources.store(PartialSourceCache.Parsed(root: t.root, warnings: t.warnings, outputEstimate: t.outputEstimate), for: key)
        return t
    }
}
