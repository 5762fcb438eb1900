import FuzzSupport

/// The targets that need none of the Jekyll module (and so build faster).
public let coreTargets: [String: FuzzTarget] = [
    "liquid-parse": LiquidTargets.parse,
    "liquid-render": LiquidTargets.render,
    "markdown": MarkdownTargets.convert,
    "markdown-skeleton": MarkdownTargets.skeleton,
]
