import Jekyll
import Liquid

/// `last_modified_at` as jekyll-sitemap's and jekyll-feed's templates print it, through
/// `date_to_xmlschema` in the site's zone.
enum LastModified {
    /// A value that is no date (a word, a list, `2020-13-45`) fails the build as that filter fails
    /// Jekyll's, named after the generated `page` it was printed in and pointed at where `doc` sets it.
    static func xmlschema(_ value: Value, of doc: Document, in page: Document, site: SiteSnapshot) throws(BuildError) -> String {
        if let text = DateFilters.xmlschema(value, clock: site.clock) { return text }
        let message = DateFilters.invalidDateMessage(value)
        var error = site.locate(BuildError(message), key: "last_modified_at", of: doc)
        error.jekyllLine = ("Liquid Exception:", message + " in " + page.relativePath)
        throw error
    }
}
