import Dispatch

/// What a rebuild changed in the destination (paths relative to it, sorted).
public struct DestinationChanges: Sendable, Equatable {
    /// Files written because they are new or their bytes changed.
    public var written: [String]
    /// Files of the previous build that this one no longer makes.
    public var removed: [String]

    public init(written: [String] = [], removed: [String] = []) {
        self.written = written
        self.removed = removed
    }

    public var isEmpty: Bool { written.isEmpty && removed.isEmpty }
    /// Every path that changed, for live reload.
    public var all: [String] { (written + removed).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
}

/// Updates a destination that an earlier build of this process wrote, in place: only files whose
/// bytes (or, for copied files, whose source) changed are written — each into a temporary file
/// renamed over the old one, so no reader ever sees half a file — and files no longer made are
/// removed with the folders they leave empty (files `keep_files` covers stay, as a full build keeps
/// them). A file someone else changed or removed since is written again. The result is the
/// destination a full, staged build would leave.
struct InPlaceWriter {
    /// What the destination holds of ours: per file, what it was made from and how it looked after.
    struct Ledger: Sendable {
        enum Origin: Equatable, Sendable {
            case bytes(count: Int, digest: Int)
            case copy(source: String, stamp: BuildMetadata.FileStamp)
        }

        struct Entry: Sendable {
            var origin: Origin?
            var written: BuildMetadata.FileStamp
        }

        var entries: [String: Entry] = [:]

        /// Whether the file is there as this process left it; without `looking`, whether it was
        /// left there (`checkOutputs` has looked since).
        func isIntact(_ path: String, destination: String, looking: Bool = true) -> Bool {
            guard let entry = entries[path] else { return false }
            return !looking || BuildMetadata.FileStamp(Path.join(destination, path)) == entry.written
        }

        /// Forgets the files that are no longer as this process left them (so the next build
        /// writes them again); returns their paths.
        mutating func forgetChanged(destination: String) -> [String] {
            let changed = entries.keys.filter { !isIntact($0, destination: destination) }
            for path in changed { entries[path] = nil }
            return changed.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }

    let destination: String
    let keepFiles: [String]
    /// Whether files the ledger lists are looked at before they are kept (not when the caller
    /// checks them between builds, see `SiteRebuilder.checkOutputs`).
    var looksAtOutputs = true
    /// Whether `write` looks for a file in another's folder (not when the caller refused such
    /// files already: `FolderConflicts` over 2,400 paths, ~2 M instructions at 1,000 posts).
    var checksFolders = true
    /// The stamp of a copied file's source.
    var sourceStamp: @Sendable (String) -> BuildMetadata.FileStamp? = { BuildMetadata.FileStamp($0) }

    /// The last file for each path wins, as in a full build.
    static func winners(_ files: [OutputFile]) -> [OutputFile] {
        var winner: [String: Int] = [:]
        for (i, f) in files.enumerated() { winner[f.path] = i }
        return winner.values.sorted().map { files[$0] }
    }

    func origin(of file: OutputFile) -> Ledger.Origin? {
        switch file.content {
        case .text(var text):
            var hasher = Hasher()
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            return .bytes(count: text.utf8.count, digest: hasher.finalize())
        case .copy(let source):
            return sourceStamp(source).map { .copy(source: source, stamp: $0) }
        }
    }

    /// A ledger for a destination a staged write has just filled with `files`.
    func ledger(after files: [OutputFile]) -> Ledger {
        var ledger = Ledger()
        for file in InPlaceWriter.winners(files) {
            guard let written = BuildMetadata.FileStamp(Path.join(destination, file.path)) else { continue }
            // A kept document's output copied from the old destination: its bytes are not known here.
            let origin: Ledger.Origin? = if case .copy(let source) = file.content, source.hasPrefix(destination + "/") {
                nil
            } else {
                origin(of: file)
            }
            ledger.entries[file.path] = .init(origin: origin, written: written)
        }
        return ledger
    }

    func write(_ files: [OutputFile], over previous: Ledger) throws(BuildError) -> (DestinationChanges, Ledger) {
        let chosen = InPlaceWriter.winners(files)
        if checksFolders { try FolderConflicts.check(chosen) }
        var next = Ledger()
        var pending: [(file: OutputFile, origin: Ledger.Origin?)] = []
        for file in chosen {
            let target = Path.join(destination, file.path)
            if case .copy(let source) = file.content, source == target {
                // A document kept from the previous build: its file is already in place.
                // (The entry looked up once: an update keeps ~1,300 outputs, each a look-up.)
                if let entry = previous.entries[file.path],
                   !looksAtOutputs || previous.isIntact(file.path, destination: destination) {
                    next.entries[file.path] = entry
                    continue
                }
                throw BuildError("the kept output \(file.path) changed on disk during the build; build again")
            }
            let origin = origin(of: file)
            if let entry = previous.entries[file.path], origin != nil, entry.origin == origin,
               !looksAtOutputs || previous.isIntact(file.path, destination: destination) {
                next.entries[file.path] = entry
                continue
            }
            pending.append((file, origin))
        }
        let produced = Set(chosen.map(\.path))
        var removed: [String] = []
        for path in previous.entries.keys where !produced.contains(path) && !isKept(path) {
            // Never a whole tree: a folder someone put in an output's place holds their files. An
            // incremental build lists those as files a full build would not leave and removes them
            // one by one, then the folder left empty, which is what a full build leaves.
            do {
                guard try FileSystem.removeFileOrEmptyFolder(path, in: destination) else { continue }
            } catch {
                throw BuildError("could not remove \(path): \(error)")
            }
            removeEmptyFolders(above: path)
            removed.append(path)
        }
        let written = try writeFiles(pending.map(\.file))
        for (file, origin) in pending {
            if let stamp = written[file.path] { next.entries[file.path] = .init(origin: origin, written: stamp) }
        }
        let order: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (DestinationChanges(written: pending.map(\.file.path).sorted(by: order), removed: removed.sorted(by: order)),
                next)
    }

    /// Writes those of `files` whose bytes changed, when the destination keeps every other file of
    /// the previous build as it is (`SiteRebuilder.patch`: the same outputs, only some rendered
    /// again; none of them shared by two documents, so each is its path's winner).
    func patch(_ files: [OutputFile], over previous: Ledger) throws(BuildError) -> (DestinationChanges, Ledger) {
        var next = previous
        var pending: [(file: OutputFile, origin: Ledger.Origin?)] = []
        for file in files {
            let origin = origin(of: file)
            if let entry = previous.entries[file.path], origin != nil, entry.origin == origin { continue }
            pending.append((file, origin))
        }
        let written = try writeFiles(pending.map(\.file))
        for (file, origin) in pending {
            if let stamp = written[file.path] { next.entries[file.path] = .init(origin: origin, written: stamp) }
        }
        return (DestinationChanges(written: pending.map(\.file.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }),
                next)
    }

    /// `kyll build --incremental` over the destination an earlier build left (in another process):
    /// `found` lists what may be there — its outputs as `.jekyll-metadata` recorded them, the files
    /// of folders that changed since (see `DestinationFolders`) — with the static files it copied
    /// that are still as it left them. The outputs it keeps stay in place (the plan saw them there),
    /// those rendered and the static files whose sources changed are written (each whole, renamed
    /// into place), the files it no longer makes are removed. Rendering is over before anything is
    /// written: a build that fails leaves the destination as it was. Not staged, as a full build
    /// is: creating and removing a whole tree of folders per build is most of what an incremental
    /// build of a large site would cost. The caller has refused files in others' folders
    /// (`FolderConflicts.refuse`, which `winners` cannot make appear).
    func update(_ files: [OutputFile], over found: Ledger) throws(BuildError) -> (DestinationChanges, Ledger) {
        var writer = self
        writer.looksAtOutputs = false
        writer.checksFolders = false
        return try writer.write(files, over: found)
    }

    /// Writes each file next to its place and renames it there; returns the stamps left.
    private func writeFiles(_ files: [OutputFile]) throws(BuildError) -> [String: BuildMetadata.FileStamp] {
        var folders = Set<String>()
        for file in files { folders.insert(Path.dirname(file.path)) }
        for relative in folders.sorted(by: { $0.utf8.count < $1.utf8.count }) {
            let atTop = relative == "." || relative.isEmpty
            let folder = atTop ? destination : Path.join(destination, relative)
            if !atTop { FileSystem.clearWayForFolders(relative, in: destination) }
            do { try FileSystem.makeDirectories(folder) } catch {
                throw BuildError("could not create \(error.path): \(error)")
            }
        }
        let stamps = Locked<[String: BuildMetadata.FileStamp]>([:])
        let failure = Locked<BuildError?>(nil)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            let target = Path.join(destination, file.path)
            let temporary = Path.join(Path.dirname(target), ".\(Path.basename(target)).kyll-new")
            do {
                if FileSystem.isDirectory(target), try !FileSystem.removeFileOrEmptyFolder(file.path, in: destination) {
                    // Removed only as files listed (see `write`), as Jekyll will not write over a folder either.
                    let error = BuildError("could not write \(file.path): a folder with files in it is in its place")
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
                switch file.content {
                case .text(let text): try FileSystem.write(text.utf8, to: temporary)
                case .copy(let source): try FileSystem.copy(source, to: temporary)
                }
                try FileSystem.rename(temporary, to: target)
                if let stamp = BuildMetadata.FileStamp(target) { stamps.withLock { $0[file.path] = stamp } }
            } catch {
                try? FileSystem.remove(temporary)
                let error = BuildError("could not write \(file.path): \(error)")
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return stamps.withLock { $0 }
    }

    private func removeEmptyFolders(above path: String) {
        var dir = Path.dirname(path)
        while dir != "." && dir != "/" && !dir.isEmpty {
            guard FileSystem.removeFolderIfEmpty(dir, in: destination) else { return }
            dir = Path.dirname(dir)
        }
    }

    func isKept(_ relative: String) -> Bool {
        keepFiles.contains { !$0.isEmpty && relative.hasPrefix($0) }
    }
}
