import Liquid

/// Source files split and parsed by the previous build of this process (`kyll serve`), by path, and
/// the `Document`s made of them: a file whose modification time and size are as they were — and
/// that the watcher did not report changed — is not read, its front matter not parsed and its
/// document (defaults, date, URL, excerpt) not made again. One `stat` instead of a read, a YAML
/// parse and the making of a document per file is most of what reading a large site again costs.
///
/// Entries belong to one configuration (front matter dates depend on its time zone, documents on its
/// defaults and permalinks): a new configuration starts a new cache.
final class SourceCache: Sendable {
    private struct Entry: Sendable {
        var stamp: BuildMetadata.FileStamp
        /// The name errors give the file (part of what was parsed).
        var displayPath: String
        var parsed: DocumentReader.Parsed
        /// Documents made from the file, by `DocumentRole`.
        var documents: [String: MadeDocument] = [:]
    }

    /// A document as the reader made it, and the site time it was made with when it depends on it
    /// (an undated item takes the site's time; nil: it does not).
    struct MadeDocument: Sendable {
        var document: Document
        var siteTime: TimeValue?
    }

    private struct Contents: Sendable {
        var entries: [String: Entry] = [:]
        /// The paths looked up since `startBuild`, to drop the files that are gone at its end.
        var used: Set<String> = []
        /// Each file's stamp as last seen, the build that saw it, and whether the watcher watches it.
        var stamps: [String: (stamp: BuildMetadata.FileStamp?, build: Int, watched: Bool)] = [:]
        var build = 0
        /// The files whose every change the watcher reports (absolute paths); nil: none.
        var watched: (@Sendable (String) -> Bool)?
    }

    // `Locked`, not `Mutex`: files are read on all cores, and ThreadSanitizer sees pthread locks only.
    private let contents = Locked(Contents())

    init() {}

    /// A new build: files the watcher saw change are parsed again whatever their stamps say. With
    /// `watched`, the watcher reported every change to the files it says it watches since the
    /// previous build: those it did not name keep the stamps they had (no `stat`s for a thousand
    /// unchanged posts and their outputs' sources on every save).
    func startBuild(changed: some Sequence<String>, watched: (@Sendable (String) -> Bool)? = nil) {
        contents.withLock {
            for path in changed {
                $0.entries[path] = nil
                $0.stamps[path] = nil
            }
            $0.used = []
            $0.build += 1
            // Whether a file is watched is asked once per file (the same rules for all builds of a
            // configuration, and so of this cache).
            $0.watched = watched
        }
    }

    /// After a build: forgets the files it did not read.
    func finishBuild() {
        contents.withLock { contents in
            // Usually every file is still there: no new dictionary then.
            guard contents.entries.keys.contains(where: { !contents.used.contains($0) }) else { return }
            contents.entries = contents.entries.filter { contents.used.contains($0.key) }
        }
    }

    /// The file's stamp: taken once per build, or kept from an earlier build for a file the watcher
    /// watches and did not report. One stamp per file and build serves reading, the plan and the
    /// records, so all three agree on the version of the file they saw.
    func stamp(_ path: String) -> BuildMetadata.FileStamp? {
        let known = contents.withLock { contents -> BuildMetadata.FileStamp?? in
            guard let seen = contents.stamps[path],
                  seen.build == contents.build || (seen.watched && contents.watched != nil) else { return nil }
            return .some(seen.stamp)
        }
        if let known { return known }
        let stamp = BuildMetadata.FileStamp(path)
        let watched = contents.withLock { $0.watched }?(path) ?? false
        contents.withLock { $0.stamps[path] = (stamp, $0.build, watched) }
        return stamp
    }

    /// The document `role` made of the file in an earlier build, whatever the file holds now (to
    /// compare with the one made of it again, before `startBuild` forgets it).
    func previousDocument(path: String, role: String) -> MadeDocument? {
        contents.withLock { $0.entries[path]?.documents[role] }
    }

    /// The files stamped in this build that the watcher does not watch (reached through a link,
    /// outside the source), with their stamps: their changes are not reported.
    func unwatchedStamps() -> [String: BuildMetadata.FileStamp?] {
        contents.withLock { contents in
            contents.stamps.filter { $0.value.build == contents.build && !$0.value.watched }.mapValues(\.stamp)
        }
    }

    /// The file parsed, from the cache when its stamp is unchanged.
    func parsed(path: String, displayPath: String,
                parse: () throws(BuildError) -> DocumentReader.Parsed) throws(BuildError) -> DocumentReader.Parsed {
        guard let stamp = stamp(path) else { return try parse() }
        let cached = contents.withLock { contents -> DocumentReader.Parsed? in
            contents.used.insert(path)
            guard let entry = contents.entries[path], entry.stamp == stamp, entry.displayPath == displayPath else { return nil }
            return entry.parsed
        }
        if let cached { return cached }
        let parsed = try parse()
        // A file changed while it was read keeps no entry: its stamp may not match its text.
        if BuildMetadata.FileStamp(path) == stamp {
            contents.withLock { $0.entries[path] = Entry(stamp: stamp, displayPath: displayPath, parsed: parsed) }
        }
        return parsed
    }

    /// The document `role` makes of the file, from the cache when the file's stamp is unchanged and
    /// the document was made with this site time or does not depend on it. `make` parses the file
    /// through `parsed`, which leaves the entry the document is kept in.
    func document(path: String, role: String, siteTime: TimeValue,
                  make: () throws(BuildError) -> MadeDocument) throws(BuildError) -> Document {
        guard let stamp = stamp(path) else { return try make().document }
        let cached = contents.withLock { contents -> Document? in
            contents.used.insert(path)
            guard let entry = contents.entries[path], entry.stamp == stamp, let made = entry.documents[role],
                  made.siteTime == nil || made.siteTime == siteTime else { return nil }
            return made.document
        }
        if let cached { return cached }
        let made = try make()
        contents.withLock {
            // Kept only beside the parse of the same version of the file.
            if $0.entries[path]?.stamp == stamp { $0.entries[path]?.documents[role] = made }
        }
        return made.document
    }
}
