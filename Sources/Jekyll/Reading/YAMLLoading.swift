import Liquid
import YAML

/// YAML text (configuration, front matter, data files) as template values, with errors located in
/// the file the text came from.
enum YAMLLoading {
    /// `firstLine` is the line of the file the text starts on.
    static func load(_ text: some StringProtocol, path: String, firstLine: Int, clock: SiteClock) throws(BuildError) -> Value {
        do {
            let yaml = try YAML.load(String(text), file: path, firstLine: firstLine)
            return YAMLConversion.value(yaml, clock: clock)
        } catch {
            throw BuildError(error.message, at: FileLocation(path: path, line: error.line, column: error.column))
        }
    }
}
