#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `kyll build --incremental` knows of the destination the previous build left, from the
/// stamps of its folders recorded then (`BuildMetadata.Destination`). Creating, removing or
/// renaming an entry changes its folder's stamp, so a folder whose stamp is as recorded still holds
/// the outputs that build left in it and nothing else: its outputs need no `stat` each, and it
/// needs no listing. Only folders whose stamps changed, and folders not recorded, are listed for
/// files a full build would not leave (listing the whole destination was a tenth of such a build).
/// A file whose bytes someone changed in place keeps its folder's stamp: an output is then kept
/// as it is (as Jekyll keeps it), a copied static file is told by its own stamp.
/// `after` is set by the update of the destination, which later records it.
final class DestinationFolders {
    let destination: String
    /// Recorded folders (relative to the destination, "" for itself) whose stamps are as recorded.
    private let unchanged: [String: BuildMetadata.FileStamp]
    /// Recorded folders whose stamps changed, or that are gone.
    private let changed: Set<String>
    /// Recorded folders no longer there as folders (gone, or a link or file in their place).
    private let gone: Set<String>
    /// Whether folders were recorded for this destination (else it is listed whole).
    private let known: Bool
    /// Folders looked at: whether each is reached from the destination through folders only.
    private var reached: [String: Bool] = [:]
    /// The destination once `RebuildPlan.updateInPlace` has updated it, for the next build.
    var after: BuildMetadata.Destination?

    /// `found` holds the recorded folders' stamps now, in order (`FileStamps.of(folders:in:)`).
    init(destination: String, recorded: BuildMetadata.Destination?, found: [BuildMetadata.FileStamp?]) {
        self.destination = destination
        guard let recorded, recorded.root == destination else {
            unchanged = [:]; changed = []; gone = []; known = false
            return
        }
        precondition(found.count == recorded.folders.count, "a stamp for each recorded folder")
        var unchanged: [String: BuildMetadata.FileStamp] = [:]
        unchanged.reserveCapacity(recorded.folders.count)
        var changed = Set<String>(), gone = Set<String>()
        for (folder, stamp) in zip(recorded.folders, found) {
            if stamp == folder.stamp {
                unchanged[folder.path] = folder.stamp
            } else {
                changed.insert(folder.path)
                if stamp == nil { gone.insert(folder.path) }
            }
        }
        // What was recorded inside a gone folder is reached, if at all, through something else
        // now (a folder moved away and linked back keeps its sub-folders' stamps).
        if !gone.isEmpty {
            for path in Array(unchanged.keys) {
                var folder = DestinationFolders.folder(of: path)
                while !folder.isEmpty && !gone.contains(folder) { folder = DestinationFolders.folder(of: folder) }
                if !folder.isEmpty {
                    unchanged[path] = nil
                    changed.insert(path)
                }
            }
        }
        self.unchanged = unchanged
        self.changed = changed
        self.gone = gone
        known = true
    }

    /// Whether `folder` is a folder reached from the destination through folders only: its own
    /// `lstat`, once, after its parent's.
    private func isReached(_ folder: String) -> Bool {
        if folder.isEmpty || unchanged[folder] != nil { return true }
        if let known = reached[folder] { return known }
        let answer = isReached(DestinationFolders.folder(of: folder))
            && FileSystem.kind(full(folder), followingLinks: false) == .directory
        reached[folder] = answer
        return answer
    }

    private func full(_ folder: String) -> String { folder.isEmpty ? destination : destination + "/" + folder }

    /// Whether a recorded output path names a file inside the destination: relative, and with no
    /// empty, `.` or `..` part.
    static func isInside(_ path: String) -> Bool {
        // Each part's length and whether it is all dots, on the bytes (no parts made); through a
        // buffer, as iterating `utf8` took ~30 instructions a byte (every record's output and
        // every folder of the destination is checked when the metadata is read).
        var path = path
        return path.withUTF8 { bytes in
            var length = 0, dots = 0
            for byte in bytes {
                if byte == UInt8(ascii: "/") {
                    if length == 0 || (dots == length && length <= 2) { return false }
                    length = 0; dots = 0
                } else {
                    length += 1
                    if byte == UInt8(ascii: ".") { dots += 1 }
                }
            }
            return length > 0 && !(dots == length && length <= 2)
        }
    }

    /// The folder of a path relative to the destination ("" at the top).
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Whether an output the previous build left (a path relative to the destination) is still a
    /// file there — reached through folders, not through a symbolic link someone put in one's place.
    func isIntact(_ output: String) -> Bool {
        let folder = DestinationFolders.folder(of: output)
        return unchanged[folder] != nil
            || isReached(folder) && FileSystem.kind(full(output), followingLinks: false) == .file
    }

    /// The files in folders not known to hold only the previous build's outputs, and those folders
    /// (relative paths): what an update must look at besides the recorded outputs.
    func listUnknown() -> (files: [String], folders: [String]) {
        var files: [String] = [], folders: [String] = []
        func list(_ folder: String, walking: Bool) {
            // A recorded folder reached through a link someone put on its way is not listed: what
            // is there is not in the destination.
            guard walking || isReached(folder), let entries = try? FileSystem.entriesAndFolders(full(folder)) else { return }
            folders.append(folder)
            for entry in entries {
                let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
                if !entry.isFolder {
                    files.append(path)
                } else if gone.contains(path) {
                    // A link to a folder in a recorded folder's place: removed as a file.
                    files.append(path)
                } else if walking || unchanged[path] == nil && !changed.contains(path) {
                    // Not recorded: listed whole (a recorded one is looked at on its own).
                    if !FileSystem.isSymlink(full(path)) { list(path, walking: true) } else { files.append(path) }
                }
            }
        }
        if !known { list("", walking: true) }
        for folder in changed { list(folder, walking: false) }
        return (files, folders)
    }

    /// The folders' stamps once an update has written and removed `touched` (paths relative to the
    /// destination), having listed `listed`: unchanged folders keep theirs, the others are looked at.
    func stamps(touched: [String], listed: [String]) -> [(path: String, stamp: BuildMetadata.FileStamp)] {
        var again = Set(listed)
        for path in touched {
            var folder = DestinationFolders.folder(of: path)
            while again.insert(folder).inserted && !folder.isEmpty { folder = DestinationFolders.folder(of: folder) }
        }
        var stamps: [(path: String, stamp: BuildMetadata.FileStamp)] = []
        stamps.reserveCapacity(unchanged.count + again.count)
        for (folder, stamp) in unchanged where !again.contains(folder) { stamps.append((folder, stamp)) }
        // On a file system that keeps whole seconds (its stamps have no nanoseconds), a folder
        // changed again within the second of this build's change keeps its stamp: one changed in
        // the last two seconds is recorded as never matching, so the next build lists it. Where
        // stamps have nanoseconds the clock steps by a scheduler tick (a few milliseconds).
        let recent = time(nil) - 2
        let looked = Array(again)
        // (nil: gone, emptied and removed, or no folder now)
        for (folder, stamp) in zip(looked, FileStamps.of(folders: looked[...], in: destination)) {
            guard let stamp else { continue }
            stamps.append((folder, stamp.nanoseconds == 0 && stamp.seconds >= recent ? .missing : stamp))
        }
        return stamps
    }
}

extension RebuildPlan {
    /// `kyll build --incremental` over the outputs `.jekyll-metadata`'s build left: the destination
    /// updated in place (`InPlaceWriter.update`), and what it then holds kept for `record`.
    /// `files` have been through `FolderConflicts.refuse`.
    func updateInPlace(_ files: [OutputFile], keepFiles: [String]) throws(BuildError) {
        let destination = site.configuration.destination
        let folders = destinationFolders ?? DestinationFolders(destination: destination, recorded: nil, found: [])
        let metadata = previous?.metadata
        var found = InPlaceWriter.Ledger()
        found.entries.reserveCapacity(metadata?.records.count ?? 0)
        // Only paths inside the destination: an update removes what the build no longer makes.
        for record in metadata?.records.values ?? [:].values where DestinationFolders.isInside(record.output) {
            found.entries[record.output] = .init(origin: nil, written: .missing)
        }
        for copy in metadata?.destination?.copies ?? [] where metadata?.destination?.root == destination
            && DestinationFolders.isInside(copy.path) {
            // Copied again unless the copy is as that build left it.
            let intact = folders.isIntact(copy.path) && BuildMetadata.FileStamp(Path.join(destination, copy.path)) == copy.written
            found.entries[copy.path] = .init(origin: intact ? .copy(source: copy.source, stamp: copy.sourceStamp) : nil,
                                             written: copy.written)
        }
        let (unknown, listed) = folders.listUnknown()
        for path in unknown where found.entries[path] == nil { found.entries[path] = .init(origin: nil, written: .missing) }
        let (changes, left) = try InPlaceWriter(destination: destination, keepFiles: keepFiles).update(files, over: found)
        var copies: [(path: String, source: String, sourceStamp: BuildMetadata.FileStamp, written: BuildMetadata.FileStamp)] = []
        for (path, entry) in left.entries {
            if case .copy(let source, let stamp) = entry.origin { copies.append((path, source, stamp, entry.written)) }
        }
        folders.after = BuildMetadata.Destination(
            root: destination, folders: folders.stamps(touched: changes.written + changes.removed, listed: listed), copies: copies)
    }
}
