@testable import Jekyll

extension URLTemplate {
    /// `fill(_:writing:)` with the placeholders' values as strings: a nil lookup means the
    /// placeholder does not exist. The tests' way to give values (builds write them as bytes).
    static func fill(_ template: String, lookup: (String) -> String?) throws(UnknownPlaceholder) -> String {
        try fill(template) { name, url in
            guard let value = lookup(String(decoding: name, as: UTF8.self)) else { return false }
            url.appendEscaped(value)
            return true
        }
    }
}
