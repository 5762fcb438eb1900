extension RebuildPlan {
    /// The plan for a site patched from the previous build's (`SiteRebuilder.patch`): the same
    /// documents, in the same order, with the same fields, layouts, includes, data and static
    /// files; only the bodies of the `edited` documents (whose files are `editedPaths`) changed.
    /// So no list changed and no document read another's fields differently: the documents
    /// rendered again are the edited ones, those that used the site in ways not recorded finely
    /// (a source file changed), those that read an edited file, those whose previous records
    /// cannot vouch for them, and — until nothing more follows — those that show the text of a
    /// document rendered again. What `ReuseRules.reusable` decides for such an edit, from the
    /// records alone: no signature is worked out again.
    /// `previous.patchFacts` must be there (a build of this process with `keepsResults`).
    /// With `fieldChanges` (an edit of items' fields, `SiteRebuilder.patchFields`), documents that
    /// read the changed fields or a changed list render again too.
    init(patching site: SiteSnapshot, edited: Set<Int>, editedPaths: Set<String>, previous: Memory,
         keys: [String], stamp: @escaping StampSource, fieldChanges: FieldChanges? = nil) {
        self.site = site
        self.stamp = stamp
        fingerprint = previous.metadata.fingerprint
        // The shape of the last full read: a later full build finds it changed and renders again
        // what uses the whole site, which this build rendered anyway.
        shape = previous.metadata.shape
        sassInputs = previous.metadata.sassInputs
        self.previous = previous
        keysAsBefore = true
        var signatures = previous.listSignatures
        for name in fieldChanges?.lists ?? [] { signatures[name] = nil }
        var lists = SiteLists(site: site, keys: keys, signatures: signatures, stamp: stamp)

        var renderedAgain = Set(edited.map { keys[$0] })
        // The files documents read besides their own (layouts, includes) that changed: an edited
        // file, or one whose stamp is not the recorded one (a path through a link, with `..`).
        // Each such file is looked at once, not once per document reading it.
        var changedDependencies = Set<String>()
        for (path, recorded) in previous.dependencyStamps where editedPaths.has(path) || (stamp(path) ?? .missing) != recorded {
            changedDependencies.insert(path)
        }
        var includesEditedFile = false
        var reusable = Set<Int>(minimumCapacity: site.documents.count)
        /// Kept documents that show other documents' text, with what they show.
        var readers: [(id: Int, reads: Set<String>)] = []
        // Read in place, not copied out one by one; the few edited paths compared, not hashed.
        previous.patchFacts.withUnsafeBufferPointer { facts in
            for id in facts.indices where !edited.contains(id) {
                if facts[id].rendersAnyway {
                    renderedAgain.insert(keys[id])
                } else if !changedDependencies.isEmpty && facts[id].dependencies.contains(where: changedDependencies.contains) {
                    includesEditedFile = true
                    renderedAgain.insert(keys[id])
                } else if let fieldChanges, facts[id].reads(fieldChanges, lists: &lists) {
                    renderedAgain.insert(keys[id])
                } else if facts[id].renderedReads.isEmpty {
                    reusable.insert(id)
                } else {
                    readers.append((id, facts[id].renderedReads))
                }
            }
        }
        // A document rendered again may print something else: those that show its text follow.
        var settled = false
        while !settled {
            settled = true
            readers.removeAll { reader in
                guard !reader.reads.isDisjoint(with: renderedAgain) else { return false }
                renderedAgain.insert(keys[reader.id])
                settled = false
                return true
            }
        }
        for reader in readers { reusable.insert(reader.id) }
        self.reusable = reusable
        self.includesEditedFile = includesEditedFile
        self.lists = lists
    }

    /// The lists whose members depend on posts' fields other than their URLs and dates.
    static let listsOfFields = ["tags", "categories"]

    /// What an edit of items' fields changed in a site whose documents are those of the previous
    /// build, in the same order, with the same URLs and dates: so of the lists only those grouping
    /// posts by their fields (`listsOfFields`) can have changed.
    struct FieldChanges {
        /// The keys of the documents whose fields changed.
        var fields: Set<String>
        /// The names of the lists whose members may have changed.
        var lists: Set<String>
    }
}

/// What a patch's plan needs of one document's record, by the document's index: no record looked
/// up by key, no record copied, for a thousand documents on every save.
struct PatchFacts: Sendable {
    /// Renders whatever changed: no record, or the site used in ways not recorded finely, or a
    /// signature not known (see `ReuseRules.reusable`), or a page made from another's render.
    var rendersAnyway = true
    /// The files it read besides its own (layouts, includes).
    var dependencies: [String] = []
    /// The keys of the documents whose text it shows.
    var renderedReads: Set<String> = []
    /// The keys of the documents whose fields it read (for an edit of items' fields).
    var dataReads: Set<String> = []
    /// The lists it looked at, with their signatures then.
    var lists: [String: String] = [:]

    /// Whether it read the fields of a document whose fields changed, or a list that changed.
    func reads(_ changes: RebuildPlan.FieldChanges, lists: inout SiteLists) -> Bool {
        if !changes.fields.isEmpty && !dataReads.isDisjoint(with: changes.fields) { return true }
        for name in changes.lists {
            if let recorded = self.lists[name], lists.signature(name) != recorded { return true }
        }
        return false
    }

    static func of(_ doc: Document, record: BuildMetadata.Record?) -> PatchFacts {
        guard let record, doc.derivedFrom == nil, !record.usesSite, record.variables != nil,
              !doc.isGenerated || record.generated != nil else { return PatchFacts() }
        return PatchFacts(rendersAnyway: false, dependencies: record.dependencies.map(\.path),
                          renderedReads: Set(record.renderedReads), dataReads: Set(record.dataReads),
                          lists: Dictionary(record.lists, uniquingKeysWith: { first, _ in first }))
    }
}
