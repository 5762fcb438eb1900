import Liquid

/// The quick rebuild of `kyll serve` for an edit of items' front matter that leaves every
/// document where it was — the same files, URLs, dates and publication, so the same documents in
/// the same order — such as a post's title, description or tags. The site as the previous build
/// read it (`Kept.readSite`) gets the edited items, the generators run on it again (they may read
/// any field: a paginator leaves out `hidden` posts, redirect pages follow `redirect_from`), and
/// the result is planned from the records by index, as for a body edit, adding what reads the
/// changed fields or a list grouping posts by them. No walk of the source, no thousand documents
/// looked up, no list signatures worked out again. Whatever moves a document — a new URL or date,
/// a document that came or went, a generator making another site than before — goes through the
/// full rebuild (`SiteRebuilder.build`), whose result this equals.
extension SiteRebuilder {
    /// The site with the items `read` (by path) in place of those the previous build read,
    /// generated, and the plan for it; the read site, for the next patch; whether every document
    /// names the layout it named before (`LayoutLeak` follows layouts). Nil when the generated
    /// site does not have the previous build's documents in their places.
    func patchFields(_ read: [String: Document], kept: Kept, memory: RebuildPlan.Memory, keys: [String],
                     time: TimeValue, stamp: @escaping StampSource,
                     timer: inout PhaseTimer) throws(BuildError) -> (SiteSnapshot, RebuildPlan, Site, layoutsAsBefore: Bool)? {
        var site = kept.readSite
        site.time = time
        var edited = Set<Int>()
        for (path, new) in read {
            guard let (c, d) = kept.readPositions[path], let id = kept.itemIDs[path] else { return nil }
            site.collections[c].docs[d] = new
            edited.insert(id)
        }
        let readSite = site
        let before = kept.snapshot.documents
        let snapshot: SiteSnapshot
        var changedFields = Set<String>()
        if generatorsKeep(read, kept: kept) {
            // What the generators made stands: the edited items take their places in it.
            var replacements: [Int: Document] = [:]
            for (path, new) in read {
                var doc = new
                doc.rememberDestination()
                replacements[kept.itemIDs[path]!] = doc
            }
            snapshot = SiteSnapshot(patching: kept.snapshot, replacing: replacements, time: time, listsAsBefore: false)
            timer.end("GENERATE")
            for id in edited {
                guard snapshot.documents[id].destinationPath == before[id].destinationPath else { return nil }
                if fieldsChanged(snapshot.documents[id], record: memory.metadata.records[keys[id]]) { changedFields.insert(keys[id]) }
            }
        } else {
            for plugin in kept.setup.plugins { try plugin.generate(&site) }
            timer.end("GENERATE")
            snapshot = SiteSnapshot(site: site, sourceMaps: kept.setup.converters.sass.makesSourceMaps)
            guard let changed = generatedChanges(snapshot, before: before, keys: keys, memory: memory, edited: &edited) else {
                return nil
            }
            changedFields = changed
        }
        // The posts grouped by tags or categories change only with a post's tags or categories,
        // their order only with a date (as `JekyllOrderKey` reads it); lists as they were are
        // taken from the previous snapshot rather than sorted again.
        var changedLists = Set<String>()
        var postsInOrder = true
        for id in edited where snapshot.documents[id].collectionLabel == "posts" {
            let data = snapshot.documents[id].data, old = before[id].data
            for name in RebuildPlan.listsOfFields where data[name] != old[name] { changedLists.insert(name) }
            if data["date"] != old["date"] { postsInOrder = false }
        }
        if postsInOrder {
            snapshot.cache.adopt(idLists: ["posts"], groups: RebuildPlan.listsOfFields.filter { !changedLists.contains($0) },
                                 from: kept.snapshot.cache)
        }
        let layoutsAsBefore = edited.allSatisfy {
            let doc = snapshot.documents[$0], old = before[$0]
            return doc.value("layout") == old.value("layout") && doc.placedInLayout == old.placedInLayout
        }
        let plan = RebuildPlan(patching: snapshot, edited: edited, editedPaths: Set(read.keys), previous: memory, keys: keys,
                               stamp: stamp, fieldChanges: RebuildPlan.FieldChanges(fields: changedFields, lists: changedLists))
        return (snapshot, plan, readSite, layoutsAsBefore)
    }

    /// After the generators ran again: the keys of the documents whose fields changed (as
    /// `ReuseRules.reusable` tells them), with the generated documents that changed added to
    /// `edited`; nil when a document is not the one the previous build had in its place.
    private func generatedChanges(_ snapshot: SiteSnapshot, before: [Document], keys: [String], memory: RebuildPlan.Memory,
                                  edited: inout Set<Int>) -> Set<String>? {
        guard snapshot.documents.count == keys.count else { return nil }
        var changedFields = Set<String>()
        for (id, doc) in snapshot.documents.enumerated() {
            let old = before[id]
            guard ReuseRules.key(doc) == keys[id], doc.url == old.url, doc.destinationPath == old.destinationPath else {
                return nil
            }
            let generated = doc.isGenerated || !doc.variables.isEmpty
            if edited.contains(id) || generated {
                // As `ReuseRules.reusable` tells them: a document without a record renders anyway
                // (`PatchFacts.rendersAnyway`) and its fields count as changed.
                guard let record = memory.metadata.records[keys[id]] else {
                    changedFields.insert(keys[id])
                    continue
                }
                let variables = ReuseRules.variablesSignature(doc)
                let ownChange = edited.contains(id)
                    || doc.isGenerated && (record.generated == nil || ReuseRules.generatedSignature(doc) != record.generated)
                guard ownChange || variables == nil || variables != record.variables else { continue }
                edited.insert(id)
                if fieldsChanged(doc, record: record) { changedFields.insert(keys[id]) }
            } else if doc.content != old.content || doc.contentLine != old.contentLine || doc.excerptSource != old.excerptSource
                        || !(doc.data.isIdentical(to: old.data) || doc.data == old.data) {
                // A generator changed a document made of a file otherwise than before (a relative
                // link's target): its record cannot tell.
                return nil
            }
        }
        return changedFields
    }

    /// Whether the record's fields (or what a generator set) differ from the document's; a
    /// document without a record counts as changed.
    private func fieldsChanged(_ doc: Document, record: BuildMetadata.Record?) -> Bool {
        guard let record else { return true }
        let variables = ReuseRules.variablesSignature(doc), fields = ReuseRules.fieldsSignature(doc)
        return variables == nil || fields == nil || fields != record.fields || variables != record.variables
    }

    /// Whether the generators would make what they made before of the site with the items `read`:
    /// every key whose value an edit changed is one no plugin's `generate` reads, and the
    /// generators left the edited items as they were read.
    private func generatorsKeep(_ read: [String: Document], kept: Kept) -> Bool {
        var readByGenerators = Set<String>()
        for plugin in kept.setup.plugins { readByGenerators.formUnion(plugin.generateReadsItemFields(kept.readSite.configuration)) }
        for (path, new) in read {
            guard let (c, d) = kept.readPositions[path], let id = kept.itemIDs[path] else { return false }
            let old = kept.readSite.collections[c].docs[d], generated = kept.snapshot.documents[id]
            guard generated.content == old.content, generated.data.isIdentical(to: old.data),
                  generated.defaults.isIdentical(to: old.defaults), generated.variables.isEmpty,
                  new.defaults == old.defaults else { return false }
            for (key, value) in new.data.pairs where old.data[key.rubyString] != value {
                if readByGenerators.contains(key.rubyString) { return false }
            }
            for (key, _) in old.data.pairs where new.data[key.rubyString] == nil {
                if readByGenerators.contains(key.rubyString) { return false }
            }
        }
        return true
    }
}

extension SiteRebuilder.Kept {
    /// Whether `new`, made of an item's file, can take the place of `old` (made of it by the
    /// previous build) in the read site without moving: the same URL and date (so the same place
    /// in every list ordered by date), published as before, in a collection not sorted by its
    /// items' fields, and not a draft (reading stores a draft's date in its data).
    static func mayPatchFields(of old: Document, with new: Document, in collection: CollectionInfo) -> Bool {
        new.path == old.path && new.relativePath == old.relativePath && new.url == old.url
            && new.outputExtension == old.outputExtension && new.date == old.date && new.data["date"] == old.data["date"]
            && new.isPublished == old.isPublished && !old.isDraft && !new.isDraft
            && collection.metadata["sort_by"] == nil && collection.metadata["order"] == nil
    }
}
