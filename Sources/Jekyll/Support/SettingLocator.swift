import YAML

/// Finds where a setting was written — a key of a document's front matter, or of the configuration
/// files — so that an error about its value (a date that is not one, a permalink with an unknown
/// placeholder) points at that line instead of at the top of the file. Only used once an error is
/// known: it reads the file again.
struct SettingLocator: Sendable {
    let configuration: Configuration
    let defaults: FrontMatterDefaults

    /// A setting's position and the text of the file it is in (for the quoted source line).
    struct Place {
        var location: FileLocation
        var text: String
    }

    /// The value of top-level `key` in the front matter of the file at `path`.
    func frontMatter(_ key: String, path: String, displayPath: String) -> Place? {
        guard let text = try? SourceText.read(path, displayPath: displayPath),
              let split = FrontMatterSplit.split(text),
              let position = YAML.position(of: [.key(key)], in: String(split.yaml)) else { return nil }
        return Place(location: FileLocation(path: displayPath, line: position.line, column: position.column), text: text)
    }

    /// The value at `steps` in the last configuration file that sets it (later files override earlier ones).
    func configuration(_ steps: [YAMLPathStep]) -> Place? {
        for file in configuration.files.reversed() {
            let display = Path.relative(file, to: configuration.source) ?? file
            guard let text = try? SourceText.read(file, displayPath: display),
                  let position = YAML.position(of: steps, in: text) else { continue }
            return Place(location: FileLocation(path: display, line: position.line, column: position.column), text: text)
        }
        return nil
    }

    /// The `key` of the `defaults` set that gives it to the file at `relativePath`.
    func defaultsSetting(_ key: String, relativePath: String, type: String?) -> Place? {
        guard let set = defaults.set(supplying: key, path: relativePath, type: type) else { return nil }
        return configuration(["defaults", .index(set.index), "values", .key(key)])
    }

    /// Where an item's permalink template came from: its own front matter, a `defaults` set, the
    /// collection's `permalink`, or the site's permalink style.
    func permalink(of doc: Document, collection: CollectionInfo) -> Place? {
        if doc.permalink != nil {
            return frontMatter("permalink", path: doc.path, displayPath: doc.displayPath)
                ?? defaultsSetting("permalink", relativePath: doc.relativePath, type: collection.label)
        }
        return configuration(["collections", .key(collection.label), "permalink"]) ?? configuration(["permalink"])
    }
}
