/// The output paths a clean build stages, checked and indexed in one scan of their bytes: no path
/// twice, none that is a folder of another, none that leaves the destination (or the build writes
/// at the end instead, which reports them); and the folders they need, each once, with its parent,
/// so that writing a page needs no string made or hashed to know which folders to create (finding
/// that out per page, by `Set<String>` lookups of each parent, cost ~8,000 instructions a page).
///
/// Paths are compared as bytes, as the file system compares them, through one open-addressing
/// table of FNV-1a hashes (a path's folders' hashes come along the way while it is scanned).
struct StagingPlan {
    /// A folder the outputs need: the first `length` bytes of `paths[owner]`.
    struct Folder: Equatable {
        /// The folder it is in, an index into `folders`; -1 for the staging folder itself.
        let parent: Int32
        let owner: Int32
        let length: Int32
    }

    let paths: [String]
    /// Parents before their children.
    private(set) var folders: [Folder] = []
    /// The folder each path's file goes into; -1 for the staging folder itself.
    private(set) var folderOfPath: [Int32] = []

    private struct Slot {
        var hash: UInt64 = 0
        /// The path whose first `length` bytes are the key; -1 for an empty slot.
        var owner: Int32 = -1
        var length: Int32 = 0
        /// An index into `folders`, or -1 when the key is a file's whole path.
        var folder: Int32 = -1
    }

    private var slots: [Slot]
    private var used = 0

    /// nil when a path appears twice, is a folder of another path, is empty, starts with `/` or
    /// has a `..` component.
    init?(paths: [String]) {
        self.paths = paths
        // A site's outputs need about two folders each (a post's date and slug folders).
        slots = Array(repeating: Slot(), count: Self.capacity(for: paths.count * 3))
        folderOfPath.reserveCapacity(paths.count)
        for index in paths.indices {
            var path = paths[index]
            let placed = path.withUTF8 { add(Int32(index), $0) }
            guard placed else { return nil }
        }
        slots = []  // Only the scan needs it.
    }

    /// The relative path of folder `index` (for messages).
    func path(ofFolder index: Int) -> String {
        let folder = folders[index]
        return String(decoding: paths[Int(folder.owner)].utf8.prefix(Int(folder.length)), as: UTF8.self)
    }

    private static func capacity(for entries: Int) -> Int {
        var capacity = 16
        while capacity < entries * 2 { capacity *= 2 }
        return capacity
    }

    /// Scans path `owner`: its folders found or added, then the path itself; false when it
    /// cannot be staged.
    private mutating func add(_ owner: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, first != UInt8(ascii: "/") else { return false }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var parent: Int32 = -1
        var componentStart = 0
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "/") {
                if Self.isParentReference(bytes, from: componentStart, to: i) { return false }
                componentStart = i + 1
                switch find(hash, length: i, in: bytes) {
                case .some(let slot) where slots[slot].folder < 0:
                    return false  // A file's path is this path's folder.
                case .some(let slot):
                    parent = slots[slot].folder
                case nil:
                    folders.append(Folder(parent: parent, owner: owner, length: Int32(i)))
                    parent = Int32(folders.count - 1)
                    insert(Slot(hash: hash, owner: owner, length: Int32(i), folder: parent))
                }
            }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        if Self.isParentReference(bytes, from: componentStart, to: bytes.count) { return false }
        // The same path twice, or a path that is another's folder.
        guard find(hash, length: bytes.count, in: bytes) == nil else { return false }
        insert(Slot(hash: hash, owner: owner, length: Int32(bytes.count), folder: -1))
        folderOfPath.append(parent)
        return true
    }

    private static func isParentReference(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        end - start == 2 && bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: ".")
    }

    /// The slot whose key is the first `length` bytes of `bytes`.
    private func find(_ hash: UInt64, length: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].owner >= 0 {
            let candidate = slots[slot]
            if candidate.hash == hash && Int(candidate.length) == length && sameBytes(candidate, bytes) { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private func sameBytes(_ candidate: Slot, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var other = paths[Int(candidate.owner)]
        return other.withUTF8 { stored in
            ByteSearch.equal(UnsafeBufferPointer(rebasing: stored[..<Int(candidate.length)]),
                             UnsafeBufferPointer(rebasing: bytes[..<Int(candidate.length)]))
        }
    }

    private mutating func insert(_ entry: Slot) {
        if (used + 1) * 2 > slots.count {
            let old = slots
            slots = Array(repeating: Slot(), count: slots.count * 2)
            used = 0
            for slot in old where slot.owner >= 0 { place(slot) }
        }
        place(entry)
    }

    private mutating func place(_ entry: Slot) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entry.hash) & mask
        while slots[slot].owner >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
        used += 1
    }
}
