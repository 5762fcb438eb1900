import CSystemCalls
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// An entry of an open folder, and whether it is a folder itself (not a link to one).
    struct ListedEntry: Sendable {
        /// The name's bytes as the file system has them, with the closing NUL: a name that is
        /// not UTF-8 is still removed (a `String` would have repaired it into another name).
        let cName: [CChar]
        let isFolder: Bool

        /// The entry named at `namePointer` (NUL-terminated), of type `type` (a `DT_` value), in
        /// the open folder `fd`; nil for `.` and `..`.
        init?(_ namePointer: UnsafePointer<CChar>, type: Int32, in fd: Int32) {
            let length = strlen(namePointer)
            if namePointer[0] == 0x2E && (length == 1 || (length == 2 && namePointer[1] == 0x2E)) { return nil }
            cName = Array(UnsafeBufferPointer(start: namePointer, count: length + 1))
            isFolder = FileSystem.isFolder(namePointer, type: type, in: fd)
        }

        var name: String { String(decoding: cName.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    }

    /// The entries of the open folder `fd` (without `.` and `..`), in the order the file system
    /// lists them; the descriptor stays open. An entry without a type gets an `fstatat`.
    ///
    /// On Linux straight from `getdents64` into one buffer: `fdopendir` costs an `fstat`, two
    /// `fcntl`s and a 32 KiB buffer per folder, which removing a site's thousands of folders
    /// paid each time. Elsewhere through `fdopendir` on a duplicate of the descriptor.
    static func listEntries(of fd: Int32) throws(Failure) -> [ListedEntry] {
        var found: [ListedEntry] = []
        try forEachEntry(of: fd) { name, type in
            if let listed = ListedEntry(name, type: type, in: fd) { found.append(listed) }
        }
        return found
    }

    /// An entry of a folder as `entriesAndFolders` lists it.
    public struct NamedEntry: Sendable {
        public let name: String
        /// A folder, or a symbolic link to one (as `isDirectory` tells).
        public let isFolder: Bool
    }

    /// The entries of `directory` (without `.` and `..`) in the order the file system lists them,
    /// as `entriesInDirectoryOrder` gives them, each with whether it is a folder. The type comes
    /// from the listing: only a symbolic link, or an entry of a file system that gives no type,
    /// costs a `stat` (a `stat` per entry was most of reading a site's folders; `opendir`'s own
    /// `fstat` is not made either).
    public static func entriesAndFolders(_ directory: String) throws(Failure) -> [NamedEntry] {
        var found: [NamedEntry] = []
        try forEachEntry(in: directory) { namePointer, type in
            let name = String(cString: namePointer)
            let isFolder = switch type {
            case Int32(DT_DIR): true
            case Int32(DT_LNK), Int32(DT_UNKNOWN): isDirectory(Path.join(directory, name))
            default: false
            }
            found.append(NamedEntry(name: name, isFolder: isFolder))
        }
        return found
    }

    /// Calls `body` with each entry's NUL-terminated name and `DT_` type, `.` and `..` left out, in
    /// the order the file system lists them: every listing of a folder by its path goes through it.
    static func forEachEntry(in directory: String,
                             _ body: (UnsafePointer<CChar>, Int32) -> Void) throws(Failure) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: directory, operation: "open directory", code: errno) }
        defer { close(fd) }
        do { try forEachEntry(of: fd, body) } catch {
            throw Failure(path: directory, operation: error.operation, code: error.code)
        }
    }

    /// Calls `body` with each entry's NUL-terminated name and `DT_` type, `.` and `..` left out.
    private static func forEachEntry(of fd: Int32,
                                     _ body: (UnsafePointer<CChar>, Int32) -> Void) throws(Failure) {
        #if os(Linux)
        return try LinuxDirectoryEntries.forEach(fd, body)
        #else
        let listing = dup(fd)
        guard listing >= 0 else { throw Failure(path: "", operation: "open directory", code: errno) }
        guard let dir = fdopendir(listing) else {
            let code = errno
            close(listing)
            throw Failure(path: "", operation: "open directory", code: code)
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            // The name read in place (copying `d_name` reads past the end of readdir's buffer).
            let name = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self)
            if !isDotOrDotDot(name) { body(name, Int32(entry.pointee.d_type)) }
        }
        #endif
    }

    static func isDotOrDotDot(_ name: UnsafePointer<CChar>) -> Bool {
        name[0] == 0x2E && (name[1] == 0 || (name[1] == 0x2E && name[2] == 0))
    }

    /// Every file under `root` (not directories), as paths relative to it, following no symlinked
    /// folders; only into the folders (relative paths) `entering` accepts.
    public static func walkFiles(_ root: String, prefix: String = "",
                                 entering: (String) -> Bool = { _ in true }) -> [String] {
        walk(root, prefix: prefix, entering: entering).map(\.path)
    }

    /// A file `walk` found: its path relative to the root, and whether it is a symbolic link
    /// (which may point at a folder).
    public struct WalkedFile: Sendable {
        public let path: String
        public let isSymlink: Bool
    }

    /// `walkFiles`, telling symbolic links apart. Folders and links are told from the entry's type
    /// as the directory lists it, without a `stat` per entry (a folder of a thousand posts is
    /// walked on every `kyll serve` rebuild); a file system that gives no type gets the `stat`s.
    public static func walk(_ root: String, prefix: String = "",
                            entering: (String) -> Bool = { _ in true }) -> [WalkedFile] {
        guard let listed = try? typedEntries(root) else { return [] }
        var out: [WalkedFile] = []
        for (name, type) in listed.sortedByUTF8({ $0.name }) {
            // Joined only for a folder or a file of no listed type: joining it for every post of
            // a folder of a thousand cost ~1,500 instructions a post.
            var full: String { root + "/" + name }
            let rel = prefix.isEmpty ? name : prefix + "/" + name
            let isLink = type == Int(DT_LNK) || (type == Int(DT_UNKNOWN) && isSymlink(full))
            let isFolder = type == Int(DT_DIR) || (type == Int(DT_UNKNOWN) && !isLink && isDirectory(full))
            if isFolder {
                if entering(rel) { out.append(contentsOf: walk(full, prefix: rel, entering: entering)) }
            } else {
                out.append(WalkedFile(path: rel, isSymlink: isLink))
            }
        }
        return out
    }

    /// The names in a directory with the types the listing gives (`DT_UNKNOWN` when it gives none).
    private static func typedEntries(_ directory: String) throws(Failure) -> [(name: String, type: Int)] {
        var entries: [(name: String, type: Int)] = []
        try forEachEntry(in: directory) { name, type in entries.append((String(cString: name), Int(type))) }
        return entries
    }

    /// Whether an entry of type `type` (a `DT_` value) is a folder, asking `fstatat` when the
    /// file system gave no type.
    static func isFolder(_ name: UnsafePointer<CChar>, type: Int32, in fd: Int32) -> Bool {
        if type != Int32(DT_UNKNOWN) { return type == Int32(DT_DIR) }
        var info = stat()
        return fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}

#if os(Linux)
/// Linux's `getdents64`: a directory's entries with their types, a buffer at a time.
enum LinuxDirectoryEntries {
    /// The records of `struct linux_dirent64`: inode (8 bytes), offset (8), record length (2),
    /// type (1), then the name and its NUL.
    static func forEach(_ fd: Int32, _ body: (UnsafePointer<CChar>, Int32) -> Void) throws(FileSystem.Failure) {
        let capacity = 16 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = kyll_getdents64(fd, buffer, UInt(capacity))
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystem.Failure(path: "", operation: "read directory", code: errno)
            }
            if count == 0 { return }
            var offset = 0
            while offset < count {
                let record = buffer + offset
                let length = Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                let type = Int32(record.load(fromByteOffset: 18, as: UInt8.self))
                let name = (record + 19).assumingMemoryBound(to: CChar.self)
                if !FileSystem.isDotOrDotDot(name) { body(name, type) }
                offset += length
            }
        }
    }
}
#endif
