#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

extension FileSystem {
    /// Removes a file, a symlink or a whole directory tree (never following symlinks).
    ///
    /// A tree is removed relative to its open folders (`unlinkat`), telling folders from files by
    /// the type `readdir` gives: no `stat` and no walk of the whole path per entry. Removing the
    /// previous site after a rebuild (thousands of folders) was most of that build's write phase.
    /// `concurrently`: the first two levels' folders are removed on all cores.
    public static func remove(_ path: String, concurrently: Bool = false) throws(Failure) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            if unlink(path) != 0 { throw Failure(path: path, operation: "remove", code: errno) }
            return
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, operation: "open directory", code: errno) }
        do {
            let folder = RemovedFolder(fd: fd, path: path)
            if concurrently { try folder.removeContentsConcurrently() } else { try folder.removeContents() }
        }
        if rmdir(path) != 0 { throw Failure(path: path, operation: "remove directory", code: errno) }
    }

    private typealias RemovedEntry = ListedEntry

    /// A folder being removed, open for listing and for removals relative to it.
    private final class RemovedFolder: @unchecked Sendable {
        let path: String
        let fd: Int32

        /// Takes over `fd` (closed with the folder).
        init(fd: Int32, path: String) {
            self.fd = fd
            self.path = path
        }

        /// Opens the folder `entry` inside this one, never following a symbolic link.
        convenience init(_ entry: RemovedEntry, in parent: RemovedFolder) throws(Failure) {
            let path = parent.path + "/" + entry.name
            let fd = openat(parent.fd, entry.cName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { throw Failure(path: path, operation: "open directory", code: errno) }
            self.init(fd: fd, path: path)
        }

        deinit { close(fd) }

        /// The entries, listed before any is removed so that the listing never sees its own removals.
        func entries() throws(Failure) -> [RemovedEntry] {
            do { return try listEntries(of: fd) } catch {
                throw Failure(path: path, operation: error.operation, code: error.code)
            }
        }

        /// Removes everything in this folder.
        func removeContents() throws(Failure) {
            for entry in try entries() { try remove(entry) }
        }

        /// Removes one entry, a folder with everything in it.
        func remove(_ entry: RemovedEntry) throws(Failure) {
            if entry.isFolder {
                try RemovedFolder(entry, in: self).removeContents()
                if unlinkat(fd, entry.cName, AT_REMOVEDIR) != 0 {
                    throw Failure(path: path + "/" + entry.name, operation: "remove directory", code: errno)
                }
            } else if unlinkat(fd, entry.cName, 0) != 0 {
                throw Failure(path: path + "/" + entry.name, operation: "remove", code: errno)
            }
        }

        /// `removeContents`, with the entries two levels down (a site's `category/year`) removed
        /// on all cores: one folder per post makes trees wide enough to share.
        func removeContentsConcurrently() throws(Failure) {
            // First-level folders stay open while their entries are removed; past this many, a
            // folder is one job of its own (descriptors are limited).
            let openLimit = 256
            var parents: [(folder: RemovedFolder, entry: RemovedEntry)] = []
            var jobs: [(folder: RemovedFolder, entry: RemovedEntry)] = []
            for entry in try entries() {
                guard entry.isFolder, parents.count < openLimit else {
                    jobs.append((self, entry))
                    continue
                }
                let sub = try RemovedFolder(entry, in: self)
                parents.append((sub, entry))
                for child in try sub.entries() { jobs.append((sub, child)) }
            }
            let failure = Locked<Failure?>(nil)
            let shared = jobs
            DispatchQueue.concurrentPerform(iterations: shared.count) { i in
                do throws(Failure) { try shared[i].folder.remove(shared[i].entry) } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
            for parent in parents where unlinkat(fd, parent.entry.cName, AT_REMOVEDIR) != 0 {
                throw Failure(path: parent.folder.path, operation: "remove directory", code: errno)
            }
        }
    }
}
