import Liquid

/// Rendered documents written into the staging folder as soon as each is rendered, instead of all
/// at the end: the writes overlap the rendering of other documents, and a page's text is freed
/// (its memory reused for the next page) instead of being held until the write phase.
///
/// Only for a one-shot build whose outputs need nothing settled at write time: no path shared by
/// two files (the last would win), none that is a folder of another, none that would leave the
/// destination. Any of those, and the build writes everything at the end as before, which reports
/// them. The staging folder is swapped in by `SiteWriter.write(_:staged:)` only after the whole
/// build succeeded; `discard()` removes it after a failure.
final class StagedOutputs: Sendable {
    let writer: SiteWriter
    private let folder: FileSystem.Folder
    /// Where each document's output goes, by id; nil for one written at the end (a source map,
    /// which exists only if its stylesheet made one) or not written at all.
    private let paths: [String?]
    /// The previous site, whose identical files are linked instead of written again.
    private let previous: FileSystem.Folder?
    /// The folders the outputs need, and the one each document's output goes into (by id; -1 for
    /// the staging folder itself).
    private let plan: StagingPlan
    private let folderOfDocument: [Int32]
    /// Which of `plan.folders` exist: made by this build as the first output into each is written.
    private let madeFolders: Locked<[Bool]>
    /// The site's written static files, in its order: copied in by render workers that find no
    /// document left (`copyNextStaticFile`), so the copies overlap the last renders (a small
    /// site's longest page, its stylesheet's compile) instead of following them.
    private let staticFiles: [StaticCopy]
    /// The next static file to copy: those before it are copied once the render workers are done
    /// (a failed copy fails the build).
    private let nextStaticCopy: Locked<Int>

    struct StaticCopy: Sendable {
        var source: String
        var path: String
        var folder: Int32
    }

    private init(writer: SiteWriter, folder: FileSystem.Folder, paths: [String?], plan: StagingPlan,
                 folderOfDocument: [Int32], staticFiles: [StaticCopy], previous: FileSystem.Folder?) {
        self.writer = writer
        self.folder = folder
        self.paths = paths
        self.plan = plan
        self.folderOfDocument = folderOfDocument
        madeFolders = Locked(Array(repeating: false, count: plan.folders.count))
        self.staticFiles = staticFiles
        nextStaticCopy = Locked(0)
        self.previous = previous
    }

    /// A fresh staging folder for `site`'s outputs, or nil when they must all be written at the end.
    static func prepare(for site: SiteSnapshot, writer: SiteWriter) throws(BuildError) -> StagedOutputs? {
        var planned: [String] = []
        var documentOfPlanned: [Int] = []
        var paths = [String?](repeating: nil, count: site.documents.count)
        func plan(_ id: Int) {
            let doc = site.documents[id]
            guard site.isWritten(doc) else { return }
            planned.append(doc.destinationPath)
            documentOfPlanned.append(id)
            if doc.derivedFrom == nil { paths[id] = doc.destinationPath }
        }
        site.pageIDs.forEach(plan)
        // each written static file's source, and where its path is in `planned`
        var staticSources: [(source: String, planned: Int)] = []
        for file in site.staticFiles where file.isWritten {
            staticSources.append((file.path, planned.count))
            planned.append(file.destinationPath)
            documentOfPlanned.append(-1)
        }
        for collection in site.collections { collection.documentIDs.forEach(plan) }
        guard let stagingPlan = StagingPlan(paths: planned) else { return nil }
        var folderOfDocument = [Int32](repeating: -1, count: site.documents.count)
        for (index, id) in documentOfPlanned.enumerated() where id >= 0 {
            folderOfDocument[id] = stagingPlan.folderOfPath[index]
        }
        let staticFiles = staticSources.map {
            StaticCopy(source: $0.source, path: planned[$0.planned], folder: stagingPlan.folderOfPath[$0.planned])
        }
        let staging = writer.stagingPath
        do {
            try FileSystem.remove(staging)
            try FileSystem.makeDirectories(staging)
            return StagedOutputs(writer: writer, folder: try FileSystem.Folder(staging), paths: paths, plan: stagingPlan,
                                 folderOfDocument: folderOfDocument, staticFiles: staticFiles, previous: writer.openPrevious())
        } catch {
            throw BuildError("could not prepare \(staging): \(error)")
        }
    }

    /// Writes document `id`'s output into the staging folder, or returns false when it is one
    /// written at the end.
    func write(_ id: Int, _ text: String) throws(BuildError) -> Bool {
        guard let path = paths[id] else { return false }
        do {
            try makeFolder(folderOfDocument[id])
            try writer.write(OutputFile(path: path, content: .text(text), origin: ""), into: folder, reusing: previous)
        } catch {
            throw BuildError("could not write \(path): \(error)")
        }
        return true
    }

    /// Writes document `id`'s output, held as the buffer its outermost layout rendered into, into
    /// the staging folder without making it a `String`; nil when it is one written at the end.
    /// When the output holds `content` as one of its runs (a layout printed it as it is), the
    /// result says where, so that the content can be read back from the file instead of kept.
    func write(_ id: Int, _ output: OutputBuffer, holding content: String) throws(BuildError) -> Written? {
        guard let path = paths[id] else { return nil }
        var content = content
        do {
            try makeFolder(folderOfDocument[id])
            let (failure, offset): ((any Error)?, Int?) = content.withUTF8 { text in
                output.withByteRuns { runs in
                    do {
                        try writer.write(runs: runs, to: path, into: folder, reusing: previous)
                        return (nil, Self.offset(of: UnsafeRawBufferPointer(text), in: runs))
                    } catch {
                        return (error, nil)
                    }
                }
            }
            if let failure { throw failure }
            return Written(content: offset.map { StagedContent(folder: folder, path: path, offset: $0, count: content.utf8.count) })
        } catch {
            throw BuildError("could not write \(path): \(error)")
        }
    }

    struct Written {
        /// Where the content stands in the written file; nil when the output does not hold it whole.
        var content: StagedContent?
    }

    /// The byte offset of the run that is `text`'s own storage (not merely equal bytes: the
    /// output held the string itself); nil when there is none or `text` is too short to be held.
    static func offset(of text: UnsafeRawBufferPointer, in runs: [UnsafeRawBufferPointer]) -> Int? {
        guard let base = text.baseAddress, text.count > 0 else { return nil }
        var offset = 0
        for run in runs {
            if run.baseAddress == base && run.count == text.count { return offset }
            offset += run.count
        }
        return nil
    }

    /// Copies the next static file no worker has taken yet into the staging folder; false when
    /// none is left.
    func copyNextStaticFile() throws(BuildError) -> Bool {
        let taken = nextStaticCopy.withLock { next -> Int? in
            guard next < staticFiles.count else { return nil }
            defer { next += 1 }
            return next
        }
        guard let index = taken else { return false }
        let file = staticFiles[index]
        do {
            try makeFolder(file.folder)
            try writer.write(OutputFile(path: file.path, content: .copy(from: file.source), origin: file.source),
                             into: folder, reusing: previous)
        } catch {
            throw BuildError("could not write \(file.path): \(error)")
        }
        return true
    }

    /// Where the written static file `index` (in the site's order) was copied to, if it was; asked
    /// once the render workers are done.
    func copy(ofStaticFile index: Int) -> String? {
        guard index < nextStaticCopy.withLock({ $0 }) else { return nil }
        return Path.join(folder.path, staticFiles[index].path)
    }

    /// Whether document `id`'s output is written as soon as it is rendered.
    func isStaged(_ id: Int) -> Bool { paths[id] != nil }

    /// Where document `id`'s written output is (for the list of the build's files).
    func file(of id: Int) -> String? {
        paths[id].map { Path.join(folder.path, $0) }
    }

    /// A written output read back, for a template that shows another document's `output`.
    func output(of id: Int) -> String? {
        guard let file = file(of: id), let bytes = try? FileSystem.read(file) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Removes the staging folder after a failed build, leaving the destination as it was.
    func discard() {
        try? FileSystem.remove(folder.path)
    }

    /// Creates folder `index` of the plan and the folders above it that this build has not made
    /// yet. Two workers may both make one (the second finds it there): it is marked only once made.
    private func makeFolder(_ index: Int32) throws(FileSystem.Failure) {
        guard index >= 0, !madeFolders.withLock({ $0[Int(index)] }) else { return }
        let planned = plan.folders[Int(index)]
        try makeFolder(planned.parent)
        try folder.makeDirectory(prefix: Int(planned.length), of: plan.paths[Int(planned.owner)])
        madeFolders.withLock { $0[Int(index)] = true }
    }
}

/// A document's converted content as it stands in its staged output file: what rendering keeps
/// of it instead of the text (~13 KiB a post). Holding every document's content until the build
/// ended grew the heap by ~15 MiB of fresh pages at 1,000 posts; freed, each content's memory is
/// reused for the next document. Read back when a template first asks for it (the feed's latest
/// posts) and kept from then on, so a template that shows it on every page reads the file once.
/// The staging folder stays in place until rendering has finished.
final class StagedContent: Sendable {
    private let folder: FileSystem.Folder
    private let path: String
    private let offset: Int
    private let count: Int
    private let readBack = Locked<String?>(nil)

    init(folder: FileSystem.Folder, path: String, offset: Int, count: Int) {
        self.folder = folder
        self.path = path
        self.offset = offset
        self.count = count
    }

    /// The content; empty only if the staging folder was taken away during the build (whose
    /// swap then fails: such a build writes nothing).
    var text: String {
        readBack.withLock { kept in
            if let kept { return kept }
            let text = folder.readText(path, at: offset, count: count) ?? ""
            kept = text
            return text
        }
    }
}
