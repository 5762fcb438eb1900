/// Content types by file extension, for the files a static site commonly holds.
///
/// The choices follow what `jekyll serve` answers for the same files (observed with Jekyll 4.3.1), so a
/// page behaves locally as it did under Jekyll: JavaScript is `application/javascript`, source maps are
/// JSON, and textual types carry the site's encoding as `charset` (Jekyll adds it to `text/*`,
/// JavaScript, JSON and web manifests, and not to XML types).
enum MediaTypes {
    static let fallback = "application/octet-stream"

    /// The `Content-Type` for a file name, with `charset` added where browsers need it.
    static func contentType(forFileName name: String, charset: String) -> String {
        let type = mediaType(forFileName: name)
        return takesCharset(type) ? "\(type); charset=\(charset)" : type
    }

    static func mediaType(forFileName name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        let ext = name[name.index(after: dot)...].lowercased()
        return byExtension[ext] ?? fallback
    }

    static func takesCharset(_ mediaType: String) -> Bool {
        mediaType.hasPrefix("text/") || charsetApplicationTypes.contains(mediaType)
    }

    static func isHTML(_ mediaType: String) -> Bool {
        mediaType == "text/html"
    }

    private static let charsetApplicationTypes: Set<String> = [
        "application/javascript", "application/json", "application/manifest+json",
    ]

    private static let byExtension: [String: String] = [
        // Documents and text
        "html": "text/html", "htm": "text/html", "shtml": "text/html",
        "xhtml": "application/xhtml+xml",
        "css": "text/css",
        "txt": "text/plain", "text": "text/plain", "log": "text/plain", "conf": "text/plain",
        "md": "text/markdown", "markdown": "text/markdown",
        "csv": "text/csv", "tsv": "text/tab-separated-values",
        "ics": "text/calendar", "vcf": "text/vcard", "vtt": "text/vtt",
        "yml": "text/yaml", "yaml": "text/yaml",
        "scss": "text/x-scss", "sass": "text/x-sass", "less": "text/less",
        "xml": "application/xml", "xsl": "application/xml", "xslt": "application/xslt+xml",
        "rss": "application/rss+xml", "atom": "application/atom+xml",
        "pdf": "application/pdf", "rtf": "application/rtf",
        "epub": "application/epub+zip",
        "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text",
        "tex": "application/x-tex", "bib": "text/x-bibtex",
        // Scripts and data
        "js": "application/javascript", "mjs": "application/javascript", "cjs": "application/javascript",
        "json": "application/json", "map": "application/json", "geojson": "application/geo+json",
        "jsonld": "application/ld+json",
        "webmanifest": "application/manifest+json",
        "wasm": "application/wasm",
        // Images
        "png": "image/png", "apng": "image/apng", "gif": "image/gif",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "jpe": "image/jpeg", "jfif": "image/jpeg",
        "webp": "image/webp", "avif": "image/avif", "svg": "image/svg+xml", "svgz": "image/svg+xml",
        "ico": "image/vnd.microsoft.icon", "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff",
        "heic": "image/heic", "jxl": "image/jxl",
        // Fonts
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "eot": "application/vnd.ms-fontobject",
        // Audio and video
        "mp3": "audio/mpeg", "ogg": "audio/ogg", "oga": "audio/ogg", "opus": "audio/opus",
        "wav": "audio/wav", "flac": "audio/flac", "m4a": "audio/mp4", "aac": "audio/aac",
        "mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "ogv": "video/ogg",
        "mov": "video/quicktime", "avi": "video/x-msvideo", "mkv": "video/x-matroska",
        // Archives and binaries
        "zip": "application/zip", "gz": "application/gzip", "tgz": "application/gzip",
        "tar": "application/x-tar", "bz2": "application/x-bzip2", "xz": "application/x-xz",
        "7z": "application/x-7z-compressed", "rar": "application/vnd.rar",
        "bin": "application/octet-stream", "exe": "application/octet-stream",
        "dmg": "application/octet-stream", "iso": "application/octet-stream",
        "apk": "application/vnd.android.package-archive",
        "swf": "application/x-shockwave-flash",
    ]
}
