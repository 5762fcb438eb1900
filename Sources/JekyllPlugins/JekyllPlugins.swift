import Jekyll

/// The plugins kyll has, by gem name; a site switches them on in its configuration.
public enum JekyllPlugins {
    public static let all: [any JekyllPlugin] = [
        RedirectFrom(),
        Sitemap(),
        Feed(),
        Paginate(),
    ]
}
