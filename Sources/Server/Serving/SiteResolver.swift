/// Maps a request path to a file of the served folder the way GitHub Pages and `jekyll serve` do:
///
/// - `/dir/` → `dir/index.html`; a folder without an index is not found (never listed);
/// - `/dir` (a folder) → redirect to `/dir/`;
/// - `/about` → `about`, else `about.html` (then `about.xhtml`, as `jekyll serve` also tries);
/// - `/about.html/` → not found (a file is never a folder).
///
/// The root is resolved anew for every request, so a build that renames a staging folder into place is
/// seen at once. Every candidate is canonicalised with `realpath` and must lie inside the canonical
/// root: a symlink pointing elsewhere is refused, and the canonical path is what gets opened.
struct SiteResolver: Sendable {
    enum Resolution: Equatable, Sendable {
        case file(path: String, status: FileStatus)
        case redirectToFolder
        case notFound
        case forbidden
    }

    var root: String

    func resolve(_ request: RequestPath) -> Resolution {
        guard let canonicalRoot = FileStatus.canonicalPath(root) else { return .notFound }
        let joined = request.segments.reduce(canonicalRoot) { $0 + "/" + $1 }
        switch FileStatus(path: joined)?.kind {
        case .directory:
            guard let canonical = FileStatus.canonicalPath(joined) else { return .notFound }
            guard FileStatus.isContained(canonical, in: canonicalRoot) else { return .forbidden }
            if !request.segments.isEmpty && !request.hasTrailingSlash { return .redirectToFolder }
            return regularFile(canonical + "/index.html", inside: canonicalRoot)
        case .regular:
            if request.hasTrailingSlash { return .notFound }
            return regularFile(joined, inside: canonicalRoot)
        case .other:
            return .notFound
        case nil:
            guard !request.hasTrailingSlash, !request.segments.isEmpty else { return .notFound }
            for suffix in [".html", ".xhtml"] where FileStatus(path: joined + suffix)?.kind == .regular {
                return regularFile(joined + suffix, inside: canonicalRoot)
            }
            return .notFound
        }
    }

    /// The site's own `404.html` at the top of the served folder, when there is one.
    func notFoundPage() -> Resolution {
        guard let canonicalRoot = FileStatus.canonicalPath(root) else { return .notFound }
        return regularFile(canonicalRoot + "/404.html", inside: canonicalRoot)
    }

    private func regularFile(_ candidate: String, inside canonicalRoot: String) -> Resolution {
        guard let canonical = FileStatus.canonicalPath(candidate) else { return .notFound }
        guard FileStatus.isContained(canonical, in: canonicalRoot) else { return .forbidden }
        guard let status = FileStatus(path: canonical), status.kind == .regular else { return .notFound }
        return .file(path: canonical, status: status)
    }
}
