#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The stamps of many files at once, for `kyll build --incremental`'s plan.
enum FileStamps {
    /// The stamps of `paths` (absolute; nil for a file not there), each file's `stat` made from its
    /// folder held open, as `FileStamp(path)` would (following symbolic links): the kernel's walk of
    /// the whole path was most of each `stat`, and a site's sources sit mostly in a few folders
    /// (`_posts`), one after another.
    static func of(_ paths: ArraySlice<String>) -> [BuildMetadata.FileStamp?] {
        var stamps: [BuildMetadata.FileStamp?] = []
        stamps.reserveCapacity(paths.count)
        var folder: Substring = "", fd: Int32 = -1
        defer { if fd >= 0 { close(fd) } }
        for path in paths {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else {
                stamps.append(BuildMetadata.FileStamp(path))
                continue
            }
            let parent = path[..<slash]
            if parent != folder || fd < 0 {
                if fd >= 0 { close(fd) }
                folder = parent
                fd = open(String(parent), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            }
            guard fd >= 0 else {
                stamps.append(BuildMetadata.FileStamp(path))
                continue
            }
            var info = stat()
            let name = path[path.utf8.index(after: slash)...]
            stamps.append(fstatat(fd, String(name), &info, 0) == 0 ? BuildMetadata.FileStamp(info) : nil)
        }
        return stamps
    }

    /// The stamps of `folders` (relative to `root`, "" for itself; nil for one not there or not
    /// a folder, a symbolic link included), as `FileStamp(folder:)` makes them.
    static func of(folders: ArraySlice<String>, in root: String) -> [BuildMetadata.FileStamp?] {
        var stamps: [BuildMetadata.FileStamp?] = []
        stamps.reserveCapacity(folders.count)
        // Each folder looked up from the open root, not from `/`: the kernel's walk of the path
        // was most of each `stat`.
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if fd >= 0 { close(fd) } }
        for folder in folders {
            var info = stat()
            // A symbolic link in a folder's place is no folder of the destination's (through it,
            // a folder moved away keeps its sub-folders' stamps).
            let found = fd >= 0 && fstatat(fd, folder.isEmpty ? "." : folder, &info, AT_SYMLINK_NOFOLLOW) == 0
            stamps.append(found && info.st_mode & S_IFMT == S_IFDIR ? BuildMetadata.FileStamp(folder: info) : nil)
        }
        return stamps
    }
}
