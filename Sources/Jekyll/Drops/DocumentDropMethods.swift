import Liquid

extension DocumentDrop {
    /// The methods by their names' hashes (`OrderedHash.storedHash(of:)`, which templates work
    /// out when parsed): six bits of a hash pick the one candidate, whose hash and name confirm
    /// it. Telling a key apart by its length and first byte cost ~100 instructions a read (the
    /// string's `first` alone a call); a list page reads several keys of every post.
    final class MethodTable: Sendable {
        static let shared = MethodTable(DocumentDrop.methodKeys.map { ($0, DocumentDrop.namedMethod($0)) })

        private struct Entry {
            let hash: Int
            let name: String
            let method: Method
        }

        private let entries: [Entry]
        /// Entry index + 1 per slot (0: no method); a slot is `(hash >> shift) & 63`.
        private let slots: [UInt8]
        private let shift: Int
        /// Whether no shift gave every name a slot of its own (then entries are scanned).
        let scans: Bool

        init(_ methods: [(String, Method)]) {
            entries = methods.map { Entry(hash: OrderedHash.storedHash(of: $0.0), name: $0.0, method: $0.1) }
            let hashes = entries.map(\.hash)
            let found = (0...58).first { shift in Set(hashes.map { ($0 >> shift) & 63 }).count == hashes.count }
            shift = found ?? 0
            scans = found == nil
            var slots = [UInt8](repeating: 0, count: 64)
            if found != nil {
                for (i, hash) in hashes.enumerated() { slots[(hash >> shift) & 63] = UInt8(i + 1) }
            }
            self.slots = slots
        }

        @inline(__always)
        func method(_ key: String, hash: Int) -> Method? {
            if scans {
                return entries.first { $0.hash == hash && $0.name == key }?.method
            }
            let slot = Int(slots[(hash >> shift) & 63])
            guard slot != 0 else { return nil }
            let entry = entries[slot - 1]
            return entry.hash == hash && entry.name == key ? entry.method : nil
        }
    }

    /// The method of one of `methodKeys` (the front matter's `title`, `tags` and `categories`
    /// are read like Jekyll's methods, in their order).
    static func namedMethod(_ key: String) -> Method {
        switch key {
        case "name": return .name
        case "id": return .id
        case "relative_path", "path": return .path
        case "excerpt": return .excerpt
        case "collection": return .collection
        case "next": return .next
        case "previous": return .previous
        case "content": return .content
        case "output": return .output
        case "url": return .url
        case "date": return .date
        default: return .frontMatter
        }
    }
}
