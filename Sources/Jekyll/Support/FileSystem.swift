import CSystemCalls
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the build needs, made directly through POSIX: Foundation's writes fsync
/// every file, and its directory enumeration allocates more than we need. The only file that imports
/// the C library for files.
public enum FileSystem {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let operation: String
        public let code: Int32
        public var description: String {
            "\(operation) \(path): \(String(cString: strerror(code)))"
        }
        public var isNotFound: Bool { code == ENOENT || code == ENOTDIR }
    }

    public struct Timestamp: Sendable, Hashable, Comparable {
        public var seconds: Int
        public var nanoseconds: Int
        public static func < (a: Timestamp, b: Timestamp) -> Bool {
            (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
        }
    }

    public enum Kind: Sendable { case file, directory, symlink, other }

    private static func statInfo(_ path: String, follow: Bool) -> stat? {
        var info = stat()
        let rc = follow ? stat(path, &info) : lstat(path, &info)
        return rc == 0 ? info : nil
    }

    private static func kind(of mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// What is at `path`, following symlinks (unless `followingLinks` is false: a symlink there is
    /// then `.symlink`); nil when nothing is.
    public static func kind(_ path: String, followingLinks: Bool = true) -> Kind? {
        statInfo(path, follow: followingLinks).map { kind(of: $0.st_mode) }
    }

    public static func exists(_ path: String) -> Bool { statInfo(path, follow: true) != nil }
    public static func isDirectory(_ path: String) -> Bool { kind(path) == .directory }
    public static func isFile(_ path: String) -> Bool { kind(path) == .file }
    public static func isSymlink(_ path: String) -> Bool { kind(path, followingLinks: false) == .symlink }

    public static func modificationTime(_ path: String) -> Timestamp? {
        statInfo(path, follow: true).map(modificationTime(of:))
    }

    static func modificationTime(of info: stat) -> Timestamp {
        #if canImport(Darwin)
        return Timestamp(info.st_mtimespec)
        #else
        return Timestamp(info.st_mtim)
        #endif
    }

    /// When the file's status (its entries, for a folder) last changed.
    static func changeTime(of info: stat) -> Timestamp {
        #if canImport(Darwin)
        return Timestamp(info.st_ctimespec)
        #else
        return Timestamp(info.st_ctim)
        #endif
    }

    /// The modification time and size of a file (following symlinks), from one `stat`.
    public static func modificationTimeAndSize(_ path: String) -> (Timestamp, Int)? {
        statInfo(path, follow: true).map { (modificationTime(of: $0), Int($0.st_size)) }
    }

    /// The size in bytes of a file (following symlinks).
    public static func size(_ path: String) -> Int? {
        statInfo(path, follow: true).map { Int($0.st_size) }
    }

    /// The canonical absolute path with symlinks resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// The names in a directory (without `.` and `..`), sorted by their bytes for a deterministic order.
    public static func entries(_ directory: String) throws(Failure) -> [String] {
        try entriesInDirectoryOrder(directory).sorted(by: String.utf8Precedes)
    }

    /// The names in a directory (without `.` and `..`) in the order the file system lists them,
    /// as Ruby's `Dir.entries` gives them to Jekyll. Jekyll's pages keep this order among equal
    /// names (its sort by name is stable on glibc), so `site.pages` depends on it.
    public static func entriesInDirectoryOrder(_ directory: String) throws(Failure) -> [String] {
        var names: [String] = []
        try forEachEntry(in: directory) { name, _ in names.append(String(cString: name)) }
        return names
    }

    static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// `open(path, flags)` with the path's own bytes: passing a `String` where C wants a pointer
    /// copies it into a new array first (~290 instructions a file read).
    static func openPath(_ path: String, _ flags: Int32) -> Int32 {
        path.withCString { open($0, flags) }
    }

    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        try readWithStatus(path).bytes
    }

    /// A file's bytes, and its status as `fstat` gave it for the descriptor they were read through.
    static func readWithStatus(_ path: String) throws(Failure) -> (bytes: [UInt8], status: stat?) {
        let fd = openPath(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, operation: "open", code: errno) }
        defer { close(fd) }
        var info = stat()
        let status = fstat(fd, &info) == 0 ? info : nil
        // One byte more than the size: a read that stops short of the buffer's end has met the
        // end of the file, without a second read to find out. An unknown size reads until the end.
        let size = status.flatMap { $0.st_size > 0 ? Int($0.st_size) : nil }
        var bytes = [UInt8](repeating: 0, count: size.map { $0 + 1 } ?? 16 * 1024)
        var expected = size ?? bytes.count
        var count = 0
        while true {
            let (n, code) = bytes.withUnsafeMutableBytes {
                readAll(fd, into: $0.baseAddress! + count, $0.count - count, expecting: expected - count)
            }
            if code != 0 { throw Failure(path: path, operation: "read", code: code) }
            count += n
            if count < bytes.count { break }
            // Longer than its size said, or than the first guess: read on until the end.
            bytes.append(contentsOf: repeatElement(0, count: bytes.count))
            expected = bytes.count
        }
        bytes.removeSubrange(count...)
        return (bytes, status)
    }

    /// Reads into `buffer` until `expected` bytes are in, the buffer is full, or the file ends,
    /// retrying interrupted reads: the bytes read, and errno when a read failed (0 otherwise).
    /// With a buffer longer than `expected`, a regular file of that size takes one `read`.
    /// `offset`: read from that position of the file (`pread`), leaving the descriptor's own.
    static func readAll(_ fd: Int32, into buffer: UnsafeMutableRawPointer, _ capacity: Int,
                        expecting expected: Int, at offset: Int? = nil) -> (count: Int, errno: Int32) {
        var count = 0
        while count < capacity {
            let n = if let offset {
                pread(fd, buffer + count, capacity - count, off_t(offset + count))
            } else {
                Glibc_read(fd, buffer + count, capacity - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return (count, errno)
            }
            if n == 0 { break }
            count += n
            if count >= expected && count < capacity { break }
        }
        return (count, 0)
    }

    /// A file's bytes read straight into a `String`'s own storage (no intermediate array), or nil
    /// when that cannot be trusted to be the file's exact bytes: they are not valid UTF-8, the file
    /// has U+FFFD of its own (a repair cannot be told apart then), or its size is unknown or changed
    /// while it was read (`readExactText`). Callers fall back to `read` for those.
    public static func readUTF8String(_ path: String) throws(Failure) -> String? {
        let fd = openPath(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, operation: "open", code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        if size == 0 {
            // Empty, or a file whose size stat does not know: only an immediate end of file is empty.
            var probe: UInt8 = 0
            return Glibc_read(fd, &probe, 1) == 0 ? "" : nil
        }
        let read = readExactText(fd, from: 0, count: size)
        if read.errno != 0 { throw Failure(path: path, operation: "read", code: read.errno) }
        return read.text
    }

    /// The first line of a file (up to and including its newline), reading at most `limit` bytes.
    public static func readPrefix(_ path: String, limit: Int) -> [UInt8] {
        let fd = openPath(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: limit)
        let n = bytes.withUnsafeMutableBytes { Glibc_read(fd, $0.baseAddress!, limit) }
        return n > 0 ? Array(bytes[..<n]) : []
    }

    /// Writes `bytes` to a new or truncated file without fsync.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, operation: "create", code: errno) }
        defer { close(fd) }
        let code = writeAll(fd, bytes)
        if code != 0 { throw Failure(path: path, operation: "write", code: code) }
    }

    /// Writes all of `bytes` (copied first only when they are not contiguous); errno or 0.
    static func writeAll(_ fd: Int32, _ bytes: some Collection<UInt8>) -> Int32 {
        let result: Int32? = bytes.withContiguousStorageIfAvailable { writeAll(fd, UnsafeRawBufferPointer($0)) }
        return result ?? Array(bytes).withUnsafeBytes { writeAll(fd, $0) }
    }

    /// Writes the bytes of `runs` in order, with as few `writev` calls as the kernel allows;
    /// errno or 0.
    static func writeAll(_ fd: Int32, runs: [UnsafeRawBufferPointer]) -> Int32 {
        if runs.count == 1 { return writeAll(fd, runs[0]) }
        // The vectors on the stack: two arrays made per file cost ~1,700 instructions a page.
        return withUnsafeTemporaryAllocation(of: iovec.self, capacity: runs.count) { vectors in
            var count = 0
            for run in runs where run.count > 0 {
                vectors[count] = iovec(iov_base: UnsafeMutableRawPointer(mutating: run.baseAddress), iov_len: run.count)
                count += 1
            }
            var first = 0
            while first < count {
                let n = writev(fd, vectors.baseAddress! + first, Int32(min(count - first, 1024)))
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                // Past the vectors written whole; into the one written in part.
                var written = n
                while first < count && written >= vectors[first].iov_len {
                    written -= vectors[first].iov_len
                    first += 1
                }
                if written > 0 {
                    vectors[first].iov_base = vectors[first].iov_base.map { $0 + written }
                    vectors[first].iov_len -= written
                }
            }
            return 0
        }
    }

    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let n = Glibc_write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    /// Copies a file's bytes and gives the copy the source's modification time, as Jekyll does.
    public static func copy(_ source: String, to destination: String) throws(Failure) {
        let (bytes, status) = try readWithStatus(source)
        let fd = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: destination, operation: "create", code: errno) }
        defer { close(fd) }
        let code = writeAll(fd, bytes)
        if code != 0 { throw Failure(path: destination, operation: "write", code: code) }
        if let status { setModificationTime(fd, from: status) }
    }

    /// Gives the open file `fd` the modification time in `status` (its access time too).
    static func setModificationTime(_ fd: Int32, from status: stat) {
        #if canImport(Darwin)
        var times = [status.st_mtimespec, status.st_mtimespec]
        #else
        var times = [status.st_mtim, status.st_mtim]
        #endif
        _ = futimens(fd, &times)
    }

    /// Creates a directory and its missing parents.
    public static func makeDirectories(_ path: String) throws(Failure) {
        // mkdir first: when the parent exists (the usual case) that is one call instead of a stat
        // of every ancestor.
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw Failure(path: path, operation: "create directory", code: errno) }
        let parent = Path.dirname(path)
        if parent != path && parent != "." && !parent.isEmpty { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Failure(path: path, operation: "create directory", code: errno)
        }
    }

    public static func rename(_ from: String, to: String) throws(Failure) {
        if Glibc_rename(from, to) != 0 { throw Failure(path: from, operation: "rename", code: errno) }
    }

    /// Gives `destination` the same contents as `source` as cheaply as possible: a hard link for a
    /// file, a new symlink for a symlink, a copy when linking fails.
    public static func duplicate(_ source: String, to destination: String) throws(Failure) {
        if isSymlink(source) {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(source, &buffer, buffer.count - 1)
            guard n >= 0 else { throw Failure(path: source, operation: "read link", code: errno) }
            buffer[n] = 0
            if symlink(buffer, destination) != 0 {
                throw Failure(path: destination, operation: "create link", code: errno)
            }
            return
        }
        if Glibc_link(source, destination) == 0 { return }
        try copy(source, to: destination)
    }

    /// Puts `replacement` where `target` is, moving the old `target` to `retiredPath`: two renames
    /// in a row, so the old tree stays whole until the new one is complete.
    /// Puts `replacement` where `target` is, leaving the old `target` at `retiredPath`. One atomic
    /// system call where the platform has one (Linux's `renameat2` exchange, macOS's `renamex_np`
    /// swap), so that `target` is never missing nor half there; otherwise two renames, the first
    /// undone if the second fails.
    public static func exchange(_ replacement: String, _ target: String, retiredPath: String) throws(Failure) {
        if atomicSwap(replacement, target) {
            try rename(replacement, to: retiredPath)
            return
        }
        try rename(target, to: retiredPath)
        do {
            try rename(replacement, to: target)
        } catch {
            _ = Glibc_rename(retiredPath, target)
            throw error
        }
    }

    /// Swaps two paths in one step; false when the system or the file system cannot.
    static func atomicSwap(_ a: String, _ b: String) -> Bool {
        #if canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        return kyll_rename_exchange(a, b) == 0
        #endif
    }

    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

// The C functions whose names collide with our own methods.
private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
private func Glibc_write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
private func Glibc_rename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
private func Glibc_link(_ from: String, _ to: String) -> Int32 { link(from, to) }

extension FileSystem.Timestamp {
    init(_ spec: timespec) { self.init(seconds: Int(spec.tv_sec), nanoseconds: Int(spec.tv_nsec)) }
}
