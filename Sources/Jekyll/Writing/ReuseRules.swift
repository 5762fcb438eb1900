import Liquid

/// Which documents a build may keep from the previous one (`kyll build --incremental`, every
/// rebuild of `kyll serve`), and what to remember of each render for the next build. A document
/// is rendered again when:
/// - its own inputs changed: its file, or what a generator set for it (a paginator's posts), or for
///   a generated page its fields and content;
/// - a layout or an include it used changed, or its output file is gone;
/// - a list of the site it looked at changed (`SiteLists`: `site.posts`, `site.tags`, its neighbours …);
/// - it read the front matter, URL or date of a document whose fields (all but its body) changed, or
///   that came or went;
/// - it read the content, output or excerpt of a document that is rendered again;
/// - it used the site in a way not recorded so finely (a generator's page, `post_url`, `jsonify`
///   of a document) and any page, item, static file or data file changed.
/// So editing one post's title renders that post, the pages that show its title or excerpt, and its
/// neighbours — not every post that lists a few recent ones; editing its body renders the post and
/// the pages that show its excerpt or content.
enum ReuseRules {
    /// How records are found again: the file, or for generated pages and a paginator's copies of
    /// one page, with the URL.
    static func key(_ doc: Document) -> String {
        if doc.isGenerated { return "generated:" + doc.relativePath + ":" + doc.url }
        return doc.variables.isEmpty ? doc.path : doc.path + "#" + doc.url
    }

    /// What a generator set for the document, as text; nil when it holds values that cannot be told
    /// apart this way (the document then renders every time).
    static func variablesSignature(_ doc: Document) -> String? {
        guard !doc.variables.isEmpty else { return "" }
        var text = ""
        return describe(.hash(doc.variables), into: &text) ? BuildMetadata.hash(text) : nil
    }

    /// Everything of the document other templates can read without rendering it — front matter,
    /// defaults, URL, date, names — as text; nil when it holds values that cannot be told apart so.
    static func fieldsSignature(_ doc: Document) -> String? {
        var text = doc.path + "|" + doc.relativePath + "|" + doc.name + "|" + doc.directory + "|" + doc.url + "|"
            + doc.outputExtension + "|" + (doc.collectionLabel ?? "-") + "|" + (doc.isDraft ? "draft" : "") + "|"
        if let date = doc.date { JSON.append(.time(date), to: &text) }
        text += "|"
        guard describe(.hash(doc.data), into: &text) else { return nil }
        text += "|"
        guard describe(.hash(doc.defaults), into: &text) else { return nil }
        return BuildMetadata.hash(text)
    }

    /// What a generated page is made of — its fields and its content — as text: it has no file
    /// whose stamp would tell that a generator made it differently (a redirect to a new URL).
    static func generatedSignature(_ doc: Document) -> String? {
        generatedSignature(fields: fieldsSignature(doc), content: doc.content)
    }

    private static func generatedSignature(fields: String?, content: String) -> String? {
        fields.map { BuildMetadata.hash($0 + "|" + content) }
    }

    private static func describe(_ value: Value, into text: inout String) -> Bool {
        switch value {
        case .array(let items):
            text += "["
            for item in items {
                guard describe(item, into: &text) else { return false }
                text += ","
            }
            text += "]"
        case .hash(let hash):
            text += "{"
            for (key, item) in hash.pairs {
                text += key.rubyString + ":"
                guard describe(item, into: &text) else { return false }
                text += ","
            }
            text += "}"
        case .drop(let drop):
            guard let reference = drop as? DocumentReference else { return false }
            text += "ref:" + reference.collection + "/" + reference.relativePath
        default:
            JSON.append(value, to: &text)
        }
        return true
    }

    /// What the plan needs to know of the files since the previous build.
    struct Changes {
        /// Whether any page, item, static file or data file changed (or came or went).
        var site: Bool
        /// Whether the file's stamp differs from the recorded one (or the watcher saw it change).
        var file: (String, BuildMetadata.FileStamp) -> Bool
        /// Documents that render whatever their records say (stylesheets whose imports changed).
        var rendersAnyway: (Document) -> Bool = { _ in false }
        /// Whether the document's output file is still as the previous build left it.
        var isIntact: (Document) -> Bool
        /// Whether the site has the same documents (by `key`), in the same order, as the previous
        /// build: with no document's fields changed either, every list made of documents is as it
        /// was then (see `isListOfFiles` for the others).
        var keysAsBefore = false
        /// Whether every file the records list as a dependency is known to have the stamp they
        /// recorded (`BuildMetadata.dependencies`): no record's dependencies then need a look each.
        var dependenciesAsRecorded = false
        /// Whether a kept stylesheet's source map is kept with it: without the stylesheet's previous
        /// render in memory (a build from `.jekyll-metadata`), rendering the map renders it again.
        var keepsSourceMaps = false
    }

    /// Whether a list's signature also depends on files other than documents (data files, static
    /// files' stamps), so that it is compared whatever the documents did. Three short names
    /// compared rather than a set's hash: asked for every list of every kept document's record
    /// (~2,500 at 1,000 posts).
    static func isListOfFiles(_ name: String) -> Bool {
        name == "data" || name == "static_files" || name == "documents"
    }

    /// Each document's `variablesSignature` and a generated page's `generatedSignature`, which read
    /// the site alone: `kyll build --incremental` works them out while `.jekyll-metadata` is read
    /// (a paginator's hundred pages and the redirect pages, ~9 M instructions at 1,000 posts).
    struct Signatures: Sendable {
        var variables: [String?] = []
        /// nil for a document that is not generated.
        var generated: [String?] = []

        init(site: SiteSnapshot) {
            variables.reserveCapacity(site.documents.count)
            generated.reserveCapacity(site.documents.count)
            for doc in site.documents {
                let covered = Self.covers(doc)
                variables.append(covered ? variablesSignature(doc) : nil)
                generated.append(covered && doc.isGenerated ? generatedSignature(doc) : nil)
            }
        }

        /// Whether a document's signatures are worked out: those of every document `reusable`
        /// looks at, which are all but derived ones (a derived document is kept with its source).
        static func covers(_ doc: Document) -> Bool { doc.derivedFrom == nil }
    }

    /// The documents that keep their previous output; `signatures`, when given, are the site's now.
    static func reusable(site: SiteSnapshot, previous: BuildMetadata, lists: inout SiteLists, changes: Changes,
                         signatures: Signatures? = nil) -> Set<Int> {
        /// Documents whose fields changed, or that came or went.
        var changedFields = Set<String>()
        var renderedAgain = Set<String>()
        var candidates: [(id: Int, key: String, record: BuildMetadata.Record)] = []
        for (id, doc) in site.documents.enumerated() where Signatures.covers(doc) {
            let key = lists.key(id)
            guard let record = previous.records[key] else {
                changedFields.insert(key)
                renderedAgain.insert(key)
                continue
            }
            let variables = signatures.map { $0.variables[id] } ?? variablesSignature(doc)
            let ownChange = doc.isGenerated
                ? (record.generated == nil || (signatures.map { $0.generated[id] } ?? generatedSignature(doc)) != record.generated)
                : changes.file(doc.path, record.source)
            if ownChange || variables == nil || variables != record.variables {
                // A new body alone changes what the document renders to, not what others read of its fields.
                let fields = fieldsSignature(doc)
                if variables == nil || fields == nil || fields != record.fields || variables != record.variables {
                    changedFields.insert(key)
                }
                renderedAgain.insert(key)
                continue
            }
            if record.output != doc.destinationPath || !changes.isIntact(doc) || (record.usesSite && changes.site)
                || changes.rendersAnyway(doc)
                || !changes.dependenciesAsRecorded && record.dependencies.contains(where: { changes.file($0.path, $0.stamp) }) {
                renderedAgain.insert(key)
                continue
            }
            candidates.append((id, key, record))
        }
        if !changes.keysAsBefore {
            let present = Set(site.documents.indices.map { lists.key($0) })
            for key in previous.records.keys where !present.contains(key) { changedFields.insert(key) }
        }

        // A kept document's recorded signatures are those of the previous build (it was rendered
        // again when one differed), so lists of documents as they were need no new signatures.
        let documentListsAsBefore = changes.keysAsBefore && changedFields.isEmpty
        // Indices into `candidates`: a copy of a candidate retained each of its record's fields.
        var kept: [Int] = []
        kept.reserveCapacity(candidates.count)
        for index in candidates.indices {
            let listChanged = candidates[index].record.lists.contains { name, signature in
                (!documentListsAsBefore || isListOfFiles(name)) && lists.signature(name) != signature
            }
            if listChanged || (!changedFields.isEmpty && candidates[index].record.dataReads.contains(where: changedFields.contains)) {
                renderedAgain.insert(candidates[index].key)
            } else {
                kept.append(index)
            }
        }
        // A document rendered again may print something else: those that show its text follow.
        var settled = false
        while !settled {
            settled = true
            kept.removeAll { index in
                guard candidates[index].record.renderedReads.contains(where: renderedAgain.contains) else { return false }
                renderedAgain.insert(candidates[index].key)
                settled = false
                return true
            }
        }
        if documentListsAsBefore {
            // Every record's signatures of lists of documents are those of the lists now: the
            // documents rendered again take them rather than work them out (`site.posts`, the tags).
            for key in renderedAgain {
                for list in previous.records[key]?.lists ?? [] where !isListOfFiles(list.name) {
                    lists.assume(list.name, signature: list.signature)
                }
            }
        }
        var reusable = Set(kept.map { candidates[$0].id })
        // A stylesheet's source map is made of its render alone: kept with it, when the map's file
        // is as that build left it.
        for (id, doc) in site.documents.enumerated() where changes.keepsSourceMaps {
            guard let source = doc.derivedFrom, reusable.contains(source),
                  previous.records[lists.key(id)]?.output == doc.destinationPath, changes.isIntact(doc) else { continue }
            reusable.insert(id)
        }
        return reusable
    }

    /// A record of what the document's render in `context` used, with stamps as they are now;
    /// `signatures`, when given, are those of `context.site` worked out before the render.
    static func record(_ id: Int, context: BuildContext, lists: inout SiteLists,
                       stamp: (String) -> BuildMetadata.FileStamp?, signatures: Signatures?) -> BuildMetadata.Record {
        let site = context.site
        let doc = site.documents[id]
        let known = Signatures.covers(doc) ? signatures : nil
        let fields = fieldsSignature(doc)
        let none = BuildMetadata.FileStamp(seconds: 0, nanoseconds: 0, size: 0)
        var dependencies: [String: BuildMetadata.FileStamp] = [:]
        for layout in LayoutLeak.chain(of: doc, in: site.layouts) {
            // A layout a plugin supplies while the site has none (jekyll-redirect-from's) is recorded
            // as missing: the site's own, once written, is then a change.
            dependencies[layout.path] = stamp(layout.path) ?? .missing
        }
        let reads = context.dependencies.reads(of: id)
        for include in reads.includes {
            if let s = stamp(include) { dependencies[include] = s }
        }
        for path in reads.mayAppear { dependencies[path] = stamp(path) ?? .missing }
        let listSignatures = reads.lists.map { (name: $0, signature: lists.signature($0)) }
        return BuildMetadata.Record(
            source: doc.isGenerated ? none : (stamp(doc.path) ?? none),
            dependencies: dependencies.map { (path: $0.key, stamp: $0.value) },
            usesSite: reads.usesSite, output: doc.destinationPath, lists: listSignatures,
            dataReads: reads.data.map { lists.key($0) }, renderedReads: reads.rendered.map { lists.key($0) },
            variables: known.map { $0.variables[id] } ?? variablesSignature(doc), fields: fields,
            generated: doc.isGenerated ? known.map { $0.generated[id] } ?? generatedSignature(fields: fields, content: doc.content) : nil,
            stored: nil)
    }
}
