import Liquid

/// Parsed templates shared by all render threads: each layout is parsed once per build, when a
/// document first needs it (a layout nobody uses is never parsed, as in Jekyll).
final class TemplateCache: Sendable {
    private let templates = Locked<[String: Template]>([:])

    func template(_ key: String, parse: () throws(BuildError) -> Template) throws(BuildError) -> Template {
        if let t = templates.withLock({ $0[key] }) { return t }
        let parsed = try parse()
        return templates.withLock { stored in
            if let existing = stored[key] { return existing }
            stored[key] = parsed
            return parsed
        }
    }
}
