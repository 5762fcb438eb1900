import Dispatch

/// One file of the built site: where it goes (relative to the destination) and what it holds.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        /// A rendered document, written as UTF-8 (the rendered text itself, not a copy of it).
        case text(String)
        /// A static file, copied with its modification time.
        case copy(from: String)
    }

    /// Relative to the destination, without a leading slash, unescaped (`about/index.html`).
    public var path: String
    public var content: Content
    /// The source the file was made from, as Jekyll names it in conflict warnings.
    public var origin: String
    /// May take a destination another file has without a warning (jekyll-redirect-from's pages).
    public var mayReplace: Bool

    public init(path: String, content: Content, origin: String, mayReplace: Bool = false) {
        self.path = path
        self.content = content
        self.origin = origin
        self.mayReplace = mayReplace
    }
}

/// Writes a built site atomically: everything goes into a staging folder beside the destination, the
/// files Jekyll would keep (`keep_files`) are carried over from the previous build, and only then is
/// the staging folder swapped in. A failure before the swap leaves the previous site untouched; the
/// staging folder is removed.
public struct SiteWriter: Sendable {
    public let destination: String
    public let keepFiles: [String]

    /// The cores the files are written on (`AllCores`).
    let cores: Int

    public init(destination: String, keepFiles: [String]) {
        self.init(destination: destination, keepFiles: keepFiles, cores: ProcessorCount.active)
    }

    init(destination: String, keepFiles: [String], cores: Int) {
        self.destination = destination
        self.keepFiles = keepFiles
        self.cores = cores
    }

    var stagingPath: String {
        Path.join(Path.dirname(destination), "." + Path.basename(destination) + ".kyll-staging")
    }

    var retiredPath: String {
        Path.join(Path.dirname(destination), "." + Path.basename(destination) + ".kyll-previous")
    }

    /// Writes `files` (later entries win over earlier ones with the same path) and swaps them in.
    /// `staged`: the staging folder was prepared by `StagedOutputs`, and the files it already holds
    /// (a copy from their own place there) stay as they are.
    public func write(_ files: [OutputFile], staged: Bool = false) throws(BuildError) {
        let staging = stagingPath
        // Nothing at the destination (a first or clean build): no previous site to reuse or keep
        // files of, and nothing to swap out, known from one `lstat` (it was asked five times).
        let isVacant = FileSystem.kind(destination, followingLinks: false) == nil
        do {
            if !staged {
                try FileSystem.remove(staging)
                try FileSystem.makeDirectories(staging)
            }
            try writeFiles(files, into: staging, staged: staged, reusing: !isVacant)
            if !isVacant { try carryOverKeptFiles(into: staging, producing: files) }
            try swap(in: staging, isVacant: isVacant)
        } catch let error as BuildError {
            try? FileSystem.remove(staging)
            throw error
        } catch {
            try? FileSystem.remove(staging)
            throw BuildError("could not prepare \(staging): \(error)")
        }
    }

    private func writeFiles(_ files: [OutputFile], into root: String, staged: Bool, reusing: Bool) throws(BuildError) {
        let chosen: [OutputFile]
        if staged {
            // `StagingPlan` found each path once, inside the destination, none another's folder.
            chosen = files
        } else {
            // The last file for each path wins, as Jekyll's sequential writes do.
            var winner: [String: Int] = [:]
            for (i, f) in files.enumerated() { winner[f.path] = i }
            chosen = winner.values.sorted().map { files[$0] }
            // Every producer sanitizes its paths; this is the last line of defence against one that did not.
            for f in chosen where !Self.staysInside(f.path) {
                throw BuildError("the output path '\(f.path)' (from \(f.origin)) would leave the destination")
            }
            try FolderConflicts.check(chosen)
        }
        let unwritten = chosen.filter { file in
            if case .copy(let source) = file.content, Self.isCopy(source, ofItsOwnPlaceIn: root, at: file.path) { return false }
            return true
        }
        var directories = Set<String>()
        for f in unwritten {
            var dir = Path.dirname(f.path)
            while dir != "." && dir != "/" && !dir.isEmpty && directories.insert(dir).inserted {
                dir = Path.dirname(dir)
            }
        }
        let folder: FileSystem.Folder
        do { folder = try FileSystem.Folder(root) } catch { throw BuildError("could not open \(root): \(error)") }
        // Without a previous site there is nothing to reuse (a clean build): no lookups per file.
        let previous = reusing ? openPrevious() : nil
        let failure = Locked<BuildError?>(nil)
        // Folders level by level (parents first), each level on all cores: creating a thousand
        // folders is most of what the kernel does for a build.
        var levels: [[String]] = []
        for dir in directories {
            let depth = dir.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
            while levels.count <= depth { levels.append([]) }
            levels[depth].append(dir)
        }
        for level in levels {
            AllCores.forEach(level.count, cores: cores) { i in
                do throws(FileSystem.Failure) { try folder.makeDirectory(level[i]) } catch {
                    let error = BuildError("could not create \(error.path): \(error)")
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
        }
        AllCores.forEach(unwritten.count, cores: cores) { i in
            let file = unwritten[i]
            do {
                try write(file, into: folder, reusing: previous)
            } catch {
                let error = BuildError("could not write \(file.path): \(error)")
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Whether `source` is `root/path`, the place a file is written to (a staged output): compared
    /// in place, where joining the two for each of a thousand files cost more than the comparison.
    static func isCopy(_ source: String, ofItsOwnPlaceIn root: String, at path: String) -> Bool {
        var (source, root, path) = (source, root, path)
        return source.withUTF8 { source in
            root.withUTF8 { root in
                path.withUTF8 { path in
                    guard root.last != UInt8(ascii: "/"), path.first != UInt8(ascii: "/") else {
                        return source.elementsEqual(Path.join(String(decoding: root, as: UTF8.self),
                                                              String(decoding: path, as: UTF8.self)).utf8)
                    }
                    guard source.count == root.count + 1 + path.count, source[root.count] == UInt8(ascii: "/") else {
                        return false
                    }
                    return ByteSearch.equal(UnsafeBufferPointer(rebasing: source[..<root.count]), root)
                        && ByteSearch.equal(UnsafeBufferPointer(rebasing: source[(root.count + 1)...]), path)
                }
            }
        }
    }

    /// A relative output path that names a place inside the destination.
    static func staysInside(_ path: String) -> Bool {
        // On bytes: this runs for every output of a build before rendering starts.
        var path = path
        return path.withUTF8 { bytes in
            guard let first = bytes.first, first != UInt8(ascii: "/") else { return false }
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "/") {
                if i - start == 2 && bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: ".") { return false }
                start = i + 1
            }
            return true
        }
    }

    /// The previous build's site, open for `reuse`; nil when there is none.
    func openPrevious() -> FileSystem.Folder? {
        FileSystem.isDirectory(destination) ? try? FileSystem.Folder(destination) : nil
    }

    /// Writes one file into the staging folder; with the `previous` site open, a file it already
    /// holds with the same bytes is linked instead.
    func write(_ file: OutputFile, into folder: FileSystem.Folder, reusing previous: FileSystem.Folder?) throws {
        if let previous, reuse(file, from: previous, into: folder) { return }
        switch file.content {
        case .text(let text): try folder.write(text.utf8, to: file.path)
        case .copy(let source): try folder.copy(source, to: file.path)
        }
    }

    /// Writes a rendered document held as runs of bytes (`OutputBuffer.withByteRuns`) as one file,
    /// or links the previous site's file when it holds the same bytes.
    func write(runs: [UnsafeRawBufferPointer], to path: String, into folder: FileSystem.Folder,
               reusing previous: FileSystem.Folder?) throws {
        if let previous, previous.holds(runs: runs, at: path), previous.link(path, into: folder) { return }
        try folder.write(runs: runs, to: path)
    }

    /// Links the previous build's file into the staging folder when it already has the bytes this
    /// build would write (same size and bytes; for a copy, the source's size and modification time).
    /// Relative to both open folders: a rebuild asks this of every output.
    func reuse(_ file: OutputFile, from previous: FileSystem.Folder, into folder: FileSystem.Folder) -> Bool {
        switch file.content {
        case .text(var text):
            guard text.withUTF8({ previous.holds(UnsafeRawBufferPointer($0), at: file.path) }) else { return false }
        case .copy(let source):
            guard let old = previous.fileStatus(file.path), let (modified, size) = FileSystem.modificationTimeAndSize(source),
                  old.size == size, old.modified == modified else { return false }
        }
        return previous.link(file.path, into: folder)
    }

    /// Files of the previous build whose destination-relative path starts with a `keep_files`
    /// entry (Jekyll matches them as prefixes), unless this build produced the same path.
    private func carryOverKeptFiles(into root: String, producing files: [OutputFile]) throws(BuildError) {
        guard !keepFiles.isEmpty, FileSystem.isDirectory(destination) else { return }
        // Only into folders that can hold a kept path: with the usual `.git` and `.svn`, the
        // destination's top level alone (the whole tree was walked on every rebuild).
        let kept = FileSystem.walkFiles(destination, entering: mayHoldKept).filter(isKept)
        guard !kept.isEmpty else { return }
        let produced = Set(files.map(\.path))
        for relative in kept where !produced.contains(relative) {
            let source = Path.join(destination, relative)
            let target = Path.join(root, relative)
            do {
                try FileSystem.makeDirectories(Path.dirname(target))
                try FileSystem.duplicate(source, to: target)
            } catch {
                throw BuildError("could not keep \(relative): \(error)")
            }
        }
    }

    func isKept(_ relative: String) -> Bool {
        keepFiles.contains { !$0.isEmpty && relative.hasPrefix($0) }
    }

    /// Whether a path inside the folder `relative` can be kept: a `keep_files` entry is a prefix
    /// of the folder's paths, or goes on into the folder.
    func mayHoldKept(_ relative: String) -> Bool {
        let folder = relative + "/"
        return keepFiles.contains { !$0.isEmpty && (folder.hasPrefix($0) || $0.hasPrefix(folder)) }
    }

    private func swap(in staging: String, isVacant: Bool) throws(BuildError) {
        do {
            if !isVacant, FileSystem.kind(destination, followingLinks: false) != nil {
                let retired = retiredPath
                try FileSystem.remove(retired)
                try FileSystem.exchange(staging, destination, retiredPath: retired)
                try FileSystem.remove(retired, concurrently: true)
            } else {
                // The staging folder's parent is the destination's, which therefore exists, but
                // it might have gone since.
                do throws(FileSystem.Failure) { try FileSystem.rename(staging, to: destination) } catch let failure where failure.isNotFound {
                    try FileSystem.makeDirectories(Path.dirname(destination))
                    try FileSystem.rename(staging, to: destination)
                }
            }
        } catch {
            throw BuildError("could not replace \(destination): \(error)")
        }
    }
}

