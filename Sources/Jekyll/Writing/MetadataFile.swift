#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `.jekyll-metadata` as kyll writes it: a marker naming kyll and the format's version, a table of
/// the distinct strings (a path or key that a thousand records name is stored once), then each
/// document's record with its strings as indices into the table and its numbers as variable-length
/// integers. Read without building Liquid values: as JSON, the file of a 1000-post site was 2 MB
/// and reading and writing it most of an incremental build.
///
/// A record read from the file and kept by the next build is written back as the bytes it was read
/// from, the file's table kept as the new table's beginning (strings of new records appended):
/// after a one-post edit, nearly all of a file is copied, not encoded again. Strings no record uses
/// any more stay in the table until those appended since the last full encoding are a quarter of it.
///
/// A file without the marker — Jekyll's (a Ruby Marshal dump), an older kyll's (JSON), a damaged
/// one — is no metadata: the build is a full one.
enum MetadataFile {
    static let marker = Array("kyll metadata 2\n".utf8)

    /// The bytes of a file as read: what records read from it point into.
    final class Stored: Sendable {
        let bytes: [UInt8]
        /// Where the table's strings are in `bytes`, and how many.
        let table: Range<Int>
        let tableCount: Int
        /// How many strings were appended to the table since it was last made anew.
        let appended: Int

        init(bytes: [UInt8], table: Range<Int>, tableCount: Int, appended: Int) {
            self.bytes = bytes; self.table = table; self.tableCount = tableCount; self.appended = appended
        }
    }

    /// Where a record read from a file is in it.
    struct StoredRecord: Sendable {
        let file: Stored
        let bytes: Range<Int>
    }

    static func encode(_ metadata: BuildMetadata) -> [UInt8] {
        if let base = metadata.stored, let file = encode(metadata, base: base) { return file }
        return encode(metadata, base: nil)!
    }

    /// The file for `metadata`, with `base`'s table and its records' bytes where they are kept; nil
    /// when the strings appended since `base`'s table was made would be too many.
    private static func encode(_ metadata: BuildMetadata, base: Stored?) -> [UInt8]? {
        var body = Encoder(base: base)
        body.string(metadata.fingerprint)
        body.string(metadata.shape)
        // The records in the documents' order, then any other (a build that knew no order).
        var order = metadata.documentKeys
        body.number(order.count)
        for key in order { body.string(key) }
        if order.count != metadata.records.count || order.contains(where: { metadata.records[$0] == nil }) {
            let listed = Set(order)
            order = order.filter { metadata.records[$0] != nil } + metadata.records.keys.filter { !listed.contains($0) }
        }
        body.number(order.count)
        for key in order {
            body.string(key)
            let record = metadata.records[key]!
            if let base, let stored = record.stored, stored.file === base {
                body.bytes.append(contentsOf: base.bytes[stored.bytes])
            } else {
                body.record(record)
            }
        }
        if let destination = metadata.destination {
            body.number(1)
            body.string(destination.root)
            body.number(destination.folders.count)
            for folder in destination.folders { body.string(folder.path); body.stamp(folder.stamp) }
            body.number(destination.copies.count)
            for copy in destination.copies {
                body.string(copy.path); body.string(copy.source); body.stamp(copy.sourceStamp); body.stamp(copy.written)
            }
        } else {
            body.number(0)
        }
        let appended = base.map { body.tableCount - $0.tableCount + $0.appended } ?? 0
        if appended * 4 > body.tableCount { return nil }
        var file = marker
        file.reserveCapacity(marker.count + body.tableBytes.count + body.bytes.count + 16)
        Encoder.append(body.tableCount, to: &file)
        Encoder.append(appended, to: &file)
        file += body.tableBytes
        file += body.bytes
        return file
    }

    static func decode(_ bytes: [UInt8]) -> BuildMetadata? {
        bytes.withUnsafeBufferPointer { buffer in
            var decoder = Decoder(bytes: bytes, buffer: buffer)
            return decoder.metadata()
        }
    }

    private struct Encoder {
        var bytes: [UInt8] = []
        var tableBytes: [UInt8] = []
        var tableCount: Int { starts.count }
        /// Where each table string's bytes start in `tableBytes` (its length before them).
        private var starts: [Int] = []
        private var hashes: [UInt64] = []
        /// Open addressing over the table's strings (-1: free): each of the ~30,000 strings a
        /// 1000-post site's records hold is looked up here, a `Dictionary<String, Int>` took a
        /// tenth of an incremental build.
        private var slots = [Int](repeating: -1, count: 1024)

        /// With `base`'s table as the table's beginning, its strings at their indices.
        init(base: Stored?) {
            guard let base else { return }
            let bytes = Array(base.bytes[base.table])
            var starts: [Int] = [], hashes: [UInt64] = []
            starts.reserveCapacity(base.tableCount)
            hashes.reserveCapacity(base.tableCount)
            var slots = self.slots
            while slots.count < base.tableCount * 2 { slots += slots }
            bytes.withUnsafeBufferPointer { table in
                var at = 0
                while at < table.count {
                    let start = at
                    var length = 0, shift = 0
                    while true {
                        let byte = table[at]
                        at += 1
                        length |= Int(byte & 0x7F) << shift
                        if byte < 0x80 { break }
                        shift += 7
                    }
                    let hash = FastHash.hash(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: table[at..<at + length])),
                                             seed: Encoder.seed)
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while slots[slot] >= 0 { slot = (slot + 1) & mask }
                    slots[slot] = starts.count
                    starts.append(start)
                    hashes.append(hash)
                    at += length
                }
            }
            (tableBytes, self.starts, self.hashes, self.slots) = (bytes, starts, hashes, slots)
        }

        private static let seed: UInt64 = 0x6b79_6c6c

        mutating func number(_ value: Int) { Encoder.append(value, to: &bytes) }

        /// Seven bits a byte, the lowest first; the high bit says another byte follows.
        static func append(_ value: Int, to bytes: inout [UInt8]) {
            var v = UInt(bitPattern: value)
            while v >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        /// A number that may be negative (a time before 1970), zigzag-encoded.
        mutating func signed(_ value: Int) {
            number(Int(bitPattern: UInt(bitPattern: value << 1) ^ UInt(bitPattern: value >> 63)))
        }

        mutating func string(_ text: String) {
            var text = text
            number(text.withUTF8 { index(of: $0) })
        }

        /// The string's index in the table, added when new.
        private mutating func index(of text: UnsafeBufferPointer<UInt8>) -> Int {
            let hash = FastHash.hash(UnsafeRawBufferPointer(text), seed: Encoder.seed)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 {
                let known = slots[slot]
                if hashes[known] == hash && isEqual(known, text) { return known }
                slot = (slot + 1) & mask
            }
            let index = starts.count
            starts.append(tableBytes.count)
            hashes.append(hash)
            Encoder.append(text.count, to: &tableBytes)
            tableBytes.append(contentsOf: text)
            slots[slot] = index
            if starts.count * 2 > slots.count { grow() }
            return index
        }

        private func isEqual(_ index: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
            var at = starts[index], length = 0, shift = 0
            while true {
                let byte = tableBytes[at]
                at += 1
                length |= Int(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            guard length == text.count else { return false }
            return tableBytes.withUnsafeBufferPointer { table in
                text.isEmpty || memcmp(table.baseAddress! + at, text.baseAddress!, length) == 0
            }
        }

        private mutating func grow() {
            slots = [Int](repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for (index, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = index
            }
        }

        mutating func optional(_ text: String?) {
            if let text { number(1); string(text) } else { number(0) }
        }

        mutating func stamp(_ stamp: BuildMetadata.FileStamp) {
            signed(stamp.seconds); signed(stamp.nanoseconds); signed(stamp.size)
        }

        mutating func record(_ r: BuildMetadata.Record) {
            stamp(r.source)
            number(r.usesSite ? 1 : 0)
            string(r.output)
            optional(r.variables); optional(r.fields); optional(r.generated)
            number(r.dependencies.count)
            for dependency in r.dependencies { string(dependency.path); stamp(dependency.stamp) }
            number(r.lists.count)
            for list in r.lists { string(list.name); string(list.signature) }
            number(r.dataReads.count)
            for key in r.dataReads { string(key) }
            number(r.renderedReads.count)
            for key in r.renderedReads { string(key) }
        }
    }

    /// Reads what `Encoder` wrote; any number or index out of bounds makes the file no metadata.
    private struct Decoder {
        let bytes: [UInt8]
        let buffer: UnsafeBufferPointer<UInt8>
        var at = 0
        var table: [String] = []
        var failed = false
        /// By table index: the stamp records list for a dependency, the paths in the order first
        /// seen, and whether two records listed one path with different stamps.
        var dependencyStamps: [BuildMetadata.FileStamp?] = []
        var dependencyOrder: [Int] = []
        var mixedDependencyStamps = false

        init(bytes: [UInt8], buffer: UnsafeBufferPointer<UInt8>) { self.bytes = bytes; self.buffer = buffer }

        mutating func metadata() -> BuildMetadata? {
            guard buffer.count >= marker.count, buffer.prefix(marker.count).elementsEqual(marker) else { return nil }
            at = marker.count
            let strings = number(), appended = number()
            guard strings <= buffer.count else { return nil }
            let tableStart = at
            table.reserveCapacity(strings)
            for _ in 0..<strings {
                let length = number()
                guard !failed, length <= buffer.count - at else { return nil }
                table.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[at..<at + length]), as: UTF8.self))
                at += length
            }
            let stored = Stored(bytes: bytes, table: tableStart..<at, tableCount: strings, appended: appended)
            let fingerprint = string(), shape = string()
            var keys: [String] = []
            let keyCount = number()
            guard keyCount <= buffer.count else { return nil }
            keys.reserveCapacity(keyCount)
            for _ in 0..<keyCount { keys.append(string()) }
            dependencyStamps = [BuildMetadata.FileStamp?](repeating: nil, count: table.count)
            var records: [String: BuildMetadata.Record] = [:]
            let recordCount = number()
            guard recordCount <= buffer.count else { return nil }
            records.reserveCapacity(recordCount)
            for _ in 0..<recordCount {
                let key = string()
                let record = self.record(in: stored)
                guard !failed else { return nil }
                records[key] = record
            }
            let destination = number() == 1 ? self.destination() : nil
            guard !failed, at == buffer.count else { return nil }
            let dependencies = mixedDependencyStamps ? nil : dependencyOrder.map { (path: table[$0], stamp: dependencyStamps[$0]!) }
            return BuildMetadata(fingerprint: fingerprint, shape: shape, records: records, documentKeys: keys,
                                 destination: destination, stored: stored, dependencies: dependencies)
        }

        mutating func destination() -> BuildMetadata.Destination {
            let root = string()
            var folders: [(path: String, stamp: BuildMetadata.FileStamp)] = []
            let folderCount = count()
            folders.reserveCapacity(folderCount)
            for _ in 0..<folderCount { folders.append((string(), stamp())) }
            var copies: [(path: String, source: String, sourceStamp: BuildMetadata.FileStamp, written: BuildMetadata.FileStamp)] = []
            let copyCount = count()
            copies.reserveCapacity(copyCount)
            for _ in 0..<copyCount { copies.append((string(), string(), stamp(), stamp())) }
            return BuildMetadata.Destination(root: root, folders: folders, copies: copies)
        }

        mutating func number() -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while at < buffer.count, shift < 64 {
                let byte = buffer[at]
                at += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return Int(truncatingIfNeeded: value) }
                shift += 7
            }
            failed = true
            return 0
        }

        mutating func signed() -> Int {
            let raw = UInt(bitPattern: number())
            return Int(bitPattern: raw >> 1) ^ -Int(bitPattern: raw & 1)
        }

        mutating func string() -> String {
            let index = number()
            guard index >= 0, index < table.count else {
                failed = true
                return ""
            }
            return table[index]
        }

        mutating func optional() -> String? { number() == 1 ? string() : nil }

        mutating func stamp() -> BuildMetadata.FileStamp {
            let seconds = signed(), nanoseconds = signed(), size = signed()
            return BuildMetadata.FileStamp(seconds: seconds, nanoseconds: nanoseconds, size: size)
        }

        /// A count of items that each take at least a byte: never more than the bytes left.
        mutating func count() -> Int {
            let n = number()
            guard n >= 0, n <= buffer.count - at else {
                failed = true
                return 0
            }
            return n
        }

        mutating func record(in file: Stored) -> BuildMetadata.Record {
            let start = at
            let source = stamp()
            let usesSite = number() == 1
            let output = string()
            let variables = optional(), fields = optional(), generated = optional()
            var dependencies: [(path: String, stamp: BuildMetadata.FileStamp)] = []
            let dependencyCount = count()
            dependencies.reserveCapacity(dependencyCount)
            for _ in 0..<dependencyCount {
                let index = number()
                guard index >= 0, index < table.count else {
                    failed = true
                    break
                }
                let stamp = self.stamp()
                if let known = dependencyStamps[index] {
                    if known != stamp { mixedDependencyStamps = true }
                } else {
                    dependencyStamps[index] = stamp
                    dependencyOrder.append(index)
                }
                dependencies.append((table[index], stamp))
            }
            var lists: [(name: String, signature: String)] = []
            let listCount = count()
            lists.reserveCapacity(listCount)
            for _ in 0..<listCount { lists.append((string(), string())) }
            return BuildMetadata.Record(source: source, dependencies: dependencies, usesSite: usesSite, output: output,
                                        lists: lists, dataReads: strings(), renderedReads: strings(),
                                        variables: variables, fields: fields, generated: generated,
                                        stored: StoredRecord(file: file, bytes: start..<at))
        }

        mutating func strings() -> [String] {
            let n = count()
            var found: [String] = []
            found.reserveCapacity(n)
            for _ in 0..<n { found.append(string()) }
            return found
        }
    }
}
