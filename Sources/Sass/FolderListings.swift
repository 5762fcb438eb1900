#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of the folders `ImportGuard` looks in, each folder listed once per compile.
///
/// libsass's candidates for one `@import` are up to 14 names per folder (`_name.scss`,
/// `name.sass`, `name/_index.css`…), nearly all missing: asked one `stat` at a time that was
/// most of a small site's system calls (this repository's six imports: ~130 failing `stat`s
/// and a `realpath` each, which reads every link of the path). An entry the listing cannot
/// settle (a symbolic link, an unknown type, a folder that cannot be listed) is asked as before,
/// and so is a missing name that another entry spells in other capitals or any name beyond ASCII
/// (a case-insensitive or normalizing file system may still find it).
final class FolderListings {
    private enum Kind { case file, folder, other }

    private struct Listing {
        var entries: [String: Kind] = [:]
        /// The entries' names with ASCII capitals made lower case; nil when no name has one (they
        /// are then the keys of `entries`, and a set of them cost more than the look-ups it saved).
        var folded: Set<String>?

        /// Whether an entry's name folds to `name` (which is folded).
        func hasFolded(_ name: String) -> Bool {
            guard let folded else { return entries[name] != nil }
            return folded.contains(name)
        }
    }

    /// Asked of a name the listing cannot settle: `stat` (a test stands in a file system that folds capitals).
    private let fileExists: (String) -> Bool

    init(fileExists: @escaping (String) -> Bool = SassPath.isFile) {
        self.fileExists = fileExists
    }

    /// Folder path (as joined, up to its last `/`) → its entries; nil when it cannot be listed.
    private var listings: [String: Listing?] = [:]
    private var realFolders: [String: String?] = [:]

    /// Exists and is not a directory, following symbolic links (libsass's `file_exists`).
    func isFile(_ path: String) -> Bool {
        switch entry(path) {
        case .settled(let kind): return kind == .file
        case .missing: return false
        case .unknown: return fileExists(path)
        }
    }

    /// The paths (`folder` + name) of those of `names` that exist and are not directories, in
    /// the order of `names`; `folder` ends in `/` (or is empty: the working directory).
    func existingFiles(in folder: String, named names: [String]) -> [String] {
        let listing = self.listing(folder)
        return names.compactMap { name -> String? in
            switch lookUp(name, in: listing) {
            case .settled(let kind): return kind == .file ? folder + name : nil
            case .missing: return nil
            case .unknown: return fileExists(folder + name) ? folder + name : nil
            }
        }
    }

    /// `realpath` of `path`: the folder's real path and the name, unless the name is a link.
    func realPath(_ path: String) -> String? {
        guard case .settled(.file) = entry(path), let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else {
            return SassPath.realPath(path)
        }
        let folder = String(path[...slash])
        let real: String?
        if let known = realFolders[folder] {
            real = known
        } else {
            real = SassPath.realPath(folder)
            realFolders[folder] = real
        }
        guard let real else { return SassPath.realPath(path) }
        let name = String(path[path.utf8.index(after: slash)...])
        return real.hasSuffix("/") ? real + name : real + "/" + name
    }

    /// Records `real` as the real path of `folder` (which `realPath` would otherwise ask for again).
    func knowRealPath(_ real: String, of folder: String) {
        realFolders[folder.hasSuffix("/") ? folder : folder + "/"] = real
    }

    private enum Lookup { case settled(Kind), missing, unknown }

    /// The folder last looked in: the candidates of one import share it.
    private var lastFolder = "\u{0}"
    private var lastListing: Listing?

    private func entry(_ path: String) -> Lookup {
        let utf8 = path.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let folder = String(path[..<nameStart])
        let name = String(path[nameStart...])
        return lookUp(name, in: listing(folder))
    }

    /// The folder's listing, listed on first use; nil when it cannot be listed.
    private func listing(_ folder: String) -> Listing? {
        if folder != lastFolder {
            lastFolder = folder
            if let listed = listings[folder] {
                lastListing = listed
            } else {
                lastListing = isMissingInItsParent(folder) ? Listing() : Self.list(folder)
                listings[folder] = .some(lastListing)
            }
        }
        return lastListing
    }

    /// Whether the listing of the folder holding `folder` (listed already) shows no folder of its
    /// name: `name/_index.scss` and the like are then missing without listing `name/` (which
    /// fails, one system call an import).
    private func isMissingInItsParent(_ folder: String) -> Bool {
        let utf8 = folder.utf8
        guard utf8.last == UInt8(ascii: "/"), let slash = utf8.dropLast().lastIndex(of: UInt8(ascii: "/")) else {
            return false
        }
        let parent = String(folder[...slash])
        guard case .some(.some(let listing)) = listings[parent] else { return false }
        switch lookUp(String(folder[utf8.index(after: slash)..<utf8.index(before: utf8.endIndex)]), in: listing) {
        case .missing, .settled(.file): return true
        case .settled, .unknown: return false
        }
    }

    private func lookUp(_ name: String, in listing: Listing?) -> Lookup {
        guard !name.isEmpty, name != ".", name != "..", let listing else { return .unknown }
        // The name's bytes, read in place (a `Sequence` walk of `utf8` cost ~400 instructions a name).
        let (hasSlash, hasUpper, isASCII) = Self.scan(name)
        guard !hasSlash else { return .unknown }
        guard let kind = listing.entries[name] else {
            // Another spelling of an entry's name may still be found by the file system.
            if !hasUpper && isASCII { return listing.hasFolded(name) ? .unknown : .missing }
            return isASCII && !listing.hasFolded(Self.folded(name)) ? .missing : .unknown
        }
        return kind == .other ? .unknown : .settled(kind)
    }

    /// Whether the name holds a `/`, an ASCII capital, and only ASCII.
    private static func scan(_ name: String) -> (hasSlash: Bool, hasUpper: Bool, isASCII: Bool) {
        func scan(_ bytes: some Sequence<UInt8>) -> (Bool, Bool, Bool) {
            var slash = false, upper = false, ascii = true
            for byte in bytes {
                slash = slash || byte == UInt8(ascii: "/")
                upper = upper || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                ascii = ascii && byte < 0x80
            }
            return (slash, upper, ascii)
        }
        return name.utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(name.utf8)
    }

    private static func folded(_ name: String) -> String {
        String(decoding: name.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The folder's entries; an empty listing when it does not exist (every name is missing),
    /// nil when it cannot be listed for another reason.
    private static func list(_ folder: String) -> Listing? {
        guard let dir = opendir(folder.isEmpty ? "." : folder) else {
            return errno == ENOENT || errno == ENOTDIR ? Listing() : nil
        }
        defer { closedir(dir) }
        var listing = Listing()
        var allFolded = true
        while let entry = readdir(dir) {
            // The name read in place (copying `d_name` reads past the end of readdir's buffer).
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): listing.entries[name] = .file
            case Int32(DT_DIR): listing.entries[name] = .folder
            default: listing.entries[name] = .other
            }
            // Folding changes only ASCII capitals.
            if allFolded { allFolded = !scan(name).hasUpper }
        }
        if !allFolded { listing.folded = Set(listing.entries.keys.map(folded)) }
        return listing
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \.d_name)!
}
