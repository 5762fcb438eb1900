import Liquid

/// The quick rebuild of `kyll serve` for the most common save: the body of a post (or another
/// collection item) edited, its front matter as it was. Nothing the site is made of changed then —
/// not the list of documents, not their fields, URLs or order, not what the generators made of
/// them (no generator reads an item's body, `JekyllPlugin.generateReadsItemBodies`) — so the
/// previous build's generated site is kept with the new bodies put in: no walk of the source, no
/// thousand documents looked up, no generator run, no signatures worked out again. Whatever
/// cannot be vouched for that way goes through the full rebuild (`SiteRebuilder.build`), whose
/// result a patch equals.
extension SiteRebuilder {
    /// What the last build leaves for a patch.
    struct Kept {
        /// The site as the last build rendered it, generators' pages and changes included.
        var snapshot: SiteSnapshot
        /// The site as the last build read it, before the generators ran (for `patchFields`).
        var readSite: Site
        /// Where each item made from a file is in `readSite`, by absolute path.
        let readPositions: [String: (collection: Int, index: Int)]
        /// Makes items as that build's reading did (the same configuration, defaults and time).
        let reader: DocumentReader
        let setup: SiteSetup
        /// The items made from files, by absolute path.
        let itemIDs: [String: Int]
        let origins: [String: String]
        /// What the build's render context worked out from layouts, includes and fields.
        var shared: BuildContext.Shared
        /// Destination paths two files of the build write (the last wins): not patched.
        let sharedOutputs: Set<String>
        /// Whether a patch can stand for a full build at all (see `init`).
        let patchable: Bool
        /// The site's time is set by the configuration (so it is the same for every build).
        let fixedTime: Bool
        /// The earliest date (seconds) at which a document the build left out or did not write for
        /// being in the future would be published.
        let earliestFuture: Int64?
        /// The files the build looked at whose changes the watcher does not report, with their
        /// stamps then: a patch looks at them again.
        var unwatched: [String: BuildMetadata.FileStamp?]

        /// Not patchable: when a generator reads items' bodies, or an item takes its date from the
        /// site's time (which a full build would set anew).
        init(site: Site, read: Site, snapshot: SiteSnapshot, setup: SiteSetup, files: [OutputFile], origins: [String: String],
             shared: BuildContext.Shared, sources: SourceCache) {
            self.snapshot = snapshot
            readSite = read
            var positions: [String: (collection: Int, index: Int)] = [:]
            for (c, collection) in read.collections.enumerated() {
                for (d, doc) in collection.docs.enumerated() where positions[doc.path] == nil { positions[doc.path] = (c, d) }
            }
            readPositions = positions
            unwatched = sources.unwatchedStamps()
            self.shared = shared
            reader = site.documentReader
            self.setup = setup
            self.origins = origins
            let configuration = site.configuration
            fixedTime = configuration["time"].map { !$0.isNil } ?? false
            var itemIDs: [String: Int] = [:]
            var earliest = configuration.future ? nil : site.earliestSkippedFuture
            var usesSiteTime = false
            for (id, doc) in snapshot.documents.enumerated() where !doc.isPage && !doc.isGenerated {
                if itemIDs[doc.path] == nil { itemIDs[doc.path] = id }
                guard let date = doc.date?.seconds else { continue }
                if date == snapshot.time.seconds { usesSiteTime = true }
                if !configuration.future, date > snapshot.time.seconds { earliest = min(earliest ?? date, date) }
            }
            self.itemIDs = itemIDs
            earliestFuture = earliest
            var seen = Set<String>(minimumCapacity: files.count)
            var shared = Set<String>()
            for file in files where !seen.insert(file.path).inserted { shared.insert(file.path) }
            sharedOutputs = shared
            patchable = (fixedTime || !usesSiteTime)
                && !setup.plugins.contains { $0.generateReadsItemBodies(configuration) }
        }

        /// The documents the edited files made in the previous build, before the source cache
        /// forgets them; nil when one of the files made no item.
        func previousItems(_ changed: Set<String>, sources: SourceCache) -> [String: SourceCache.MadeDocument]? {
            guard patchable, !changed.isEmpty else { return nil }
            var made: [String: SourceCache.MadeDocument] = [:]
            for path in changed {
                guard let id = itemIDs[path], let label = snapshot.documents[id].collectionLabel,
                      let previous = sources.previousDocument(path: path, role: "item:" + label) else { return nil }
                made[path] = previous
            }
            return made
        }
    }

    /// What a patch leaves to do once its outputs are written and announced.
    struct Unsettled {
        let plan: RebuildPlan
        let context: BuildContext
        /// The previous build's site, released here rather than on the way to the reload.
        let retired: SiteSnapshot
    }

    /// Records what the last patch rendered, for the next build.
    func settle(_ state: inout State) {
        guard let unsettled = state.unsettled else { return }
        state.unsettled = nil
        let next = unsettled.plan.record(unsettled.context, keepsResults: true)
        state.memory = next
        if state.configuration.incremental { next.metadata.write(state.configuration) }
    }

    /// The rebuild after edits of the files `previous` names, when each changed only its item's
    /// body, or its fields in ways `patchFields` can stand for; nil (nothing done) when that is not
    /// so or cannot be told.
    /// `watched` tells which files (absolute paths) the watcher reports every change of.
    func patch(_ previous: [String: SourceCache.MadeDocument], kept: Kept, watched: (@Sendable (String) -> Bool)?,
               state: inout State, start: ContinuousClock.Instant) throws(BuildError) -> Result? {
        guard let memory = state.memory, let ledger = state.ledger, let keys = memory.documentKeys,
              keys.count == kept.snapshot.documents.count, memory.patchFacts.count == keys.count else { return nil }
        var timer = PhaseTimer()
        let time = kept.fixedTime ? kept.snapshot.time : kept.snapshot.clock.now()
        if let due = kept.earliestFuture, time.seconds >= due { return nil }
        // A document or file read through a link changes without the watcher saying so. (After
        // the first build, made before the watcher started, every file is looked at: the edited
        // ones are read again anyway.)
        for (path, stamp) in kept.unwatched where previous[path] == nil && BuildMetadata.FileStamp(path) != stamp {
            return nil
        }
        var replacements: [Int: Document] = [:]
        // The items as read now, by path, and whether one's fields changed.
        var read: [String: Document] = [:]
        var fieldsChanged = false
        for (path, old) in previous {
            guard let id = kept.itemIDs[path], old.siteTime == nil || kept.fixedTime,
                  let collection = kept.snapshot.collection(kept.snapshot.documents[id].collectionLabel ?? "") else { return nil }
            // A file that no longer reads leaves its error to the full build.
            guard let new = try? kept.reader.item(path: path, collection: collection.info) else { return nil }
            read[path] = new
            var doc = kept.snapshot.documents[id]
            // The body the generators left is the one read (no generator emptied it, as
            // `redirect_to` does), and everything but the body is as it was.
            if doc.content == old.document.content, doc.contentLine == old.document.contentLine,
               doc.excerptSource == old.document.excerptSource,
               let fields = ReuseRules.fieldsSignature(new), fields == ReuseRules.fieldsSignature(old.document) {
                doc.content = new.content
                doc.contentLine = new.contentLine
                doc.excerptSource = new.excerptSource
                replacements[id] = doc
            } else if Kept.mayPatchFields(of: old.document, with: new, in: collection.info) {
                fieldsChanged = true
            } else {
                return nil
            }
        }
        timer.end("READ")

        let snapshot: SiteSnapshot
        let plan: RebuildPlan
        var readSite = kept.readSite
        var shared = kept.shared
        if fieldsChanged {
            guard let made = try patchFields(read, kept: kept, memory: memory, keys: keys, time: time,
                                             stamp: state.sources.stamp, timer: &timer) else { return nil }
            (snapshot, plan, readSite) = (made.0, made.1, made.2)
            // Which layout's data each document starts with follows the documents' layouts.
            if !made.layoutsAsBefore {
                let tables = LayoutLeak.tables(snapshot)
                shared = BuildContext.Shared(initialLayoutData: tables.initialLayoutData, layoutContentSource: tables.contentSources,
                                             layoutTemplates: shared.layoutTemplates, partials: shared.partials)
            }
        } else {
            snapshot = SiteSnapshot(patching: kept.snapshot, replacing: replacements, time: time)
            plan = RebuildPlan(patching: snapshot, edited: Set(replacements.keys), editedPaths: Set(previous.keys),
                               previous: memory, keys: keys, stamp: state.sources.stamp)
            // The read site keeps the new bodies, for a later patch of fields to start from.
            for path in previous.keys {
                guard let (c, d) = kept.readPositions[path], let new = read[path] else { return nil }
                readSite.collections[c].docs[d].content = new.content
                readSite.collections[c].docs[d].contentLine = new.contentLine
                readSite.collections[c].docs[d].excerptSource = new.excerptSource
            }
        }
        if !kept.sharedOutputs.isEmpty, snapshot.documents.indices.contains(where: {
            !plan.reusable.contains($0) && kept.sharedOutputs.contains(snapshot.documents[$0].destinationPath)
        }) { return nil }
        let setup = kept.setup
        if plan.includesEditedFile {
            shared = BuildContext.Shared(initialLayoutData: shared.initialLayoutData, layoutContentSource: shared.layoutContentSource,
                                         layoutTemplates: shared.layoutTemplates, partials: PartialCache())
        }
        let context = BuildContext(site: snapshot, environment: setup.environment(for: snapshot),
                                   converters: setup.converters, plugins: setup.plugins, profile: setup.profile,
                                   reusable: plan.reusable, carried: plan.carriedResults, recordsDependencies: true,
                                   sharing: shared)
        timer.end("PLAN")
        // Only what was rendered: every other output is in place, as the ledger knows it. A few
        // documents render on this thread: waking others costs more on a busy machine.
        let workers = snapshot.documents.count - plan.reusable.count < 8 ? 1 : setup.workers
        let rendered = try context.renderAll(workers: workers, keptOutputs: false)
        timer.end("RENDER")

        let configuration = state.configuration
        let files = rendered.pages + rendered.items
        let writer = InPlaceWriter(destination: configuration.destination, keepFiles: configuration.keepFiles,
                                   looksAtOutputs: false, sourceStamp: state.sources.stamp)
        let changes: DestinationChanges
        (changes, state.ledger) = try writer.patch(files, over: ledger)
        timer.end("WRITE")
        var updated = kept
        updated.snapshot = snapshot
        updated.readSite = readSite
        // Looked at once since the watcher started, the files it watches need not be again.
        if let watched { updated.unwatched = kept.unwatched.filter { !watched($0.key) } }
        for path in previous.keys where updated.unwatched[path] != nil { updated.unwatched[path] = BuildMetadata.FileStamp(path) }
        updated.shared = context.shared
        state.kept = updated
        // The records, and releasing what the previous build left, wait until the browsers were
        // told to reload (`settle`).
        state.unsettled = Unsettled(plan: plan, context: context, retired: kept.snapshot)

        let renderedOutputs = snapshot.documents.indices.filter { context.state.finalResult($0) != nil }
            .map { snapshot.documents[$0].destinationPath }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if setup.profile != nil {
            logger.info("\nRebuild phases (patched, \(renderedOutputs.count) rendered):\n" + timer.table())
        }
        return Result(changes: changes, rendered: renderedOutputs, origins: kept.origins,
                      seconds: MonotonicClock.seconds(since: start), patched: true)
    }
}
