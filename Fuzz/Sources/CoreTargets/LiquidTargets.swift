import FuzzSupport
import JekyllLiquid
import Liquid

enum LiquidTargets {
    /// Parsing in each error mode: any input is a template or a located error.
    static let parse: FuzzTarget = { bytes in
        let source = text(bytes)
        for mode in [ErrorMode.lax, .warn, .strict] {
            var env = LiquidEnvironment.standard
            env.errorMode = mode
            JekyllFlavor.registerFilters(into: &env)
            JekyllFlavor.registerIncludeTag(into: &env)
            do {
                let template = try Template.parse(source, name: "fuzz.html", firstLine: 3, environment: env)
                // What the include memo asks of a parsed template; nested includes analysed as
                // this template again (a self-include, as the host's own guard would stop).
                var depth = 0
                func usage(_: String) -> VariableUsage? {
                    guard depth < 3 else { return nil }
                    depth += 1
                    defer { depth -= 1 }
                    return template.usage(partialUsage: usage)
                }
                _ = template.usage(partialUsage: usage)
            } catch let error as LiquidError {
                if error.location == nil { violated("parse error without a location: \(error)") }
            } catch {
                violated("parse threw a \(type(of: error))")
            }
        }
    }

    /// Partials the rendered template may include or render, some of them recursive.
    static let partials = MemoryFileSystem([
        "a": "{{ x | upcase }}{% for i in list %}{{ i }}{% endfor %}",
        "self": "{% include self %}",
        "loop": "{% render 'loop' %}",
        "b.html": "{{ include.p }}{% include a %}",
        "bad": "{% if %}",
    ])

    static let environment: LiquidEnvironment = {
        var limits = ResourceLimits()
        // Small bounds: a fuzz input must finish in milliseconds, and hitting a bound is an error, not a hang.
        limits.maxOutputBytes = 1 << 20
        limits.maxRenderSteps = 200_000
        // also the bound on arrays made by filters: inputs that grow one stay fast under ASan
        limits.maxRangeLength = 10_000
        var env = LiquidEnvironment.standard
        env.limits = limits
        JekyllFlavor.registerFilters(into: &env)
        JekyllFlavor.registerIncludeTag(into: &env)
        env.fileSystem = partials
        return env
    }()

    static let data: Value = [
        "x": "héllo <b>",
        "n": 42,
        "f": 2.5,
        "list": [1, "two", 3.0, .nil, true],
        "page": ["title": "T", "tags": ["a", "b"], "date": "2020-01-02 03:04:05 +0100"],
        "empty": [],
    ]

    /// Rendering (both `render!` and collecting) stays within the limits and returns.
    static let render: FuzzTarget = { bytes in
        guard let template = try? Template.parse(text(bytes), name: "fuzz.html", environment: environment) else { return }
        _ = try? template.render(data)
        _ = try? template.renderCollectingErrors(data)
    }
}
