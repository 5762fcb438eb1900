/// Turning libyaml's and Psych's failures into located `YAMLError`s.
extension Loader {
    /// libyaml's error, located where the problem is; the context (what was being parsed
    /// and where it started) follows the problem, close to libyaml's own wording.
    func syntaxError() -> YAMLError {
        let failure = parser.failure
        var message = failure.problem
        var started: YAMLError.Context?
        if let context = failure.context {
            message += " " + context
            if (failure.contextLine, failure.contextColumn) != (failure.problemLine, failure.problemColumn) {
                message += " started at line \(failure.contextLine + firstLine) column \(failure.contextColumn + 1)"
                started = YAMLError.Context(description: context, line: failure.contextLine + firstLine,
                                            column: failure.contextColumn + 1)
            }
        }
        return YAMLError(kind: .syntax, file: file, line: failure.problemLine + firstLine,
                         column: failure.problemColumn + 1, message: message, context: started)
    }

    /// An error at the current event.
    func error(_ kind: YAMLError.Kind, _ message: String) -> YAMLError {
        let position = parser.eventStart
        return YAMLError(kind: kind, file: file, line: position.line + firstLine, column: position.column + 1,
                         message: message)
    }

    func scalarError(_ failure: ScalarFailure, text: UnsafeBufferPointer<UInt8>?, tag: String?) -> YAMLError {
        let position = parser.eventStart
        return locatedError(failure, line: position.line, column: position.column, tag: tag,
                            text: text.map(PlainScalar.makeString))
    }

    func locatedError(_ failure: ScalarFailure, line: Int, column: Int, tag: String?, text: String? = nil) -> YAMLError {
        YAMLError(kind: kind(of: failure), file: file, line: line + firstLine, column: column + 1,
                  message: message(of: failure, tag: tag, text: text))
    }

    func kind(of failure: ScalarFailure) -> YAMLError.Kind {
        switch failure {
        case .disallowedClass(let name): return .disallowedClass(name)
        case .invalid: return .invalidScalar
        case .unsupported(let tag): return .unsupportedTag(tag)
        }
    }

    func message(of failure: ScalarFailure, tag: String?, text: String? = nil) -> String {
        switch failure {
        case .disallowedClass("Symbol"):
            let shown = text.map { "'\($0)'" } ?? "the value"
            return "\(shown) would load as a Ruby symbol, which Jekyll's safe YAML loading refuses; quote it to make it text"
        case .disallowedClass(let name):
            let shown = tag.map { "tag \($0)" } ?? "this value"
            return "\(shown) asks for the Ruby class \(name), which Jekyll's safe YAML loading refuses"
        case .invalid(let detail):
            return detail
        case .unsupported(let tag):
            return "tag \(tag) builds a Ruby object that has no YAML value; remove the tag"
        }
    }
}
