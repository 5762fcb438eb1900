#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// Runs `body` with the folder holding `relative` under `root` opened through folders only
    /// (no part of the way a symbolic link) and the last part's name; nil, without running it,
    /// when the way is not all folders. Nothing done through it can reach out of `root`.
    static func withParentReachedWithoutLinks<T>(of relative: String, in root: String,
                                                 _ body: (Int32, String) -> T) -> T? {
        var fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = parts.last, !last.isEmpty else { return nil }
        for part in parts.dropLast() {
            let next = openat(fd, String(part), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { return nil }
            close(fd)
            fd = next
        }
        return body(fd, String(last))
    }

    /// Removes the file or symbolic link `relative` under `root`, or the folder there when it is
    /// empty (false, leaving it, for a folder with entries: for paths a build wrote as files, a
    /// folder someone made there since holds their files, not the build's). Only through folders:
    /// where the way there passes a symbolic link, nothing under `root` is at that path, and
    /// nothing is removed.
    static func removeFileOrEmptyFolder(_ relative: String, in root: String) throws(Failure) -> Bool {
        let code: Int32? = withParentReachedWithoutLinks(of: relative, in: root) { fd, name in
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return 0 }
            let isFolder = info.st_mode & S_IFMT == S_IFDIR
            if unlinkat(fd, name, isFolder ? AT_REMOVEDIR : 0) == 0 || errno == ENOENT { return 0 }
            return errno
        }
        guard let code, code != 0 else { return true }
        if code == ENOTEMPTY || code == EEXIST { return false }
        throw Failure(path: Path.join(root, relative), operation: "remove", code: code)
    }

    /// Removes the folder `relative` under `root` when it is empty and reached through folders only.
    static func removeFolderIfEmpty(_ relative: String, in root: String) -> Bool {
        withParentReachedWithoutLinks(of: relative, in: root) { fd, name in unlinkat(fd, name, AT_REMOVEDIR) == 0 } ?? false
    }

    /// Clears the way for the folders of `relative` under `root`, as far as it goes: a symbolic
    /// link or a file where one of them belongs is removed (a full build leaves a folder there, and
    /// nothing may be written through a link out of `root`).
    static func clearWayForFolders(_ relative: String, in root: String) {
        var prefix = ""
        for part in relative.split(separator: "/") {
            prefix = prefix.isEmpty ? String(part) : prefix + "/" + part
            let full = Path.join(root, prefix)
            var info = stat()
            // The parts before are folders now, so only this part's own type is looked at.
            guard lstat(full, &info) == 0 else { return }
            if info.st_mode & S_IFMT != S_IFDIR { unlink(full) }
        }
    }

    /// An open folder that paths are resolved against (`openat`, `mkdirat`): writing a thousand
    /// files into one folder then does not walk the folder's own path again for each of them.
    public final class Folder: @unchecked Sendable {
        /// Where the folder is, for error messages.
        public let path: String
        let fd: Int32

        public init(_ path: String) throws(Failure) {
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { throw Failure(path: path, operation: "open", code: errno) }
            self.path = path
            self.fd = fd
        }

        deinit { close(fd) }

        /// Creates the folder `relative` (its parent must exist); one that exists already is fine.
        public func makeDirectory(_ relative: String) throws(Failure) {
            if mkdirat(fd, relative, 0o755) != 0 && errno != EEXIST {
                throw Failure(path: Path.join(path, relative), operation: "create directory", code: errno)
            }
        }

        /// Creates the folder named by the first `length` bytes of `path` (its parent must exist);
        /// one that exists already is fine. No string is made for the folder's own path.
        public func makeDirectory(prefix length: Int, of path: String) throws(Failure) {
            var path = path
            let code: Int32 = path.withUTF8 { bytes in
                withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { name in
                    UnsafeMutableRawBufferPointer(name).copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<length])))
                    name[length] = 0
                    return mkdirat(fd, name.baseAddress!, 0o755) != 0 && errno != EEXIST ? errno : 0
                }
            }
            if code != 0 {
                let relative = String(decoding: path.utf8.prefix(length), as: UTF8.self)
                throw Failure(path: Path.join(self.path, relative), operation: "create directory", code: code)
            }
        }

        /// Creates or replaces the file `relative` with `bytes`.
        public func write(_ bytes: some Collection<UInt8>, to relative: String) throws(Failure) {
            try create(relative) { FileSystem.writeAll($0, bytes) }
        }

        /// Creates or replaces the file `relative` with the bytes of `runs`, one after another, in
        /// one `writev` (a rendered page held as a few runs is not joined first).
        public func write(runs: [UnsafeRawBufferPointer], to relative: String) throws(Failure) {
            try create(relative) { FileSystem.writeAll($0, runs: runs) }
        }

        /// Copies the file at `source` to `relative` with the source's modification time.
        public func copy(_ source: String, to relative: String) throws(Failure) {
            let (bytes, status) = try FileSystem.readWithStatus(source)
            try create(relative) { file in
                let code = FileSystem.writeAll(file, bytes)
                if code == 0, let status { FileSystem.setModificationTime(file, from: status) }
                return code
            }
        }

        /// Creates or truncates the file `relative` and has `fill` write it (errno or 0).
        private func create(_ relative: String, _ fill: (Int32) -> Int32) throws(Failure) {
            // `withCString` passes a native string's own bytes; a `String` argument is copied.
            let file = relative.withCString { openat(fd, $0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
            guard file >= 0 else { throw Failure(path: Path.join(path, relative), operation: "create", code: errno) }
            defer { close(file) }
            let code = fill(file)
            if code != 0 { throw Failure(path: Path.join(path, relative), operation: "write", code: code) }
        }

        /// `count` bytes of the file `relative` from byte `offset` on, as text (repaired if they
        /// are not valid UTF-8); nil when the file cannot be read or ends before them.
        public func readText(_ relative: String, at offset: Int, count: Int) -> String? {
            let file = openat(fd, relative, O_RDONLY | O_CLOEXEC)
            guard file >= 0 else { return nil }
            defer { close(file) }
            guard count > 0 else { return "" }
            var complete = false
            let text = String(unsafeUninitializedCapacity: count) { buffer in
                let read = FileSystem.readAll(file, into: buffer.baseAddress!, count, expecting: count, at: offset)
                complete = read.errno == 0 && read.count == count
                return complete ? count : 0
            }
            return complete ? text : nil
        }

        /// The size and modification time of the regular file `relative`; nil when it is missing,
        /// a symbolic link or not a file.
        public func fileStatus(_ relative: String) -> (size: Int, modified: Timestamp)? {
            var info = stat()
            guard fstatat(fd, relative, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            return (Int(info.st_size), FileSystem.modificationTime(of: info))
        }

        /// Whether `relative` is a regular file (not a symbolic link) holding exactly `bytes`.
        public func holds(_ bytes: UnsafeRawBufferPointer, at relative: String) -> Bool {
            let file = openat(fd, relative, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard file >= 0 else { return false }
            defer { close(file) }
            var info = stat()
            guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else {
                return false
            }
            guard let expected = bytes.baseAddress else { return true }
            // One byte of room past the size: a file that grew since `fstat` fills it.
            let old = UnsafeMutableRawPointer.allocate(byteCount: bytes.count + 1, alignment: 16)
            defer { old.deallocate() }
            let (count, code) = FileSystem.readAll(file, into: old, bytes.count + 1, expecting: bytes.count)
            return code == 0 && count == bytes.count && memcmp(old, expected, count) == 0
        }

        /// Whether `relative` is a regular file holding exactly the bytes of `runs`, one after another.
        public func holds(runs: [UnsafeRawBufferPointer], at relative: String) -> Bool {
            if runs.count == 1 { return holds(runs[0], at: relative) }
            var joined: [UInt8] = []
            joined.reserveCapacity(runs.reduce(0) { $0 + $1.count })
            for run in runs { joined.append(contentsOf: run) }
            return joined.withUnsafeBytes { holds($0, at: relative) }
        }

        /// Links the file `relative` into `target` at the same relative path (never following a
        /// symbolic link); false when the file system refuses.
        public func link(_ relative: String, into target: Folder) -> Bool {
            linkat(fd, relative, target.fd, relative, 0) == 0
        }
    }
}
