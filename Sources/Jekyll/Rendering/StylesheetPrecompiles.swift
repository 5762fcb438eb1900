import Dispatch

/// Stylesheet pages compiled on an idle core while the build is still reading the site.
///
/// libsass needs ~3 ms of CPU for even a small theme, and a stylesheet is otherwise compiled only
/// once rendering starts; on a small site it is then the last thing the build waits for. So, as
/// soon as the configuration is known, a background walk of the folders the reader will visit looks
/// for `.scss`/`.sass` files with front matter and no Liquid (whose text is therefore what the
/// converter will get) and compiles them. The render takes a result only for the same page and the
/// very same text and syntax, so a guess that turns out wrong costs CPU on the idle core, never a
/// different output; errors are left for the render to report.
final class StylesheetPrecompiles: Sendable {
    /// One compile, started or done; the text and syntax it was made from.
    private final class Entry: @unchecked Sendable {
        let text: String
        let syntax: ConverterKind
        let done = DispatchSemaphore(value: 0)
        /// Set once before `done` is signalled.
        var result: SassConversion.Result?

        init(text: String, syntax: ConverterKind) {
            self.text = text
            self.syntax = syntax
        }
    }

    /// By the page's path relative to the source.
    private let entries = Locked<[String: Entry]>([:])
    /// Entered by `start` until the walk has registered every stylesheet it found, so that `take`
    /// never misses one the walk has yet to reach.
    private let listing = DispatchGroup()
    /// Left when the walk and its compiles are over.
    private let walking = DispatchGroup()
    /// At most this many folder entries are looked at: the walk must stay cheap on large sites.
    private static let entryLimit = 2_000
    private static let depthLimit = 4

    /// Starts the walk and the compiles on a background thread.
    func start(configuration: Configuration, sass: SassConversion) {
        listing.enter()
        walking.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            var found: [(relativePath: String, name: String, entry: Entry, line: Int)] = []
            var budget = Self.entryLimit
            walk("", depth: 0, configuration: configuration, filter: EntryFilter(configuration: configuration),
                 budget: &budget, found: &found)
            entries.withLock { for stylesheet in found { $0[stylesheet.relativePath] = stylesheet.entry } }
            listing.leave()
            for stylesheet in found {
                let entry = stylesheet.entry, name = stylesheet.name
                let basename = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
                entry.result = try? sass.convert(entry.text, syntax: entry.syntax, name: name, basename: basename,
                                                 isPage: true, relativePath: stylesheet.relativePath, contentLine: stylesheet.line)
                entry.done.signal()
            }
            walking.leave()
        }
    }

    /// Waits for the walk that `start` began and its compiles (for tests).
    func waitForWalk() { walking.wait() }

    /// Whether a compile for the page was found and not yet taken (for tests).
    func isRegistered(_ relativePath: String) -> Bool {
        listing.wait()
        return entries.withLock { $0[relativePath] != nil }
    }

    /// The compiled stylesheet for a page, when it was compiled from exactly `text` as `syntax`;
    /// waits for a compile still under way. Each result is handed out once.
    func take(relativePath: String, text: String, syntax: ConverterKind) -> SassConversion.Result? {
        listing.wait()
        guard let entry = entries.withLock({ $0.removeValue(forKey: relativePath) }),
              entry.syntax == syntax, entry.text == text else { return nil }
        entry.done.wait()
        return entry.result
    }

    private func walk(_ dir: String, depth: Int, configuration: Configuration, filter: EntryFilter, budget: inout Int,
                      found: inout [(relativePath: String, name: String, entry: Entry, line: Int)]) {
        let base = configuration.inSource(dir)
        guard budget > 0, base != configuration.destination,
              let names = try? FileSystem.entriesInDirectoryOrder(base) else { return }
        budget -= names.count
        for name in filter.relativeTo(baseDirectory: base).filter(names, in: base) {
            let relative = dir.isEmpty ? name : dir + "/" + name
            let full = Path.join(base, name)
            if FileSystem.isDirectory(full) {
                if depth < Self.depthLimit {
                    walk(relative, depth: depth + 1, configuration: configuration, filter: filter, budget: &budget, found: &found)
                }
                continue
            }
            let syntax: ConverterKind
            if name.hasSuffix(".scss") { syntax = .scss } else if name.hasSuffix(".sass") { syntax = .sass } else { continue }
            // Only a text with front matter is a page, and only one without Liquid reaches the
            // converter unchanged.
            guard let text = try? SourceText.read(full, displayPath: relative),
                  let split = FrontMatterSplit.split(text) else { continue }
            let body = String(split.body)
            guard !ByteSearch.hasLiquidConstruct(body) else { continue }
            found.append((relative, name, Entry(text: body, syntax: syntax), split.bodyLine))
        }
    }
}
