import Liquid

/// With `--incremental`, the `.jekyll-metadata` file in the source: each document's source file
/// with its modification time and the layouts it was rendered with, the basis for deciding what a
/// later build must redo. Written as JSON, which Jekyll also reads (through its YAML fallback).
enum BuildMetadata {
    static func write(_ site: SiteSnapshot) {
        var entries = OrderedHash()
        for doc in site.documents where !doc.isGenerated {
            var entry = OrderedHash()
            if let mtime = FileSystem.modificationTime(doc.path) {
                entry["mtime"] = .string(DateFilters.xmlschema(site.clock.local(Int64(mtime.seconds))))
            }
            entry["deps"] = .array(LayoutLeak.chain(of: doc, in: site.layouts).map { .string($0.path) })
            entries[doc.path] = .hash(entry)
        }
        let path = site.configuration.inSource(".jekyll-metadata")
        try? FileSystem.write(Array(JSON.string(.hash(entries)).utf8), to: path)
    }
}
