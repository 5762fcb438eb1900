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
    init(patching site: SiteSnapshot, edited: Set<Int>, editedPaths: Set<String>, previous: Memory,
         keys: [String], stamp: @escaping StampSource) {
        self.site = site
        self.stamp = stamp
        fingerprint = previous.metadata.fingerprint
        // The shape of the last full read: a later full build finds it changed and renders again
        // what uses the whole site, which this build rendered anyway.
        shape = previous.metadata.shape
        sassInputs = previous.sassInputs
        self.previous = previous
        keysAsBefore = true
        lists = SiteLists(site: site, keys: keys, signatures: previous.listSignatures, stamp: stamp)

        let records = previous.metadata.records
        var renderedAgain = Set(edited.map { keys[$0] })
        var includesEditedFile = false
        var kept: [(id: Int, key: String, renderedReads: Set<String>)] = []
        kept.reserveCapacity(site.documents.count)
        for (id, doc) in site.documents.enumerated() where doc.derivedFrom == nil && !edited.contains(id) {
            let key = keys[id]
            guard let record = records[key], !record.usesSite, record.variables != nil,
                  !doc.isGenerated || record.generated != nil else {
                renderedAgain.insert(key)
                continue
            }
            if editedPaths.contains(where: { record.dependencies[$0] != nil }) {
                includesEditedFile = true
                renderedAgain.insert(key)
                continue
            }
            kept.append((id, key, record.renderedReads))
        }
        var settled = false
        while !settled {
            settled = true
            kept.removeAll { candidate in
                guard !candidate.renderedReads.isEmpty, !candidate.renderedReads.isDisjoint(with: renderedAgain) else {
                    return false
                }
                renderedAgain.insert(candidate.key)
                settled = false
                return true
            }
        }
        reusable = Set(kept.map(\.id))
        self.includesEditedFile = includesEditedFile
    }
}
