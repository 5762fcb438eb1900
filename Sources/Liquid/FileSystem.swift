/// A partial's source as a file system returns it.
public struct TemplateSource: Sendable {
    public var source: String
    /// The name errors refer to (a path).
    public var name: String
    /// Line number of the first line of `source` in its file.
    public var firstLine: Int

    public init(source: String, name: String, firstLine: Int = 1) {
        self.source = source
        self.name = name
        self.firstLine = firstLine
    }
}

/// Where `include` and `render` find partials. Called from many renders at once: must be thread-safe.
public protocol TemplateFileSystem: Sendable {
    /// What a name refers to, without reading it, for the partial cache (a path; by default the
    /// name itself). Names meaning different files in different contexts need different keys.
    func cacheKey(forTemplateNamed name: String, context: RenderContext) -> String

    /// The source of the partial named in the tag; throw a `LiquidError` of kind `.fileSystem` when
    /// there is none.
    func readTemplate(named name: String, context: RenderContext) throws -> TemplateSource
}

extension TemplateFileSystem {
    public func cacheKey(forTemplateNamed name: String, context: RenderContext) -> String { name }
}

/// Partials from memory, by name (tests, the golden-liquid harness).
public struct MemoryFileSystem: TemplateFileSystem {
    public var templates: [String: String]

    public init(_ templates: [String: String]) {
        self.templates = templates
    }

    public func readTemplate(named name: String, context: RenderContext) throws -> TemplateSource {
        guard let source = templates[name] else {
            throw LiquidError(.fileSystem, "Could not find template '\(name)'")
        }
        return TemplateSource(source: source, name: name)
    }
}

/// Parsed partials, shared by the renders of one build (ruby-liquid caches per render, Jekyll
/// per site). Thread-safe. Parse failures are not cached.
public final class PartialCache: @unchecked Sendable {
    private let lock = PlatformLock()
    private var templates: [String: Template] = [:]

    public init() {}

    /// The parsed partial for a cache key, parsing it with `parse` the first time. A key keeps
    /// the template first stored for it (two renders may parse it at once), so that renders may
    /// keep what it gave them (`RenderSession.restart`).
    public func template(forKey key: String, parse: () throws -> Template) throws -> Template {
        if let t = lock.withLock({ templates[key] }) { return t }
        let parsed = try parse()
        return lock.withLock {
            if let first = templates[key] { return first }
            templates[key] = parsed
            return parsed
        }
    }
}

extension RenderContext {
    /// Loads and parses a partial through the environment's file system and the partial cache.
    public func loadPartial(named name: String) throws -> Template {
        // Through the session, not `environment` (a copy of the whole environment each time).
        guard let fileSystem = session.environment.fileSystem else {
            throw LiquidError(.fileSystem, "This liquid context does not allow includes.")
        }
        let key = fileSystem.cacheKey(forTemplateNamed: name, context: self)
        return try session.partial(forKey: key) {
            let source = try fileSystem.readTemplate(named: name, context: self)
            return try Template.parse(source.source, name: source.name, firstLine: source.firstLine, environment: session.environment)
        }
    }
}

extension RenderContext {
    /// Renders a partial in this context the way `include` does: loaded through the file system,
    /// in a new scope (prepared by `setUp`, e.g. with parameters), with errors naming the partial
    /// and listing the include chain.
    public func includePartial(
        named name: String, into output: inout OutputBuffer, setUp: () throws -> Void,
        render: ((Template, inout OutputBuffer) throws -> Void)? = nil
    ) throws {
        if let render {
            try includePartial(named: name, into: &output, setUp: setUp, rendering: render)
        } else {
            try includePartial(named: name, into: &output, setUp: setUp) { partial, output in
                try partial.render(into: &output, context: self)
            }
        }
    }

    /// `includePartial` with a closure that does not escape (nothing captured is copied to the
    /// heap on each include).
    func includePartial(
        named name: String, into output: inout OutputBuffer, setUp: () throws -> Void,
        rendering render: (Template, inout OutputBuffer) throws -> Void
    ) throws {
        includeChain.append(currentLocation)
        defer { includeChain.removeLast() }
        let partial: Template
        do {
            partial = try loadPartial(named: name)
        } catch {
            throw withIncludeChain(error, includeChain)
        }
        let outerName = templateName
        let outerPosition = currentPosition
        templateName = partial.name
        defer {
            templateName = outerName
            currentPosition = outerPosition
        }
        try checkDepth(extra: 1)
        scopes.push()
        defer { scopes.pop() }
        try setUp()
        try render(partial, &output)
    }
}
