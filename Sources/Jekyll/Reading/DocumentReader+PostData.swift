import Liquid

/// Jekyll's `merge_data!` for collection items: categories given as a string are split into words
/// and joined to the categories already known, hashes merge deeply, and a `date` is read as a time.
struct DataMerge {
    let path: String
    let displayPath: String
    let collectionLabel: String
    let clock: SiteClock

    /// `reader`'s locator is made only to place an invalid date: a merge holding one copied the
    /// whole configuration per item (~1,800 instructions with its release).
    func merge(_ data: inout OrderedHash, _ other: OrderedHash, source: String,
               reader: borrowing DocumentReader) throws(BuildError) {
        // Categories a string or joined to known ones are a list that replaces `other`'s; set after
        // the merge (at the position the merge gave the key), so that `other` (often the front
        // matter, held elsewhere too) is not copied to change it.
        let categoryList = other.value(PostKeys.categories).flatMap { Self.joinedCategories($0, to: data) }
        data.deepMerge(other)
        if let categoryList { data["categories"] = categoryList }
        if other.value(PostKeys.date) != nil { try readDate(&data, source: source, reader: reader) }
    }

    /// `merge` of one pair of a hash whose pairs are merged one by one as they are read (front
    /// matter; each key comes once), but for the date: after the last pair, `readDate` when one
    /// of them was `date`. Says whether the key was `date` (told by the hash it has anyway: the
    /// caller's string comparison with `date` cost ~25 instructions a key).
    @discardableResult
    static func mergePair(_ data: inout OrderedHash, key: String, value: Value) -> Bool {
        let hash = OrderedHash.storedHash(of: key)
        // Set once: the categories `merge` sets after merging take the place the merge gave them.
        if hash == PostKeys.categories.hash, key == PostKeys.categories.name,
           let categoryList = joinedCategories(value, to: data) {
            data.setValue(categoryList, forKey: key, hash: hash)
        } else if let old = data.value(forKey: key, hash: hash) {
            // `deepMerge`'s rule for a key both have: nil keeps the old value, hashes merge.
            if !value.isNil { data.setValue(old.deepMerged(with: value), forKey: key, hash: hash) }
        } else {
            data.add(value, forNewKey: key, hash: hash)
        }
        return hash == PostKeys.date.hash && key == PostKeys.date.name
    }

    /// The categories a merge bringing `categories` sets instead of them: a string split into
    /// words, a list joined to the list `data` has; nil when they are set as they are.
    private static func joinedCategories(_ categories: Value, to data: OrderedHash) -> Value? {
        guard !categories.isNil else { return nil }
        var list = categories
        var changed = false
        if case .string(let s) = categories {
            list = .array(s.rubyWords.map(Value.string))
            changed = true
        }
        if let existing = data.value(PostKeys.categories)?.arrayValue, let added = list.arrayValue {
            // None known (a post's folders seldom give any) and none repeated: the list as it is,
            // not copied into a new one.
            if !existing.isEmpty || added.indices.contains(where: { added[..<$0].contains(added[$0]) }) {
                var union = existing
                for item in added where !union.contains(item) { union.append(item) }
                list = .array(union)
            }
            changed = true
        }
        return changed ? list : nil
    }

    /// Jekyll re-reads the date from its text and shows it in local time; a date an earlier merge
    /// read is already that, so only a merge that brings a `date` key reads it.
    func readDate(_ data: inout OrderedHash, source: String, reader: borrowing DocumentReader) throws(BuildError) {
        guard let date = data.value(PostKeys.date) else { return }
        guard let time = DateParsing.time(from: date, clock: clock) else {
            let locator = reader.locator
            let place = placeOfDate(from: source, locator: locator)
            var reason = "Document '\(displayPath)' does not have a valid date in the \(source)."
            if source == DataMerge.defaults,
               let set = locator.defaults.set(supplying: "date", path: displayPath, type: collectionLabel) {
                reason = "An invalid date format was found in a front-matter default set: \(set.shown)"
            }
            throw BuildError("Invalid date '\(date.rubyString)': \(reason)")
                .located(place?.location ?? FileLocation(path: displayPath, line: 1), in: place?.text)
        }
        data["date"] = .time(time)
    }

    /// `merge(&data, ["categories": .array(list)])` without building that hash (a hash's storage and
    /// three arrays for one pair): the list joined to the categories known, or set when they are not
    /// a list. Such a merge brings no date.
    func mergeCategories(_ data: inout OrderedHash, _ list: [Value]) {
        guard var union = data.value(PostKeys.categories)?.arrayValue else {
            data["categories"] = .array(list)
            return
        }
        for item in list where !union.contains(item) { union.append(item) }
        data["categories"] = .array(union)
    }

    private func placeOfDate(from source: String, locator: SettingLocator) -> SettingPlace? {
        switch source {
        case DataMerge.frontMatter: locator.frontMatter("date", path: path, displayPath: displayPath)
        case DataMerge.defaults: locator.defaultsSetting("date", relativePath: displayPath, type: collectionLabel)
        default: nil
        }
    }

    static let frontMatter = "YAML front matter"
    static let defaults = "front matter defaults"
}

extension DocumentReader {
    /// Title, slug and extension from the file name (and its date, for `YYYY-MM-DD-title.ext`),
    /// categories and tags as lists, and the excerpt.
    func populatePostData(_ doc: inout Document, merge: inout DataMerge) throws(BuildError) {
        var slug: String?
        var ext: String?
        let name = doc.name  // the relative path's last component too
        if let dated = DocumentReader.datedFileName(name) {
            slug = dated.slug
            ext = dated.ext
            let current = doc.data.value(PostKeys.date)
            var isSiteTime = false
            if case .time(let t)? = current { isSiteTime = t.seconds == siteTime.seconds }
            if current == nil || current == .nil || current == .bool(false) || isSiteTime {
                try merge.merge(&doc.data, OrderedHash([("date", .string(dated.date))]), source: "filename", reader: self)
            }
        } else if let dot = name.lastIndex(of: "."), name.index(after: dot) < name.endIndex,
                  !name[name.index(after: dot)...].contains(".") {
            slug = String(name[..<dot])
            ext = String(name[dot...])
        }
        let finalSlug = (slug ?? doc.basename).trimmingTrailingDots
        if !(doc.data.value(PostKeys.title)?.isTruthy ?? false) { doc.data.set(PostKeys.title, to: .string(DocumentReader.titleize(finalSlug))) }
        if !(doc.data.value(PostKeys.slug)?.isTruthy ?? false) { doc.data.set(PostKeys.slug, to: .string(finalSlug)) }
        if !(doc.data.value(PostKeys.ext)?.isTruthy ?? false) { doc.data.set(PostKeys.ext, to: ext.map(Value.string) ?? Value.nil) }

        // Categories: those known plus `category` (or `categories` again), as strings, unique. A
        // list of distinct strings without `category` (the usual post) comes out as it is.
        if !DocumentReader.holdsDistinctStrings(doc.data, singular: PostKeys.category, plural: PostKeys.categories) {
            var categories = doc.data.value(PostKeys.categories)?.rubyArray ?? []
            categories += DocumentReader.pluralized(doc.data, singular: PostKeys.category, plural: PostKeys.categories)
            var seen: [Value] = []
            for c in categories.map({ Value.string($0.rubyString) }) where !seen.contains(c) { seen.append(c) }
            merge.mergeCategories(&doc.data, seen)
        }
        // Merging a list (not a hash, not nil, not categories, not a date) sets it; a flat list
        // without `tag` would be set to itself.
        if !DocumentReader.holdsFlatList(doc.data, singular: PostKeys.tag, plural: PostKeys.tags) {
            doc.data["tags"] = .array(DocumentReader.pluralized(doc.data, singular: PostKeys.tag, plural: PostKeys.tags))
        }

        let separator = (doc.data.value(PostKeys.excerptSeparator).flatMap { $0.isTruthy ? $0 : nil }?.rubyString)
            ?? configuration.excerptSeparator
        if !separator.isEmpty && !(doc.data.value(PostKeys.excerpt)?.isTruthy ?? false) {
            doc.excerptSource = excerpt(of: doc, separator: separator)
        }
    }

    /// Whether the name is `YYYY-MM-DD-slug.ext` (`datedFileName` without making its parts).
    static func isDatedFileName(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { datedFileNameBounds($0) != nil }
    }

    /// Where the date ends and the extension's dot is in a `YYYY-MM-DD-slug.ext` name.
    private static func datedFileNameBounds(_ parts: UnsafeBufferPointer<UInt8>) -> (dateEnd: Int, dot: Int)? {
        func digits(_ i: inout Int, _ range: ClosedRange<Int>) -> Bool {
            let start = i
            while i < parts.count, parts[i] >= 0x30, parts[i] <= 0x39, i - start < range.upperBound { i += 1 }
            return range.contains(i - start)
        }
        var i = 0
        guard digits(&i, 2...4), i < parts.count, parts[i] == 0x2D else { return nil }
        i += 1
        guard digits(&i, 1...2), i < parts.count, parts[i] == 0x2D else { return nil }
        i += 1
        guard digits(&i, 1...2), i < parts.count, parts[i] == 0x2D else { return nil }
        let rest = parts[(i + 1)...]
        guard let dot = rest.lastIndex(of: 0x2E), dot + 1 < parts.count else { return nil }
        return (i, dot)
    }

    /// `YYYY-MM-DD-slug.ext`: the date, slug and extension.
    static func datedFileName(_ name: String) -> (date: String, slug: String, ext: String)? {
        // Read in place: copying the name into an array cost an allocation a post.
        var name = name
        return name.withUTF8 { parts in
            guard let (dateEnd, dot) = datedFileNameBounds(parts) else { return nil }
            let date = String(decoding: UnsafeBufferPointer(rebasing: parts[0..<dateEnd]), as: UTF8.self)
            let slug = String(decoding: UnsafeBufferPointer(rebasing: parts[(dateEnd + 1)..<dot]), as: UTF8.self)
            let ext = String(decoding: UnsafeBufferPointer(rebasing: parts[dot...]), as: UTF8.self)
            return (date, slug, ext)
        }
    }

    /// Jekyll's `titleize_slug`: words between dashes, capitalized, joined with spaces.
    static func titleize(_ slug: String) -> String {
        var words = slug.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        while words.last == "" { words.removeLast() }
        return words.map { word in
            guard let first = word.first else { return "" }
            return first.uppercased() + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }

    /// Jekyll's `pluralized_array_from_hash`: the singular key's value as a one-item list, else
    /// the plural key's list (a string split into words).
    static func pluralized(_ data: OrderedHash, singular: HashedKey, plural: HashedKey) -> [Value] {
        if let value = data.value(singular), value.isTruthy {
            return flattenCompact([value])
        }
        switch data.value(plural) {
        case .string(let s)?: return s.rubyWords.map(Value.string)
        case .array(let a)?: return flattenCompact(a)
        default: return []
        }
    }

    /// Whether `pluralized` gives the plural key's list itself: no truthy singular, and a list
    /// with nothing to flatten or drop. (The steps setting the list would set it to itself.)
    static func holdsFlatList(_ data: OrderedHash, singular: HashedKey, plural: HashedKey) -> Bool {
        guard !(data.value(singular)?.isTruthy ?? false), case .array(let list)? = data.value(plural) else { return false }
        return isFlat(list)
    }

    /// `holdsFlatList` of strings, no two equal: joining the list to itself, as strings, unique,
    /// gives it back. Longer lists are left to the general steps.
    static func holdsDistinctStrings(_ data: OrderedHash, singular: HashedKey, plural: HashedKey) -> Bool {
        guard !(data.value(singular)?.isTruthy ?? false), case .array(let list)? = data.value(plural), list.count <= 8 else { return false }
        for (i, value) in list.enumerated() {
            guard case .string = value, !list[..<i].contains(value) else { return false }
        }
        return true
    }

    private static func isFlat(_ values: [Value]) -> Bool {
        !values.contains { value in
            switch value {
            case .nil, .array: return true
            default: return false
            }
        }
    }

    static func flattenCompact(_ values: [Value]) -> [Value] {
        // The usual list (tags, categories: strings) has nothing to drop or flatten: it is returned
        // as it is instead of being copied into an array grown value by value.
        if isFlat(values) { return values }
        var out: [Value] = []
        out.reserveCapacity(values.count)
        for v in values {
            switch v {
            case .nil: continue
            case .array(let inner): out += flattenCompact(inner)
            default: out.append(v)
            }
        }
        return out
    }
}

extension String {
    /// Ruby's `String#split` with no argument: words between runs of whitespace.
    var rubyWords: [String] {
        split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" })
            .map(String.init)
    }
}
