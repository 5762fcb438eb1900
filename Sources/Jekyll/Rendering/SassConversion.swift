import Liquid
import Sass

/// SCSS and Sass pages through libsass, as jekyll-sass-converter 2.2 (with sassc) compiles them:
/// the `sass:` options `style` (compact by default), `sass_dir`, `load_paths`, `sourcemap`,
/// `line_comments`, `add_charset`; the source map written beside the CSS as `NAME.css.map`.
struct SassConversion: Sendable {
    let source: String
    let style: SassOptions.OutputStyle
    let loadPaths: [String]
    let sourceMapMode: String
    let lineComments: Bool
    let addCharset: Bool
    let precision: Int?
    let environment: String

    init(configuration: Configuration, theme: Theme?) {
        source = configuration.source
        let safe = configuration.safe
        let sass = safe ? OrderedHash() : (configuration["sass"]?.orderedHash ?? OrderedHash())
        let userStyle = sass["style"].map { $0.rubyString.hasPrefix(":") ? String($0.rubyString.dropFirst()) : $0.rubyString }
        style = userStyle.flatMap(SassOptions.OutputStyle.init(rawValue:)) ?? .compact
        let sassDir = (configuration["sass"]?.orderedHash?["sass_dir"]?.rubyString).flatMap { $0.isEmpty ? nil : $0 } ?? "_sass"
        var paths = sass["load_paths"]?.rubyArray.map(\.rubyString) ?? []
        paths.append(Path.relative(Path.sanitized(base: source, sassDir), to: source) ?? sassDir)
        var expanded: [String] = []
        for path in paths {
            let pattern = safe ? Path.sanitized(base: source, path) : Path.expand(path, relativeTo: source)
            for match in SassConversion.glob(pattern) where !expanded.contains(match) { expanded.append(match) }
        }
        if let themeSass = theme?.sassPath { expanded.append(themeSass) }
        loadPaths = expanded.filter { FileSystem.isDirectory($0) }
        sourceMapMode = sass["sourcemap"].map { $0.rubyString.hasPrefix(":") ? String($0.rubyString.dropFirst()) : $0.rubyString } ?? "always"
        lineComments = sass["line_comments"]?.isTruthy ?? false
        addCharset = sass["add_charset"]?.isTruthy ?? false
        precision = sass["precision"].flatMap { if case .int(let i) = $0 { return i } else { return nil } }
        environment = FileSystem.environment("JEKYLL_ENV") ?? "development"
    }

    /// Paths matching a pattern with wildcards (none: the path itself).
    static func glob(_ pattern: String) -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }) else { return [pattern] }
        return FrontMatterDefaults.glob(String(pattern.dropFirst()), source: "/").map { "/" + $0 }
    }

    struct Result {
        var css: String
        /// The source map's JSON, when one is made.
        var sourceMap: String?
        /// The files the compile read (its imports), for an incremental build's records.
        var imports: [String] = []
    }

    /// Whether a page's stylesheet gets a source map (`sass: sourcemap:`).
    var makesSourceMaps: Bool {
        sourceMapMode != "never" && !(sourceMapMode == "development" && environment != "development")
    }

    func convert(_ text: String, syntax: ConverterKind, page: Document) throws(BuildError) -> Result {
        // sassc-ruby returns empty text without compiling it: an empty stylesheet and no map.
        if text.isEmpty { return Result(css: "", sourceMap: nil) }
        // Only pages are associated with the converter; anything else compiles as `stdin`.
        let associated = page.isPage
        let mapRequired = associated && sourceMapMode != "never"
            && (sourceMapMode == "always" || !(sourceMapMode == "development" && environment != "development"))
        var options = SassOptions(syntax: syntax == .sass ? .indented : .scss, style: style, loadPaths: loadPaths,
                                  precision: precision, sourceComments: lineComments)
        if associated {
            // Jekyll names the files relative to the working directory, as if they were at the
            // source's root; the map comes out the same from absolute paths.
            options.inputPath = Path.join(source, page.name)
            options.outputPath = Path.join(source, page.basename + ".css")
            options.sourceMap = SassOptions.SourceMap(file: Path.join(source, page.basename + ".css.map"),
                                                      includeContents: true, omitURL: !mapRequired)
        }
        let output: SassOutput
        do {
            output = try Sass.compile(text, options: options)
        } catch {
            var location: FileLocation?
            var sourceLine: String?
            if let file = error.file, error.line > 0 {
                let isPage = file == options.inputPath
                let shown = isPage ? page.relativePath : (Path.relative(file, to: source) ?? file)
                // The page's own lines are counted after its front matter.
                let line = isPage ? error.line + page.contentLine - 1 : error.line
                location = FileLocation(path: shown, line: line, column: error.column)
                let fileText = isPage ? Optional(text) : (try? FileSystem.read(file)).map { String(decoding: $0, as: UTF8.self) }
                sourceLine = fileText.flatMap { BuildError.line(error.line, of: $0) }
            }
            throw BuildError(error.message, at: location ?? FileLocation(path: page.relativePath, line: page.contentLine),
                             sourceLine: sourceLine, detail: error.formatted)
        }
        var css = output.css
        if css.hasPrefix("\u{FEFF}") {
            css.removeFirst()
            if addCharset { css = "@charset \"UTF-8\";" + css }
        }
        return Result(css: css, sourceMap: associated && mapRequired ? output.sourceMap : nil, imports: output.includedFiles)
    }

    /// Files that would change a page's stylesheet by appearing, given the files its compile
    /// imported. The compiler looks for an import beside the importing file before it looks in
    /// the load paths, and Jekyll names a page's file as if it were at the source's root: a
    /// partial added there (or beside an imported partial outside the load paths) under the name
    /// of one found in a load path (`_colors.scss` for `_sass/_colors.scss`) is read instead, and
    /// one added beside an import under another of its names (`colors.scss` beside
    /// `_colors.scss`) makes the import ambiguous. Partials added inside the load paths change
    /// the load paths' own stamps.
    func shadowingCandidates(of imports: [String]) -> [String] {
        let importers = [source] + imports.compactMap { file in
            loadPaths.contains(where: { file.hasPrefix($0 + "/") }) ? nil : Path.dirname(file)
        }
        var candidates: [String] = []
        for file in imports {
            var name = Path.basenameWithoutExtension(file)
            if name.hasPrefix("_") { name.removeFirst() }
            // the import's other names in its own folder, then in the importers' folders
            var folders = [Path.dirname(file)]
            if let root = loadPaths.first(where: { file.hasPrefix($0 + "/") }) {
                let within = Path.dirname(String(file.dropFirst(root.count + 1)))
                folders += importers.map { within == "." ? $0 : Path.join($0, within) }
            }
            for folder in folders {
                for prefix in ["", "_"] {
                    for ext in [".scss", ".sass", ".css"] {
                        let candidate = Path.join(folder, prefix + name + ext)
                        if candidate != file { candidates.append(candidate) }
                    }
                }
            }
        }
        return candidates
    }
}
