import Liquid

/// A layout: a template with its own front matter, possibly naming a parent layout.
public struct Layout: Sendable {
    /// The name documents use (`default` for `_layouts/default.html`, `blog/post` for a nested one).
    public var name: String
    /// Absolute path of the file (virtual for layouts a plugin provides).
    public var path: String
    /// Path relative to the site (or theme) root, as errors and `layout.path` show it.
    public var relativePath: String
    public var data: OrderedHash
    public var content: String
    /// The line of the file on which `content` starts.
    public var contentLine: Int

    public init(name: String, path: String, relativePath: String, data: OrderedHash, content: String, contentLine: Int) {
        self.name = name
        self.path = path
        self.relativePath = relativePath
        self.data = data
        self.content = content
        self.contentLine = contentLine
    }

    /// The parent layout's name, if the front matter names one.
    public var parent: String? { data["layout"].flatMap { $0.isNil ? nil : $0.rubyString } }
}
