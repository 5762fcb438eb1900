extension MetadataFile {
    /// Reads what `Encoder` wrote; any number or index out of bounds makes the file no metadata.
    struct Decoder {
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
            at = marker.count  // (checked by `decode`)
            let strings = count(), appended = number()
            guard !failed, appended >= 0, appended <= strings else { return nil }
            let tableStart = at
            table.reserveCapacity(strings)
            for _ in 0..<strings {
                let length = number()
                guard !failed, length >= 0, length <= buffer.count - at else { return nil }
                table.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[at..<at + length]), as: UTF8.self))
                at += length
            }
            let stored = Stored(bytes: bytes, table: tableStart..<at, tableCount: strings, appended: appended)
            let fingerprint = string(), shape = string(), sassInputs = string()
            var keys: [String] = []
            let keyCount = count()
            guard !failed else { return nil }
            keys.reserveCapacity(keyCount)
            for _ in 0..<keyCount { keys.append(string()) }
            dependencyStamps = [BuildMetadata.FileStamp?](repeating: nil, count: table.count)
            var records: [String: BuildMetadata.Record] = [:]
            let recordCount = count()
            guard !failed else { return nil }
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
            return BuildMetadata(fingerprint: fingerprint, shape: shape, sassInputs: sassInputs, records: records,
                                 documentKeys: keys, destination: destination, stored: stored, dependencies: dependencies)
        }

        mutating func destination() -> BuildMetadata.Destination {
            let root = string()
            var folders: [(path: String, stamp: BuildMetadata.FileStamp)] = []
            let folderCount = count()
            folders.reserveCapacity(folderCount)
            for _ in 0..<folderCount {
                let folder = string()
                // "" is the destination itself; anything else must lie inside it.
                if !folder.isEmpty { requireInside(folder) }
                folders.append((folder, stamp()))
            }
            var copies: [(path: String, source: String, sourceStamp: BuildMetadata.FileStamp, written: BuildMetadata.FileStamp)] = []
            let copyCount = count()
            copies.reserveCapacity(copyCount)
            for _ in 0..<copyCount {
                let path = string()
                requireInside(path)
                copies.append((path, string(), stamp(), stamp()))
            }
            return BuildMetadata.Destination(root: root, folders: folders, copies: copies)
        }

        /// A path the update may remove or list must name something inside the destination: a file
        /// whose checksum matches can still have been made by hand, and the update trusts its paths.
        mutating func requireInside(_ path: String) {
            if !DestinationFolders.isInside(path) { failed = true }
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
            requireInside(output)
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
