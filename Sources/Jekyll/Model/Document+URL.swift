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
            let filled = try URLTemplate.fill(template) { name in
                urlPlaceholder(name, collection: collection, clock: clock)
            }
            return URLPath.sanitize(filled)
        } catch {
            throw BuildError(error.message)
        }
    }

    func urlPlaceholder(_ name: String, collection: CollectionInfo, clock: WallClock) -> String? {
        // The names below start with c, p, n, t, s or o; any other name is the clock's, asked at once
        // instead of after eight string comparisons (`:year`, `:month`, `:day` of every post).
        switch name.utf8.first {
        case UInt8(ascii: "c"), UInt8(ascii: "p"), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "s"), UInt8(ascii: "o"):
            break
        default:
            return clock.placeholder(name)
        }
        switch name {
        case "collection": return collection.label
        case "path": return cleanedRelativePath(collection: collection)
        case "name": return Slugify.slugify(basename)
        case "title":
            if let slug = data["slug"], !slug.isNil {
                return Slugify.slugify(slug.rubyString, mode: "pretty", cased: true)
            }
            return Slugify.slugify(basename, mode: "pretty", cased: true)
        case "slug":
            if let slug = data["slug"], !slug.isNil { return Slugify.slugify(slug.rubyString) }
            return Slugify.slugify(basename)
        case "categories":
            let categories = data["categories"]?.rubyArray ?? []
            // The usual post has one: no list of lowercased names to deduplicate and join.
            if categories.count == 1 { return categories[0].rubyString.lowercased() }
            return uniqueCategories(categories.map { $0.rubyString.lowercased() })
        case "slugified_categories":
            return uniqueCategories(data["categories"]?.rubyArray.map { Slugify.slugify($0.rubyString) } ?? [])
        case "output_ext": return outputExtension
        default: return clock.placeholder(name)
        }
    }

    private func uniqueCategories(_ list: [String]) -> String {
        // A post has a few categories: a scan costs less than building a set.
        guard list.count > 8 else {
            var unique: [String] = []
            for category in list where !unique.contains(category) { unique.append(category) }
            return unique.joined(separator: "/")
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
