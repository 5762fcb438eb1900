import Foundation

/// The files and folders under a root, as relative paths with what polling compares. Symlinks are
/// listed but not followed, so a link cycle cannot trap the walk; ignored paths are not entered.
struct DirectoryTree: Equatable {
    struct Entry: Equatable {
        var kind: FileStatus.Kind
        var size: Int64
        var modificationNanoseconds: Int64
        var inode: UInt64
    }

    private(set) var entries: [String: Entry] = [:]

    /// Walks `root` (or only the folder `start` inside it, a relative path).
    init(root: String, below start: String = "", isIgnored: (String) -> Bool) {
        var pending = [start]
        while let folder = pending.popLast() {
            let absolute = folder.isEmpty ? root : root + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names {
                let relative = folder.isEmpty ? name : folder + "/" + name
                guard !isIgnored(relative),
                      let status = FileStatus(path: root + "/" + relative, followingSymlinks: false) else { continue }
                entries[relative] = Entry(kind: status.kind, size: status.size,
                                          modificationNanoseconds: status.modificationNanoseconds, inode: status.inode)
                if status.kind == .directory { pending.append(relative) }
            }
        }
    }

    /// Folders, for watchers that need one watch per folder.
    var folders: [String] {
        entries.compactMap { $0.value.kind == .directory ? $0.key : nil }
    }

    /// Paths created, removed, or changed in kind, size, time or inode from `old` to `self`.
    func changes(since old: DirectoryTree) -> Set<String> {
        var changed: Set<String> = []
        for (path, entry) in entries where old.entries[path] != entry {
            // A folder's own time changes with every entry added or removed; the entries say more.
            if entry.kind == .directory, let previous = old.entries[path], previous.kind == .directory { continue }
            changed.insert(path)
        }
        for path in old.entries.keys where entries[path] == nil {
            changed.insert(path)
        }
        return changed
    }
}
