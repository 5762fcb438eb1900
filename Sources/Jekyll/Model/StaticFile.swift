import Liquid

/// A file copied to the site as it is: anything without front matter outside the special folders,
/// and the files of collections.
public struct StaticFile: Sendable {
    /// Absolute source path.
    public var path: String
    /// `/assets/app.js` for site files, `_recipes/photo.jpg` for collection files (Jekyll's forms).
    public var relativePath: String
    public var name: String
    public var extname: String
    /// The collection it belongs to, if any.
    public var collection: String?
    /// Destination URL (`/assets/app.js`).
    public var url: String
    /// Front matter defaults that apply to it (`sitemap: false` and the like).
    public var data: OrderedHash
    public var modificationTime: TimeValue
    /// Whether it is written (`published: false` in defaults, or a collection without output).
    public var isWritten: Bool

    /// The name without extension and trailing dots.
    public var basename: String {
        let base = extname.isEmpty ? name : String(name.dropLast(extname.count))
        return base.trimmingTrailingDots
    }

    /// The destination path relative to the site's output folder.
    public var destinationPath: String {
        Path.sanitized(base: "/", URLPath.unescape(url)).droppingLeadingSlash
    }
}

extension String {
    var droppingLeadingSlash: String {
        var slashes = 0
        for byte in utf8 {
            guard byte == UInt8(ascii: "/") else { break }
            slashes += 1
        }
        return slashes == 0 ? self : String(Substring(utf8.dropFirst(slashes)))
    }
}
