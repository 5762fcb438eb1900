import Liquid

// What the plugins' tags read of a render's scope, for `TemplateAnalyzer` (a layout whose
// includes use them can then be shown to print `content` plainly only).

extension FeedMetaTag: AnalyzableTag {
    /// Its link is made from the configuration when the tag is parsed: it reads nothing.
    func analyze(_ analyzer: inout TemplateAnalyzer) {}
}

extension SeoTag: AnalyzableTag {
    /// The page, the site, the paginator and `jekyll`, each as a whole (which keys depends on
    /// their values). A partial that uses it reads the page, so it is never replayed.
    func analyze(_ analyzer: inout TemplateAnalyzer) {
        for name in ["page", "site", "paginator", "jekyll"] {
            analyzer.read(Expression.variable(.path(name, [])))
        }
    }
}
