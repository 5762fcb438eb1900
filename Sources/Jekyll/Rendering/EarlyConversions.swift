import Dispatch
import Liquid
import Markdown
import Synchronization

/// Stylesheet pages compiled, and Liquid-free Markdown pages converted (`EarlyMarkdown`), while
/// the rest of the site is still being read.
///
/// libsass is the longest single step of a small site's render (3 of its 8 ms on this
/// repository's own site), and it used to start only when the render reached the stylesheet,
/// leaving the other core idle at the end. A stylesheet page whose body holds no Liquid markup
/// renders to its body unchanged, so it can be compiled as soon as it has been read. The render
/// takes the result only when the text it would compile, its syntax and the page's names are
/// exactly those compiled early; anything else, or an early failure, compiles as before (so
/// errors are reported by the render, once, with their usual location).
final class EarlyConversions: Sendable {
    private struct Input: Equatable {
        var text: String
        var syntax: ConverterKind
        var isPage: Bool
        var name: String
        var basename: String

        init(_ text: String, _ syntax: ConverterKind, _ page: Document) {
            self.text = text
            self.syntax = syntax
            isPage = page.isPage
            name = page.name
            basename = page.basename
        }
    }

    private let compilations = EarlyJobs<Input, SassConversion.Result>()
    private let conversion: SassConversion
    /// Liquid-free Markdown pages the walk converts after it compiles, unless a render took them (nil: none).
    private let markdown: EarlyMarkdown?
    /// The walk of `startLooking`, while it runs.
    private let looking = DispatchGroup()
    /// Whether the walk's thread may still run stylesheets the reader registered, and those
    /// waiting for it: the reader of a small site reaches its stylesheet before the walk's new
    /// thread has listed a folder, and a thread started for that one compile cost another
    /// stack and heap arena for work the walk's thread is about to be free for.
    private let walkTakes = Locked<(open: Bool, waiting: [EarlyJob<Input, SassConversion.Result>])>((false, []))
    /// Jobs for the walk's thread once its conversions are done (`whenIdle`), and whether it still
    /// takes any; the group counts those handed and not yet run.
    private let idleJobs = Locked<(open: Bool, jobs: [@Sendable () -> Void])>((false, []))
    private let idleJobsDone = DispatchGroup()
    /// What a render waiting for a stylesheet compiling on the walk's thread does meanwhile, one
    /// step a call (false: nothing left), instead of sleeping (`workWhileWaiting`).
    private let waitingWork = Locked<(@Sendable () -> Bool)?>(nil)
    /// Whether documents other than the walk's pages may have been converted (`convertAhead`):
    /// only then does the render of a post or an item look for a conversion.
    private let convertsAhead = Atomic<Bool>(false)
    /// Whether the render has begun: `convertAhead` stops before its next document.
    private let aheadStopped = Atomic<Bool>(false)
    /// The documents `convertAhead` has yet to convert, how many more it may convert, and
    /// whether its thread runs.
    private let aheadQueue = Locked<(documents: [Document], allowance: Int, running: Bool)>(([], 0, false))

    /// Whether there is a core to compile on beside the build's: on one core an early compile
    /// gains nothing, and the pool's one thread may be the build's own.
    private let hasSpareCore: Bool
    /// Runs a job on another thread (`ThreadOfItsOwn`; tests hold jobs back).
    private let launch: @Sendable (@escaping @Sendable () -> Void) -> Void

    /// `cores`: those the build runs on (`SiteSetup.workers`). `threadsWaitForExit`: the process
    /// ends after this build, and the threads started here wait for that instead of ending.
    init(conversion: SassConversion, markdown: ContentConverters.MarkdownProcessor? = nil, markdownCache: ConversionCache? = nil,
         cores: Int, threadsWaitForExit: Bool = false,
         launch: (@Sendable (@escaping @Sendable () -> Void) -> Void)? = nil) {
        self.conversion = conversion
        self.markdown = markdown.map { EarlyMarkdown(markdown: $0, cache: markdownCache) }
        hasSpareCore = cores > 1
        self.launch = launch ?? { ThreadOfItsOwn.run($0, waitsForExit: threadsWaitForExit) }
    }

    /// Looks for stylesheet pages in the source tree on another thread, walking it as the reader
    /// does (its entry filter; not into the destination), and compiles each one found there.
    /// This begins before the reader has read anything, so a site's stylesheet is compiled while
    /// the site is read and its other pages are rendered. A page found here that the build does
    /// not render only costs its compile; one the walk misses is still started when it is read.
    /// Folders (and links to folders, as the reader follows them) are told from files by the
    /// listing's entry types, without a `stat` per entry; the compile runs on the walking thread
    /// (a job of its own cost a second pool thread, competing with the walk for the same core).
    /// Then it converts the Liquid-free Markdown pages it found (`EarlyMarkdown`) that no render
    /// has taken yet: a larger site's render reaches them late.
    func startLooking(configuration: Configuration) {
        guard hasSpareCore else { return }
        let filter = EntryFilter(configuration: configuration)
        let converters = ConverterTable(markdownExtensions: configuration.markdownExtensions)
        looking.enter()
        walkTakes.withLock { $0.open = true }
        idleJobs.withLock { $0.open = true }
        launch {
            defer { self.looking.leave() }
            // First the places most sites keep their stylesheet, compiled before the walk lists
            // anything (the walk reached the seed site's 0.5-0.7 ms after it began, and libsass's
            // compile was then the longest step left); the walk passes over those registered.
            for usual in Self.usualStylesheets where Self.walkReaches(usual, filter: filter, configuration: configuration) {
                self.registerFile(source: configuration.source, dir: usual.dir, name: usual.name, syntax: .scss)?.runUnlessClaimed()
            }
            var stylesheets: [(dir: String, name: String, syntax: ConverterKind)] = []
            var pages: [String] = []
            var folders = [""]
            while let dir = folders.popLast() {
                let base = configuration.inSource(dir)
                guard let entries = try? FileSystem.entriesAndFolders(base) else { continue }
                let entryFilter = filter.relativeTo(baseDirectory: base)
                for entry in entries where !entryFilter.rejects(entry.name, in: base) {
                    let name = entry.name
                    if entry.isFolder {
                        let folder = Path.join(dir, name)
                        if configuration.inSource(folder) != configuration.destination { folders.append(folder) }
                        continue
                    }
                    let extname = Path.extname(name)
                    switch extname.lowercased() {
                    case ".scss": stylesheets.append((dir, name, .scss))
                    case ".sass": stylesheets.append((dir, name, .sass))
                    default:
                        if self.markdown != nil, pages.count < 4 * EarlyMarkdown.limit,
                           converters.chain(for: extname) == [.markdown, .identity] {
                            pages.append(Path.sanitized(base: configuration.source, Path.join(dir, name)))
                        }
                    }
                }
            }
            // All registered first, then compiled here with those the reader reached first (it
            // queues them for this thread while the walk runs); a render wanting one converts it
            // itself unless it has begun.
            let compilations = stylesheets.compactMap {
                self.registerFile(source: configuration.source, dir: $0.dir, name: $0.name, syntax: $0.syntax)
            }
            var conversions: [EarlyJob<String, MarkdownOutput>] = []
            for path in pages where conversions.count < EarlyMarkdown.limit {
                if let conversion = self.markdown?.register(path: path) { conversions.append(conversion) }
            }
            // The stylesheets first: libsass's compile is the longest single job, and a render
            // reaching a page before the walk converts it has nothing better to do than convert it.
            for compilation in compilations { compilation.runUnlessClaimed() }
            while let compilation = self.walkTakes.withLock({ taking -> EarlyJob<Input, SassConversion.Result>? in
                guard let next = taking.waiting.popLast() else {
                    taking.open = false
                    return nil
                }
                return next
            }) { compilation.runUnlessClaimed() }
            for conversion in conversions { conversion.runUnlessClaimed() }
            while let job = self.idleJobs.withLock({ idle -> (@Sendable () -> Void)? in
                guard !idle.jobs.isEmpty else {
                    idle.open = false
                    return nil
                }
                return idle.jobs.removeFirst()
            }) {
                job()
                self.idleJobsDone.leave()
            }
        }
    }

    /// Where `jekyll new` and minima (`assets/main.scss`), most themes (`assets/css/main.scss`) and
    /// minima 3 (`assets/css/style.scss`) keep the site's stylesheet, as the walk names folders.
    static let usualStylesheets: [(dir: String, name: String)] = [
        ("/assets/css", "main.scss"), ("/assets", "main.scss"), ("/assets/css", "style.scss"),
    ]

    /// Whether the walk (and the reader, by the same filter) would reach the file `name` in `dir`.
    static func walkReaches(_ file: (dir: String, name: String), filter: EntryFilter, configuration: Configuration) -> Bool {
        var dir = ""
        for part in file.dir.split(separator: "/").map(String.init) + [file.name] {
            let base = configuration.inSource(dir)
            if filter.relativeTo(baseDirectory: base).rejects(part, in: base) { return false }
            dir = Path.join(dir, part)
            if configuration.inSource(dir) == configuration.destination { return false }
        }
        return true
    }

    /// The early conversion of a document's Markdown, if one was made of exactly this text.
    /// Until documents are converted ahead, only the walk's pages are: a post or an item is
    /// turned away before any look-up.
    func markdownResult(for text: String, page: Document) -> MarkdownOutput? {
        guard let markdown, page.isPage || convertsAhead.load(ordering: .acquiring) else { return nil }
        return markdown.result(for: text, path: page.path)
    }

    /// Converts the Markdown of `documents` (given in render order), the last first, on a thread
    /// of its own until the render begins (`stopConvertingAhead`). From the
    /// end of the posts' read to the render the build has mostly one core's work (the rest of
    /// the read, the plugins' `generate`, the snapshot, the staging plan): the other core
    /// converts there what the render would. Only a document whose render converts its body
    /// unchanged (no Liquid markup, no generator) and only Markdown; the render takes a result
    /// only for the same text (a plugin's `generate` may change a document's content). Called
    /// again, it adds its documents to those still waiting (converted before them). At most an
    /// eighth of the documents given (four at least) are converted: the gap is a few per cent of
    /// the build, and a thread left to run on (a starved build thread) would hold every page's
    /// HTML until the render, which writes each as it goes to keep the heap small.
    /// Returns whether the documents were queued (not on one core, nor without kramdown).
    @discardableResult
    func convertAhead(_ documents: [Document], converters table: ConverterTable) -> Bool {
        guard hasSpareCore, let markdown, !documents.isEmpty else { return false }
        convertsAhead.store(true, ordering: .releasing)
        let starts = aheadQueue.withLock { queue in
            queue.documents += documents
            queue.allowance += max(documents.count / 8, 4)
            defer { queue.running = true }
            return !queue.running
        }
        if starts {
            launch {
                while let doc = self.aheadQueue.withLock({ queue -> Document? in
                    guard !self.aheadStopped.load(ordering: .acquiring), queue.allowance > 0,
                          let doc = queue.documents.popLast() else {
                        queue.running = false
                        return nil
                    }
                    return doc
                }) {
                    if doc.generator == nil, table.chain(for: doc.extname) == [.markdown, .identity], !doc.rendersLiquid,
                       let job = markdown.register(path: doc.path, text: doc.content) {
                        self.aheadQueue.withLock { $0.allowance -= 1 }
                        job.runUnlessClaimed()
                    }
                }
            }
        }
        return true
    }

    /// Ends `convertAhead`'s work before its next document: the render has begun (or the build failed).
    func stopConvertingAhead() { aheadStopped.store(true, ordering: .releasing) }

    /// `convertAhead` of the site's documents: the items of its collections but those named, then its pages.
    @discardableResult
    func convertAhead(_ site: Site, except collections: Set<String> = []) -> Bool {
        let documents = site.collections.filter { !collections.contains($0.label) }.flatMap(\.docs) + site.pages
        return convertAhead(documents, converters: site.converters)
    }

    /// Waits until `startLooking`'s walk has run every job it registered: the stylesheets it found,
    /// then the Markdown pages (for tests).
    func waitUntilLooked() { looking.wait() }

    /// Whether the walk converted the Markdown page at `path` (for tests).
    func hasConvertedMarkdown(path: String) -> Bool { markdown?.hasConversion(path: path) ?? false }

    /// Whether the render took the walk's conversion of the Markdown page at `path` (for tests).
    func markdownWasTaken(path: String) -> Bool { markdown?.conversionWasTaken(path: path) ?? false }

    /// Hands `job` to the walk's thread, which runs it once its own conversions are done: a small
    /// site renders on the build's thread alone, and the walk's core is idle from there to the
    /// build's end (the seed site: ~2 of its ~7 ms). False when there is no walk, or it has ended:
    /// the caller runs the job itself.
    func whenIdle(_ job: @escaping @Sendable () -> Void) -> Bool {
        idleJobs.withLock { idle in
            guard idle.open else { return false }
            idleJobsDone.enter()
            idle.jobs.append(job)
            return true
        }
    }

    /// Gives a render that waits for a stylesheet compiling on the walk's thread something to do
    /// meanwhile: a small site renders on one thread, and it reached the seed site's stylesheet
    /// 0-2 ms before libsass was done with it, with static files still to copy.
    func workWhileWaiting(_ step: @escaping @Sendable () -> Bool) {
        waitingWork.withLock { $0 = step }
    }

    /// Runs here the jobs `whenIdle` handed to the walk's thread that it has not begun (it is
    /// still converting), waits for the one it runs, and takes no more: the build's thread would
    /// otherwise wait for the walk's longest job, a stylesheet's compile, to end first.
    func finishIdleJobs() {
        let left = idleJobs.withLock { idle in
            defer { idle = (false, []) }
            return idle.jobs
        }
        for job in left {
            job()
            idleJobsDone.leave()
        }
        idleJobsDone.wait()
    }

    /// Whether a compilation was registered for the file at `path` (for tests).
    func hasStarted(path: String) -> Bool { compilations.has(path: path) }

    /// Whether the compilation registered for the file at `path` has run or is running (for tests).
    func hasCompiled(path: String) -> Bool { compilations.wasClaimed(path: path) }

    /// A stylesheet file as the reader would make its page, if it has front matter, registered to be
    /// compiled here.
    private func registerFile(source: String, dir: String, name: String, syntax: ConverterKind) -> EarlyJob<Input, SassConversion.Result>? {
        let path = Path.sanitized(base: source, Path.join(dir, name))
        guard let text = try? SourceText.read(path, displayPath: path), let split = FrontMatterSplit.split(text) else { return nil }
        let page = Document(kind: .page, path: path, relativePath: Path.join(dir, name).droppingLeadingSlash, name: name,
                            directory: dir, data: OrderedHash(), defaults: OrderedHash(), content: String(split.body),
                            contentLine: split.bodyLine)
        return register(page, chain: [syntax, .identity])
    }

    /// What the reader calls with each page it reads: the site's converters name its chain.
    func starter(for converters: ConverterTable) -> (Document) -> Void {
        { page in self.start(page, chain: converters.chain(for: page.extname)) }
    }

    /// Starts compiling `page` on another thread if it is a stylesheet whose render is its body:
    /// the walk's, once it has compiled what it found, or a new one after that.
    func start(_ page: Document, chain: [ConverterKind]) {
        guard let compilation = register(page, chain: chain) else { return }
        let waits = walkTakes.withLock { taking in
            if taking.open { taking.waiting.insert(compilation, at: 0) }
            return taking.open
        }
        if !waits { launch { compilation.runUnlessClaimed() } }
    }

    /// A new compilation of `page` if it is a stylesheet whose render is its body (and none was
    /// registered for its path yet), not yet started.
    private func register(_ page: Document, chain: [ConverterKind]) -> EarlyJob<Input, SassConversion.Result>? {
        guard hasSpareCore, chain.count == 2, chain[0] == .scss || chain[0] == .sass, chain[1] == .identity,
              !page.content.isEmpty, !page.rendersLiquid else { return nil }
        let conversion = conversion, syntax = chain[0]
        return compilations.register(path: page.path, Input(page.content, syntax, page), work: {
            return try? conversion.convert(page.content, syntax: syntax, page: page)
        })
    }

    /// The early result for exactly this compilation, waiting for it if it is still running.
    /// Not started yet (its thread is busy): compiled here rather than waited for.
    func stylesheetResult(for text: String, syntax: ConverterKind, page: Document) -> SassConversion.Result? {
        let input = Input(text, syntax, page)
        let work = waitingWork.withLock { $0 }
        return compilations.result(path: page.path, same: { $0 == input }, whileWaiting: work)
    }
}
