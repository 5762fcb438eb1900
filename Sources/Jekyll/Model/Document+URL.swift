import Liquid

extension Document {
    /// A page's URL: its permalink, or the template Jekyll picks for it (`/:path/` for an index,
    /// `/:path/:basename:output_ext` for non-HTML files, the permalink style's ending otherwise),
    /// filled with its folder, basename and output extension.
    func pageURL(permalinkStyle: String) -> String {
        let template: String
        if !isHTML {
            template = "/:path/:basename:output_ext"
        } else if basename == "index" {
            template = "/:path/"
        } else {
            template = URLTemplate.addSuffix("/:path/:basename", style: permalinkStyle)
        }
        let filled = URLTemplate.fill(permalink ?? template, orderedPlaceholders: [
            ("path", directory), ("basename", basename), ("output_ext", outputExtension),
        ])
        return URLPath.sanitize(filled)
    }

    /// An item's URL: its permalink or the collection's template, with every placeholder Jekyll's
    /// `UrlDrop` offers.
    func itemURL(collection: CollectionInfo, permalinkStyle: String, siteTime: TimeValue) throws(BuildError) -> String {
        let template = permalink ?? collection.urlTemplate(permalinkStyle: permalinkStyle)
        let clock = WallClock(date ?? siteTime)
        do {
            let filled = try URLTemplate.fill(template) { name, url in
                writePlaceholder(name, to: &url, collection: collection, clock: clock)
            }
            return URLPath.sanitize(filled)
        } catch {
            throw BuildError(error.message)
        }
    }

    /// `urlPlaceholder` written into the URL; false (nothing written) for no such placeholder.
    /// The names of nearly every permalink are told by their bytes and their values written
    /// directly (a string for each name, compared name by name, and for each date field cost
    /// ~1,000 instructions a placeholder).
    func writePlaceholder(_ name: UnsafeBufferPointer<UInt8>, to url: inout URLTemplate.Output,
                          collection: CollectionInfo, clock: WallClock) -> Bool {
        if clock.writeNumericPlaceholder(name, to: &url) { return true }
        if URLTemplate.name(name, is: "title") {
            writeTitle(to: &url)
        } else if URLTemplate.name(name, is: "categories") {
            writeCategories(to: &url)
        } else if let value = urlPlaceholder(String(decoding: name, as: UTF8.self), collection: collection, clock: clock) {
            url.appendEscaped(value)
        } else {
            return false
        }
        return true
    }

    /// A placeholder's value, or nil for no such placeholder. Builds ask it only for the rarer
    /// names (`writePlaceholder` writes the others); `title` and `categories` are here as the
    /// values the tests hold the written ones to.
    func urlPlaceholder(_ name: String, collection: CollectionInfo, clock: WallClock) -> String? {
        switch name {
        case "collection": return collection.label
        case "path": return cleanedRelativePath(collection: collection)
        case "name": return Slugify.slugify(basename)
        case "title": return Slugify.slugify(titleSource, mode: "pretty", cased: true)
        case "slug":
            if let slug = data["slug"], !slug.isNil { return Slugify.slugify(slug.rubyString) }
            return Slugify.slugify(basename)
        case "categories": return categoriesPlaceholder
        case "slugified_categories":
            return uniqueCategories(data["categories"]?.rubyArray.map { Slugify.slugify($0.rubyString) } ?? [])
        case "output_ext": return outputExtension
        default: return clock.placeholder(name)
        }
    }

    /// What `:title` is the pretty, cased slug of: the `slug` the data has, else the basename.
    private var titleSource: String {
        if let slug = data.value(PostKeys.slug), !slug.isNil { return slug.rubyString }
        return basename
    }

    /// `:title` (the pretty, cased slug of `titleSource`) written, straight from its source when
    /// that is a slug already (a post's slug from its file name): ASCII letters and digits joined
    /// by single dashes, which pretty slugifying gives back as it is and the URL shows unescaped
    /// (slugifying cost ~1,800 instructions a post).
    private func writeTitle(to url: inout URLTemplate.Output) {
        var source = titleSource
        let written = source.withUTF8 { bytes -> Bool in
            guard Self.isDashedWords(bytes) else { return false }
            url.appendUnescaped(bytes)
            return true
        }
        if !written { url.appendEscaped(Slugify.slugify(source, mode: "pretty", cased: true)) }
    }

    /// ASCII letters and digits, with single dashes between them. Eight bytes at a time (a byte at
    /// a time cost ~10 instructions a byte of a post's slug).
    static func isDashedWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let dash = UInt8(ascii: "-")
        guard let base = bytes.baseAddress, let first = bytes.first, let last = bytes.last, first != dash, last != dash else {
            return false
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // For words of bytes below 0x80, the high bit of each byte in `low...high` (or equal to
        // `byte`); no sum carries into the next byte.
        @inline(__always) func within(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
            (word &+ UInt64(0x80 - low) &* ones) & ~(word &+ UInt64(0x7F - high) &* ones) & highBits
        }
        @inline(__always) func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
            let t = word ^ (UInt64(byte) &* ones)
            return ~(((t & lowBits) &+ lowBits) | t) & highBits
        }
        // The high bit of the first byte's place when the byte before the word was a dash.
        var dashBefore: UInt64 = 0
        var i = 0
        while i &+ 8 <= bytes.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self).littleEndian
            guard word & highBits == 0 else { return false }
            let dashes = equal(word, dash)
            let letters = within(word | 0x2020_2020_2020_2020, UInt8(ascii: "a"), UInt8(ascii: "z"))
            let digits = within(word, UInt8(ascii: "0"), UInt8(ascii: "9"))
            guard letters | digits | dashes == highBits, dashes & (dashes << 8 | dashBefore) == 0 else { return false }
            dashBefore = dashes >> 56
            i &+= 8
        }
        var previousIsDash = dashBefore != 0
        while i < bytes.count {
            let b = base[i]
            if b == dash {
                if previousIsDash { return false }
                previousIsDash = true
            } else {
                guard URLPath.isAlphanumeric(b) else { return false }
                previousIsDash = false
            }
            i &+= 1
        }
        return true
    }

    private var categoriesPlaceholder: String {
        let categories = data.value(PostKeys.categories)?.rubyArray ?? []
        // The usual post has one: no list of lowercased names to deduplicate and join.
        if categories.count == 1 { return categories[0].rubyString.lowercased() }
        return uniqueCategories(categories.map { $0.rubyString.lowercased() })
    }

    /// `categoriesPlaceholder` written, straight from the categories when they are a few strings
    /// that are lowercase already and need no escape (a post's one category, or two): the repeats
    /// left out and the rest joined with `/` as they are written (the lowercased list made and
    /// joined cost ~2,000 instructions a post with two).
    private func writeCategories(to url: inout URLTemplate.Output) {
        if case .array(let categories)? = data.value(PostKeys.categories), categories.count <= 8,
           categories.allSatisfy(Self.isPlainLowercaseString) {
            for (i, category) in categories.enumerated() where !categories[..<i].contains(category) {
                if i > 0 { Self.slash.withUTF8Buffer { url.appendUnescaped($0) } }
                guard case .string(var text) = category else { continue }
                text.withUTF8 { url.appendUnescaped($0) }
            }
            return
        }
        url.appendEscaped(categoriesPlaceholder)
    }

    private static let slash: StaticString = "/"

    /// A string whose bytes lowercasing leaves as they are and a URL shows unescaped.
    private static func isPlainLowercaseString(_ value: Value) -> Bool {
        guard case .string(var text) = value else { return false }
        return text.withUTF8 { bytes in
            bytes.allSatisfy { URLPath.isPlainPathByte($0) && UTF8Text.isUnchangedByLowercasing($0) }
        }
    }

    private func uniqueCategories(_ list: [String]) -> String {
        // A post has a few categories: a scan costs less than building a set.
        guard list.count > 8 else {
            // Joined by hand: `joined(separator:)` is unspecialized here (~3,000 instructions).
            var joined = ""
            for (i, category) in list.enumerated() where !list[..<i].contains(category) {
                if i > 0 { joined += "/" }
                joined += category
            }
            return joined
        }
        var seen = Swift.Set<String>()
        return list.filter { seen.insert($0).inserted }.joined(separator: "/")
    }

    /// The relative path without its extension, the collection folder and trailing dots
    /// (`_methods/site/generate...md` → `/site/generate`).
    func cleanedRelativePath(collection: CollectionInfo) -> String {
        var s = extname.isEmpty ? relativePath : String(relativePath.dropLast(extname.count))
        if let range = s.firstRange(of: collection.relativeDirectory) { s.removeSubrange(range) }
        return s.trimmingTrailingDots
    }
}
