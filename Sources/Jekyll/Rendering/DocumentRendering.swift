import Liquid

extension BuildContext {
    /// Renders every document — in Jekyll's order, on all cores — and returns what is written, in
    /// the order Jekyll writes it: pages (then the files converters made beside them, which Jekyll
    /// adds as pages while rendering), then collection items. Without `keptOutputs`, only the
    /// documents rendered (a patch leaves the others in place).
    func renderAll(workers: Int, progress: BuildProgress? = nil,
                   keptOutputs: Bool = true) throws(BuildError) -> (pages: [OutputFile], items: [OutputFile]) {
        let failure = Locked<BuildError?>(nil)
        // Pages go to the staging folder straight from their layouts' buffer unless a plugin may
        // rewrite outputs (then each page is a `String` for its `postRender`): decided once a build.
        let buffersStaged = plugins.contains(where: \.rewritesOutput) ? nil : stagedOutputs
        OwnCores.perform(workers: max(1, workers)) { _ in
            // One render context for all of this worker's renders (see `RenderContextReuse`).
            let reuse = RenderContextReuse()
            while failure.withLock({ $0 == nil }), let id = state.nextDocument() {
                if reusable.contains(id) {
                    state.deferDocument(id)
                    continue
                }
                do throws(BuildError) {
                    var result = try render(id, writingInto: buffersStaged, reusing: reuse)
                    if !result.isStaged, let output = result.output, try stagedOutputs?.write(id, output) == true {
                        result.output = nil
                        result.isStaged = true
                    }
                    state.finish(id, result)
                    progress?.advance()
                } catch {
                    state.abandon(id)
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
            // No document left to take: copy static files while the others finish theirs.
            guard let staged = stagedOutputs else { return }
            while failure.withLock({ $0 == nil }) {
                do throws(BuildError) {
                    guard try staged.copyNextStaticFile() else { break }
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        @Sendable func output(_ id: Int) -> OutputFile? {
            // read once: each read takes the slot's lock and copies the result
            let result = state.finalResult(id)
            guard keptOutputs || result != nil else { return nil }
            let doc = site.documents[id]
            guard site.isWritten(doc) else { return nil }
            // A source map exists only if its stylesheet made one.
            if let source = doc.derivedFrom, state.finalResult(source)?.sourceMap == nil, !reusable.contains(source) {
                return nil
            }
            if result?.isStaged == true, let file = stagedOutputs?.file(of: id) {
                return OutputFile(path: doc.destinationPath, content: .copy(from: file), origin: origin(of: doc),
                                  mayReplace: doc.generator == "jekyll-redirect-from")
            }
            guard let output = result?.output else {
                // Kept from the previous build.
                guard reusable.contains(id) else { return nil }
                let previous = Path.join(site.configuration.destination, doc.destinationPath)
                return OutputFile(path: doc.destinationPath, content: .copy(from: previous), origin: doc.relativePath)
            }
            return OutputFile(path: doc.destinationPath, content: .text(output), origin: origin(of: doc),
                              mayReplace: doc.generator == "jekyll-redirect-from")
        }
        // Jekyll names pages by their `path`, items by their full path.
        @Sendable func origin(of doc: Document) -> String {
            doc.isPage ? (doc.data["path"]?.rubyString ?? doc.relativePath) : doc.path
        }
        // Listed on both cores, half the documents each: the render has ended, the build is one core's again.
        let count = site.documents.count
        let (first, second) = TwoCores.both(cores: workers, { (0..<count / 2).map(output) },
                                            { (count / 2..<count).map(output) })
        let outputs = first + second
        let pages = site.pageIDs.compactMap { outputs[$0] }
        let items = site.collections.flatMap { $0.documentIDs.compactMap { outputs[$0] } }
        return (pages, items)
    }

    /// One document: Liquid in its content, its converters, then its layouts, innermost first.
    /// With `staged` (given only when no plugin rewrites outputs), an output that goes into the
    /// staging folder as it is rendered is written there from the outermost layout's buffer (the
    /// result then holds no output). `reuse` holds the render context of the worker's renders.
    func render(_ id: Int, writingInto staged: StagedOutputs? = nil,
                reusing reuse: RenderContextReuse? = nil) throws(BuildError) -> RenderState.Result {
        let doc = site.documents[id]
        site.logger.debug("Rendering:", doc.relativePath)
        if let source = doc.derivedFrom {
            // A source map page: its stylesheet's map, nothing else.
            let map = result(of: source, seenFrom: id)?.sourceMap ?? ""
            return RenderState.Result(converted: map, output: map)
        }
        let page: Value = doc.isPage ? .drop(PageDrop(site: site, id: id, frozenContent: doc.content)) : drop(id)
        var payload = basePayload(page: page, document: doc)
        payload.set(PayloadKeys.layout, to: initialLayoutData[id].map(Value.hash) ?? Value.nil)
        if let source = layoutContentSource[id] {
            payload.set(PayloadKeys.content, to: .drop(LeakedContent(build: self, source: source, viewer: id)))
        }
        // One set of options (and so one `RenderScope`) for the document's own template and all
        // its layouts, not one for each render.
        let renderOptions = options(viewer: id)
        var output = doc.content
        if let name = doc.generator, let plugin = plugins.first(where: { $0.name == name }),
           let generated = try plugin.content(of: id, scope: RenderScope(build: self, viewer: id)) {
            if !plugin.recordsReads { dependencies.siteUsed(by: id) }
            output = generated
        } else if doc.rendersLiquid {
            let template = try documentTemplate(doc)
            output = try renderTemplateOutput(template, payload: payload, options: renderOptions, reusing: reuse,
                                              source: doc.content, firstLine: doc.contentLine, path: doc.displayPath).string
        }
        let converted = try converters.convert(output, chain: site.converters.chain(for: doc.extname), page: doc)
        if !converted.markdownWarnings.isEmpty { report(converted.markdownWarnings, in: doc, markdown: output) }
        // Recorded as its includes are: a stylesheet is kept while the files it imported are as they were.
        for file in converted.stylesheetImports { dependencies.include(file, by: id) }
        if dependencies.records, doc.isPage, !converted.stylesheetImports.isEmpty {
            for file in converters.sass.shadowingCandidates(of: converted.stylesheetImports) { dependencies.mayAppear(file, by: id) }
        }
        output = converted.text
        state.converted(id, output)
        let contentAfterConversion = output
        var lastLayoutInput: String?
        if doc.placedInLayout {
            let keepsInput = layoutInputMayBeRead(from: id)
            let placed = try placeInLayouts(output, doc: doc, payload: &payload, options: renderOptions,
                                            reusing: reuse, keepingLastInput: keepsInput)
            lastLayoutInput = keepsInput ? placed.lastInput : nil
            if let buffer = placed.buffer {
                if let staged, staged.isStaged(id), let written = try staged.write(id, buffer, holding: contentAfterConversion) {
                    if let content = written.content {
                        excerpts.readOffNow(id, build: self)
                        return RenderState.Result(convertedIn: content, lastLayoutInput: lastLayoutInput,
                                                  sourceMap: converted.sourceMap)
                    }
                    return RenderState.Result(converted: contentAfterConversion, output: nil, isStaged: true,
                                              lastLayoutInput: lastLayoutInput, sourceMap: converted.sourceMap)
                }
                output = buffer.string
            }
        }
        for plugin in plugins {
            output = try plugin.postRender(output, document: doc, site: site)
        }
        return RenderState.Result(converted: contentAfterConversion, output: output, lastLayoutInput: lastLayoutInput,
                                  sourceMap: converted.sourceMap)
    }

    /// The variables every render starts with: a copy of the build's starting payload (setting
    /// `page` copies its values, where making it anew hashed and inserted ten keys a render).
    func basePayload(page: Value, document: Document?) -> OrderedHash {
        let markdown = document.map { site.converters.chain(for: $0.extname).first == .markdown } ?? false
        var payload = startingPayloads[markdown ? 1 : 0]
        payload.set(PayloadKeys.page, to: page)
        for (key, value) in document?.variables.pairs ?? OrderedHash().pairs { payload[key] = value }
        return payload
    }

    /// The output through the layout chain — the buffer the outermost layout rendered into, nil
    /// when no layout applies (the output is `content`) —, and what that layout got as `content`
    /// (nil unless `keepingLastInput` when it was an inner layout's buffer: see below).
    func placeInLayouts(_ content: String, doc: Document, payload: inout OrderedHash, options: RenderOptions,
                        reusing reuse: RenderContextReuse?,
                        keepingLastInput: Bool) throws(BuildError) -> (buffer: OutputBuffer?, lastInput: String?) {
        let name = doc.layoutName
        // A layout's chain starts with the layout itself: only a missing one has an empty chain
        // (so the layouts are not looked up by name a second time for every document).
        let chain = name.map { layoutChain(named: $0, options: options) } ?? []
        if let name, chain.isEmpty, name != "none" {
            site.logger.warn("Build Warning:", "Layout '\(name)' requested in \(doc.relativePath) does not exist.")
        }
        var output = content
        var buffer: OutputBuffer?
        var lastInput: String?
        for step in chain {
            let template = try step.template.get()
            var innerBytes = 0
            if let inner = buffer, !keepingLastInput, step.printsContentOnlyPlainly {
                // The inner layout's output goes into this one's as its runs (its bytes copied,
                // the post's held text held again), not joined into a `String` that is copied
                // into this output once more.
                payload.set(PayloadKeys.content, to: .drop(RenderedOutput(inner)))
                lastInput = nil
                innerBytes = inner.copiedCount
            } else {
                if let inner = buffer { output = inner.string }
                payload.set(PayloadKeys.content, to: .string(output))
                lastInput = output
            }
            payload.set(PayloadKeys.layout, to: .hash(step.data))
            do {
                // Room for what the layout's includes add (a page's head, navigation and footer
                // are a few KiB), so the output is not grown and copied on the way; a long
                // `content` is held by the output, not copied into it. Not more: with the
                // layout's own text the buffer stays within jemalloc's small size classes
                // (up to 14 KiB), whose allocation is a fraction of a large one's.
                buffer = try renderTemplateOutput(template, payload: payload, options: options, reusing: reuse,
                                                  source: step.layout.content,
                                                  firstLine: step.layout.contentLine, path: step.layout.relativePath,
                                                  additionalCapacity: 8 * 1024 + innerBytes)
            } catch {
                throw error.adding(frame: "in layout \(step.layout.relativePath), rendering \(doc.relativePath)")
            }
        }
        return (buffer, lastInput)
    }

    /// The layouts from the one named `name` outwards, made once a build: each parsed (or its
    /// error, thrown when a document reaches it) and, but for the first, which never gets an
    /// inner layout's output, whether it prints `content` only plainly (`{{ content }}`, in it
    /// and in its includes): then it can take that output as its buffer (`RenderedOutput`)
    /// rather than joined into a `String`. Worked out with the options of the first document
    /// that asks.
    func layoutChain(named name: String, options: @autoclosure () -> RenderOptions) -> [LayoutStep] {
        layoutChains.chain(named: name) {
            var steps: [LayoutStep] = []
            var data: OrderedHash?
            for layout in LayoutLeak.chain(named: name, in: site.layouts) {
                data = layout.data.deepMerged(with: data ?? OrderedHash())
                let template = Result { () throws(BuildError) -> Template in
                    try layoutTemplates.template(layout.path) { () throws(BuildError) -> Template in
                        try parse(layout.content, name: layout.relativePath, firstLine: layout.contentLine)
                    }
                }
                var plain = false
                if !steps.isEmpty, !keepsEveryLayoutInput, case .success(let parsed) = template {
                    plain = parsed.readsOnlyInPlainOutputs("content", options: options())
                }
                steps.append(LayoutStep(layout: layout, data: data!, template: template,
                                        printsContentOnlyPlainly: plain))
            }
            return steps
        }
    }

    /// An item's or page's excerpt: Liquid (with the excerpt as `page`) and the document's converters, no layout.
    func renderExcerpt(id: Int, source: String) throws -> String {
        let doc = site.documents[id]
        var text = source
        let rendersLiquid = doc.value("render_with_liquid") != .bool(false) && !doc.isYAML && doc.extname != ".coffee"
            && Document.hasLiquidConstruct(source)
        if rendersLiquid {
            let page: any Drop = doc.isPage ? PageDrop(site: site, id: id, frozenContent: nil, inExcerpt: true)
                : ExcerptDrop(site: site, id: id, content: source)
            let payload = basePayload(page: .drop(page), document: doc)
            let template = try parse(source, name: doc.displayPath, firstLine: doc.contentLine)
            text = try renderTemplate(template, payload: payload, options: options(viewer: -1, document: id),
                                      source: source, firstLine: doc.contentLine, path: doc.displayPath)
        }
        return try converters.convert(text, chain: site.converters.chain(for: doc.extname), page: doc).text
    }

    /// How Jekyll names a template in its messages: pages by their relative path, layouts and
    /// collection items by their full path.
    func jekyllPath(_ path: String) -> String {
        if site.pageIDs.contains(where: { site.documents[$0].relativePath == path }) { return path }
        if let layout = site.layouts.values.first(where: { $0.relativePath == path }) { return layout.path }
        if let doc = site.documents.first(where: { $0.relativePath == path }) { return doc.path }
        return path.hasPrefix("/") ? path : Path.join(site.configuration.source, path)
    }

    /// A document's own template. Documents of the same source, name and first line (the pages
    /// jekyll-paginate makes of one `index.html`) share one parse; each logs its warnings, as
    /// Jekyll does on every render.
    func documentTemplate(_ doc: Document) throws(BuildError) -> Template {
        let name = doc.displayPath, firstLine = doc.contentLine
        let key = DocumentSource(name: name, firstLine: firstLine, content: doc.content)
        let template = try documentTemplates.template(key) { () throws(BuildError) -> Template in
            try parse(doc.content, name: name, firstLine: firstLine, logsWarnings: false)
        }
        logWarnings(of: template, name: name, firstLine: firstLine)
        return template
    }

    func parse(_ source: String, name: String, firstLine: Int, logsWarnings: Bool = true) throws(BuildError) -> Template {
        do {
            let template = try Template.parse(source, name: name, firstLine: firstLine, environment: environment)
            if logsWarnings { logWarnings(of: template, name: name, firstLine: firstLine) }
            return template
        } catch {
            throw LiquidErrors.buildError(error, source: source, firstLine: firstLine, path: name,
                                          siteSource: site.configuration.source, jekyllPath: jekyllPath(name))
        }
    }

    private func logWarnings(of template: Template, name: String, firstLine: Int) {
        for warning in template.warnings {
            let line = warning.location.map { $0.line - firstLine + 1 }
            site.logger.warn("Liquid Warning:", LiquidErrors.jekyllMessage(warning, line: line, template: nil, path: name))
        }
    }

    func renderTemplate(_ template: Template, payload: OrderedHash, options: RenderOptions, source: String,
                        firstLine: Int, path: String, additionalCapacity: Int = 0) throws(BuildError) -> String {
        try renderTemplateOutput(template, payload: payload, options: options, source: source,
                                 firstLine: firstLine, path: path, additionalCapacity: additionalCapacity).string
    }

    /// `renderTemplate`'s output as the buffer it was rendered into.
    func renderTemplateOutput(_ template: Template, payload: OrderedHash, options: RenderOptions,
                              reusing reuse: RenderContextReuse? = nil, source: String, firstLine: Int, path: String,
                              additionalCapacity: Int = 0) throws(BuildError) -> OutputBuffer {
        var options = options
        options.additionalOutputCapacity = additionalCapacity
        do {
            guard let profile else { return try template.renderOutput(.hash(payload), options: options, reusing: reuse) }
            let start = ContinuousClock.now
            let output = try template.renderOutput(.hash(payload), options: options, reusing: reuse)
            let elapsed = ContinuousClock.now - start
            profile.record(path, bytes: output.count,
                           seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            return output
        } catch {
            throw LiquidErrors.buildError(error, source: source, firstLine: firstLine, path: path,
                                          siteSource: site.configuration.source, jekyllPath: jekyllPath(path))
        }
    }
}

/// Liquid's errors as build errors: located in the file they happened in, with its line of text,
/// and the includes that led there; with the line Jekyll logs (`Liquid Exception: …`).
enum LiquidErrors {
    /// `path` names the template being rendered (relative to the site); `jekyllPath` is how Jekyll
    /// names it after "in" (absolute for layouts and collection items).
    static func buildError(_ error: LiquidError, source: String, firstLine: Int, path: String,
                           siteSource: String, jekyllPath: String? = nil) -> BuildError {
        if let underlying = error.underlying as? BuildError { return underlying }
        var message = error.message
        if let context = error.markupContext { message += " " + context }
        guard let location = error.location else {
            var result = BuildError(message, at: FileLocation(path: path, line: firstLine), detail: error.description)
            result.jekyllLine = ("Liquid Exception:", jekyllMessage(error, line: nil, template: nil, path: jekyllPath ?? path))
            return result
        }
        let file = location.templateName ?? path
        let inInclude = file != path
        var text: String? = nil
        if !inInclude {
            text = BuildError.line(location.line - firstLine + 1, of: source)
        } else if let included = try? SourceText.read(file.hasPrefix("/") ? file : Path.join(siteSource, file), displayPath: file) {
            text = BuildError.line(location.line, of: included)
        }
        var result = BuildError(message, at: FileLocation(path: file, line: location.line, column: location.column),
                                sourceLine: text, detail: error.description)
        for frame in error.includeChain.reversed() {
            let name = frame.templateName ?? path
            result.chain.append("included from \(name):\(frame.line):\(frame.column)")
        }
        // Jekyll counts lines from the end of the front matter, and names includes by full path.
        let jekyllLineNumber = inInclude ? location.line : location.line - firstLine + 1
        let template = inInclude ? (file.hasPrefix("/") ? file : Path.join(siteSource, file)) : nil
        result.jekyllLine = ("Liquid Exception:", jekyllMessage(error, line: jekyllLineNumber, template: template,
                                                                 path: jekyllPath ?? path))
        return result
    }

    /// ruby-liquid's message as Jekyll prints it: `Liquid error (line 3): … in index.html`.
    /// An exception of Ruby's or Jekyll's own (`NoMethodError`, Jekyll's invalid date) is not a
    /// Liquid error: Liquid's strict render lets it through, so Jekyll prints its bare message.
    static func jekyllMessage(_ error: LiquidError, line: Int?, template: String?, path: String) -> String {
        if error.kind == .internal, error.underlying == nil { return error.message + " in " + path }
        var s = error.kind == .syntax ? "Liquid syntax error" : "Liquid error"
        if let line {
            s += " (" + (template.map { $0 + " " } ?? "") + "line \(line))"
        }
        s += ": " + error.message
        if let context = error.markupContext {
            s += " " + context
        } else if template != nil {
            s += " included"
        }
        return s + " in " + path
    }
}
