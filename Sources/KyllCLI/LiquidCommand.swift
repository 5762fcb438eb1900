import ArgumentParser
import JekyllLiquid
import Liquid

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#endif

/// `kyll liquid`: the Liquid engine on its own. `render` renders a template file; `--jsonl`
/// speaks the JSON-lines protocol of golden-liquid's harness (one request per line on stdin,
/// one answer per line on stdout).
struct LiquidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liquid",
        abstract: "Render Liquid templates, or serve the golden-liquid JSON-lines protocol.",
        subcommands: [LiquidProtocolCommand.self, LiquidRenderCommand.self],
        defaultSubcommand: LiquidProtocolCommand.self
    )
}

/// `kyll liquid --jsonl [--jekyll]` (the default subcommand, so its flags follow `liquid`).
struct LiquidProtocolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-jsonl",
        abstract: "Answer golden_harness.py's JSON-lines requests on stdin/stdout."
    )

    @Flag(help: "Read JSON-lines requests {template, data, templates, mode, strict_errors} from stdin.")
    var jsonl = false

    @Flag(help: "Jekyll's flavour: its where, sort and find filters (Liquid's include stays, as in the reference adapter).")
    var jekyll = false

    func run() throws {
        guard jsonl else { throw CleanExit.helpRequest(LiquidCommand.self) }
        var base = LiquidEnvironment.standard
        if jekyll { JekyllFlavor.registerFilters(into: &base) }
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy(\.isWhitespace) { continue }
            let response = Self.answer(line, base: base)
            writeLine(JSON.string(response))
        }
    }

    /// One request: `{"output": …}` or `{"error": …}`.
    static func answer(_ line: String, base: LiquidEnvironment) -> Value {
        do {
            let request = try JSON.parse(line)
            guard case .hash(let r) = request else { return ["error": "request is not an object"] }
            var env = base
            switch r["mode"]?.stringValue {
            case "strict"?, "strict2"?: env.errorMode = .strict
            case "warn"?: env.errorMode = .warn
            default: env.errorMode = .lax
            }
            var partials: [String: String] = [:]
            if case .hash(let t)? = r["templates"] {
                for (k, v) in t.pairs { partials[k.rubyString] = v.rubyString }
            }
            env.fileSystem = MemoryFileSystem(partials)
            let template = try Template.parse(r["template"]?.rubyString ?? "", environment: env)
            let data = r["data"] ?? .hash(OrderedHash())
            if r["strict_errors"]?.isTruthy == true {
                return ["output": .string(try template.render(data))]
            }
            return ["output": .string(try template.renderCollectingErrors(data).output)]
        } catch {
            return ["error": .string(String(describing: error))]
        }
    }
}

/// `kyll liquid render TEMPLATE [--data FILE.json] [--strict]`
struct LiquidRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a Liquid template file and print the result."
    )

    @Argument(help: "The template file.")
    var template: String

    @Option(help: "A JSON file with the variables (YAML arrives with the YAML module).")
    var data: String?

    @Flag(help: "Parse strictly, and fail on undefined variables and filters.")
    var strict = false

    @Flag(help: "Jekyll's flavour: its where, sort, find and include (from _includes next to the template).")
    var jekyll = false

    func run() throws {
        var env = LiquidEnvironment.standard
        env.errorMode = strict ? .strict : .lax
        let directory = template.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if jekyll {
            JekyllFlavor.registerFilters(into: &env)
            JekyllFlavor.registerIncludeTag(into: &env)
            env.fileSystem = DirectoryFileSystem(root: (directory.isEmpty ? "." : directory) + "/_includes", pattern: "%s")
        } else {
            env.fileSystem = DirectoryFileSystem(root: directory.isEmpty ? "." : directory, pattern: "_%s.liquid")
        }
        let source = try readFile(template)
        var variables = Value.hash(OrderedHash())
        if let data {
            guard data.hasSuffix(".json") else {
                throw ValidationError("--data: only JSON files are read until the YAML module lands (\(data))")
            }
            variables = try JSON.parse(try readFile(data))
        }
        var options = RenderOptions()
        options.strictVariables = strict
        options.strictFilters = strict
        do {
            let t = try Template.parse(source, name: template, environment: env)
            for w in t.warnings { writeError("\(template): warning: \(w)") }
            let output = try t.render(variables, options: options)
            writeAll(output, to: 1)
        } catch {
            writeError(Self.describe(error, path: template))
            throw ExitCode(1)
        }
    }

    /// `path:line:col: error: message`, and the include chain.
    static func describe(_ error: LiquidError, path: String) -> String {
        var s = ""
        if let l = error.location {
            s += "\(l.templateName ?? path):\(l.line):\(l.column): "
        }
        s += "error: " + error.description
        for frame in error.includeChain.reversed() {
            s += "\n  included from \(frame.templateName ?? path):\(frame.line):\(frame.column)"
        }
        return s
    }
}

/// Partials from files in a folder: `pattern` makes the file name (`_%s.liquid` as ruby-liquid's
/// `LocalFileSystem`, `%s` for Jekyll's `_includes`).
struct DirectoryFileSystem: TemplateFileSystem {
    let root: String
    let pattern: String

    func path(of name: String) -> String {
        var parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let last = parts.removeLast()
        let file = pattern.replacingOccurrences(of: "%s", with: last)
        return ([root] + parts + [file]).joined(separator: "/")
    }

    func cacheKey(forTemplateNamed name: String, context: RenderContext) -> String { path(of: name) }

    func readTemplate(named name: String, context: RenderContext) throws -> TemplateSource {
        guard let source = try? readFile(path(of: name)) else {
            throw LiquidError(.fileSystem, "No such template '\(name)'")
        }
        return TemplateSource(source: source, name: name)
    }
}

func readFile(_ path: String) throws -> String {
    guard let f = fopen(path, "rb") else { throw ValidationError("cannot read \(path)") }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
}

func writeLine(_ s: String) {
    writeAll(s + "\n", to: 1)
}

func writeError(_ s: String) {
    writeAll(s + "\n", to: 2)
}

/// Writes everything to a file descriptor (unbuffered, so each answer leaves at once).
func writeAll(_ s: String, to fd: Int32) {
    var s = s
    s.withUTF8 { buffer in
        var offset = 0
        while offset < buffer.count {
            let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n <= 0 { return }
            offset += n
        }
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
