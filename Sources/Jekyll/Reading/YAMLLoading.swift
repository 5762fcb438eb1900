import Liquid
import YAML

/// YAML text (configuration, front matter, data files) as template values, with errors located in
/// the file the text came from.
enum YAMLLoading {
    /// `firstLine` is the line of the file the text starts on; `file` is the whole file's text when
    /// the YAML is only part of it (front matter), for showing the line of an error.
    static func load(_ text: some StringProtocol, path: String, firstLine: Int, clock: SiteClock,
                     file: String? = nil) throws(BuildError) -> Value {
        do {
            let yaml = try YAML.load(String(text), file: path, firstLine: firstLine)
            return YAMLConversion.value(yaml, clock: clock)
        } catch {
            var line: String?
            if error.line > 0 {
                line = file.flatMap { BuildError.line(error.line, of: $0) }
                    ?? BuildError.line(error.line - firstLine + 1, of: String(text))
            }
            throw BuildError(error.message, at: FileLocation(path: path, line: error.line, column: error.column),
                             sourceLine: line)
        }
    }
}
