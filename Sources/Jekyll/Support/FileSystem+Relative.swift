#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
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

        /// Creates or replaces the file `relative` with `bytes`.
        public func write(_ bytes: some Collection<UInt8>, to relative: String) throws(Failure) {
            let file = openat(fd, relative, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard file >= 0 else { throw Failure(path: Path.join(path, relative), operation: "create", code: errno) }
            defer { close(file) }
            let code = FileSystem.writeAll(file, bytes)
            if code != 0 { throw Failure(path: Path.join(path, relative), operation: "write", code: code) }
        }
    }
}
