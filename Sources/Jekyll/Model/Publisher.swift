import Liquid

/// Whether a document is published: `published: false` only with `--unpublished`, and a date after
/// the site's time only with `--future`.
struct Publisher {
    /// The two settings it reads, not the whole configuration: one is made per document checked.
    let unpublished: Bool
    let future: Bool
    let time: TimeValue

    init(site: Site) {
        self.init(configuration: site.configuration, time: site.time)
    }

    init(configuration: Configuration, time: TimeValue) {
        unpublished = configuration.unpublished
        future = configuration.future
        self.time = time
    }

    func publishes(_ doc: Document) -> Bool {
        (doc.isPublished || unpublished) && !isHiddenInTheFuture(doc)
    }

    func isHiddenInTheFuture(_ doc: Document) -> Bool {
        guard !doc.isPage, !future, let date = doc.date else { return false }
        return date.seconds > time.seconds
    }
}

extension Document {
    /// Jekyll's order of collection items: by date when both have one, then by path.
    public static func jekyllOrder(_ a: Document, _ b: Document) -> Bool {
        JekyllOrderKey.precedes(JekyllOrderKey(a), JekyllOrderKey(b))
    }
}

/// Publication rules for plugins.
public enum Publication {
    /// Whether a collection item is written: its collection has output, and it is published and
    /// not in the future (unless the site says otherwise).
    public static func isWritten(_ doc: Document, in site: Site) -> Bool {
        guard let label = doc.collectionLabel else { return true }
        guard let i = site.collectionIndex(label), site.collections[i].info.writesOutput else { return false }
        return Publisher(site: site).publishes(doc)
    }
}
