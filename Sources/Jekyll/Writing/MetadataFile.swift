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
/// A file without the marker — Jekyll's (a Ruby Marshal dump), an older kyll's (JSON or an earlier
/// version of this format) — or whose checksum does not match is no metadata: the build is a full
/// one. The checksum (the last 8 bytes) guards against damage that would still decode: a changed
/// index naming another string could make a record's output "" (the destination itself), which
/// the update would remove.
enum MetadataFile {
    static let marker = Array("kyll metadata 4\n".utf8)
    private static let checksumSeed: UInt64 = 0x6d65_7461

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
        body.string(metadata.sassInputs)
        // The records in the documents' order, then any other (a build that knew no order).
        var order = metadata.documentKeys
        body.number(order.count)
        let keyIndices = order.map { body.stringIndex($0) }
        for index in keyIndices { body.number(index) }
        // Each record looked up once (a look-up hashes its key).
        var records: [BuildMetadata.Record] = []
        records.reserveCapacity(metadata.records.count)
        if order.count == metadata.records.count {
            for key in order {
                guard let record = metadata.records[key] else { break }
                records.append(record)
            }
        }
        // Whether the records are in the keys' order, so each key's index is known.
        let listsKeysInOrder = records.count == order.count && order.count == metadata.records.count
        if !listsKeysInOrder {
            let listed = Set(order)
            order = order.filter { metadata.records[$0] != nil } + metadata.records.keys.filter { !listed.contains($0) }
            records = order.map { metadata.records[$0]! }
        }
        body.number(order.count)
        for (i, (key, record)) in zip(order, records).enumerated() {
            if listsKeysInOrder { body.number(keyIndices[i]) } else { body.string(key) }
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
        let sum = file.withUnsafeBytes { checksum(UnsafeRawBufferPointer(rebasing: $0[marker.count...])) }
        withUnsafeBytes(of: sum.littleEndian) { file += $0 }
        return file
    }

    private static func checksum(_ body: UnsafeRawBufferPointer) -> UInt64 { FastHash.hash(body, seed: checksumSeed) }

    static func decode(_ bytes: [UInt8]) -> BuildMetadata? {
        guard bytes.count >= marker.count + 8 else { return nil }
        return bytes.withUnsafeBufferPointer { whole in
            let buffer = UnsafeBufferPointer(rebasing: whole[..<(whole.count - 8)])
            let stored = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(whole)[(whole.count - 8)...])
            guard buffer.prefix(marker.count).elementsEqual(marker),
                  UInt64(littleEndian: stored.loadUnaligned(as: UInt64.self))
                    == checksum(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[marker.count...])) else { return nil }
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
                    let length = Encoder.length(in: table, at: &at)
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

        mutating func string(_ text: String) { number(stringIndex(text)) }

        /// The string's index in the table, added when new.
        mutating func stringIndex(_ text: String) -> Int {
            var text = text
            return text.withUTF8 { index(of: $0) }
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
            tableBytes.withUnsafeBufferPointer { table in
                var at = starts[index]
                let length = Encoder.length(in: table, at: &at)
                return length == text.count && (text.isEmpty || memcmp(table.baseAddress! + at, text.baseAddress!, length) == 0)
            }
        }

        /// The length written before a table string at `at` (a table this encoder made or took
        /// from a file that decoded), `at` moved past it.
        static func length(in table: UnsafeBufferPointer<UInt8>, at: inout Int) -> Int {
            var length = 0, shift = 0
            while true {
                let byte = table[at]
                at += 1
                length |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return length }
                shift += 7
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
}
