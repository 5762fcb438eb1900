import YAML

/// Finds where a setting was written — a key of a document's front matter, or of the configuration
/// files — so that an error about its value (a date that is not one, a permalink with an unknown
/// placeholder) points at that line instead of at the top of the file. Only used once an error is
/// known: it reads the file again.
struct SettingLocator: Sendable {
    let configuration: Configuration
    let defaults: FrontMatterDefaults

    /// The value of top-level `key` in the front matter of the file at `path`.
    func frontMatter(_ key: String, path: String, displayPath: String) -> SettingPlace? {
        guard let text = try? SourceText.read(path, displayPath: displayPath),
              let split = FrontMatterSplit.split(text),
              let position = YAML.position(of: [.key(key)], in: String(split.yaml)) else { return nil }
        return SettingPlace(location: FileLocation(path: displayPath, line: position.line, column: position.column), text: text)
    }

    func configuration(_ steps: [YAMLPathStep]) -> SettingPlace? { configuration.places.place(of: steps) }

    /// The `key` of the `defaults` set that gives it to the file at `relativePath`.
    func defaultsSetting(_ key: String, relativePath: String, type: String?) -> SettingPlace? {
        guard let set = defaults.set(supplying: key, path: relativePath, type: type) else { return nil }
        return configuration(["defaults", .index(set.index), "values", .key(key)])
    }

    /// Where an item's permalink template came from: its own front matter, a `defaults` set, the
    /// collection's `permalink`, or the site's permalink style.
    func permalink(of doc: Document, collection: CollectionInfo) -> SettingPlace? {
        if doc.permalink != nil {
            return frontMatter("permalink", path: doc.path, displayPath: doc.displayPath)
                ?? defaultsSetting("permalink", relativePath: doc.relativePath, type: collection.label)
        }
        return configuration(["collections", .key(collection.label), "permalink"]) ?? configuration(["permalink"])
    }
}

extension SiteSnapshot {
    /// `error` pointed at where `doc`'s `key` was set: its own front matter, else the `defaults` set
    /// that gives it, else the top of its file (for plugins, whose errors of a page's value point
    /// there as the reader's do). The defaults are read again: only an error pays for them.
    public func locate(_ error: BuildError, key: String, of doc: Document) -> BuildError {
        let defaults = FrontMatterDefaults(configuration: configuration, clock: clock, logger: Logger(sink: { _, _ in }))
        let locator = SettingLocator(configuration: configuration, defaults: defaults)
        let place = doc.data[key] != nil
            ? locator.frontMatter(key, path: doc.path, displayPath: doc.displayPath)
            : locator.defaultsSetting(key, relativePath: doc.relativePath, type: doc.collectionLabel ?? "pages")
        return error.located(place?.location ?? FileLocation(path: doc.displayPath, line: 1), in: place?.text)
    }
}

/// A setting's position and the text of the file it is in (for the quoted source line).
public struct SettingPlace: Sendable {
    public var location: FileLocation
    public var text: String
}

/// Where keys of the configuration files were written.
public struct ConfigurationPlaces: Sendable {
    /// Absolute paths, in the order read.
    let files: [String]
    /// Paths are shown relative to it.
    let source: String

    /// The value at `steps` in the last file that sets it (later files override earlier ones).
    public func place(of steps: [YAMLPathStep]) -> SettingPlace? {
        for file in files.reversed() {
            let display = Path.relative(file, to: source) ?? file
            guard let text = try? SourceText.read(file, displayPath: display),
                  let position = YAML.position(of: steps, in: text) else { continue }
            return SettingPlace(location: FileLocation(path: display, line: position.line, column: position.column), text: text)
        }
        return nil
    }

    /// `error` pointed at the value at `steps`, when a file sets it.
    public func locate(_ error: BuildError, at steps: [YAMLPathStep]) -> BuildError {
        guard let place = place(of: steps) else { return error }
        return error.located(place.location, in: place.text)
    }
}

extension Configuration {
    public var places: ConfigurationPlaces { ConfigurationPlaces(files: files, source: source) }
}
