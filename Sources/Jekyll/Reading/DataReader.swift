import Liquid

/// `site.data`: every `.yaml`, `.yml`, `.json`, `.csv` and `.tsv` file of the data folder (and its
/// sub-folders, as nested hashes), keyed by file name; the theme's data underneath the site's.
struct DataReader {
    let site: Site

    func readAll() throws(BuildError) -> Value {
        var data = try read(site.configuration.inSource(site.configuration.dataDir), root: site.source)
        if let theme = site.theme, let themeData = theme.dataPath {
            data = try read(themeData, root: theme.root).deepMerged(with: data)
        }
        return .hash(data)
    }

    func read(_ directory: String, root: String) throws(BuildError) -> OrderedHash {
        var data = OrderedHash()
        let filter = EntryFilter(source: site.source, include: [], exclude: [], safe: site.configuration.safe)
        // Folders told by the listing's entry types, not a `stat` of each entry (two of each file).
        guard !filter.isRefusedSymlink(directory), let listed = try? FileSystem.entriesAndFolders(directory) else { return data }
        let visible = listed.filter { !$0.name.hasPrefix(".") }.sortedByUTF8(\.name)
        // Ruby's `Dir["*.{yaml,yml,json,csv,tsv}"]` lists the extensions one after another, then folders.
        var ordered: [FileSystem.NamedEntry] = []
        for ext in ["yaml", "yml", "json", "csv", "tsv"] { ordered += visible.filter { $0.name.hasSuffix("." + ext) } }
        ordered += visible.filter(\.isFolder)
        for entry in ordered {
            let path = Path.join(directory, entry.name)
            if filter.isRefusedSymlink(path) { continue }
            if entry.isFolder {
                data[DataReader.sanitize(entry.name)] = .hash(try read(path, root: root))
            } else {
                data[DataReader.sanitize(Path.basenameWithoutExtension(entry.name))] = try readFile(path, root: root)
            }
        }
        return data
    }

    func readFile(_ path: String, root: String) throws(BuildError) -> Value {
        let display = Path.relative(path, to: root) ?? path
        let text = try SourceText.read(path, displayPath: display)
        switch Path.extname(path).lowercased() {
        case ".csv": return CSVTable.rows(text, separator: ",", headers: headersOption("csv_reader"))
        case ".tsv": return CSVTable.rows(text, separator: "\t", headers: headersOption("tsv_reader"))
        default: return try YAMLLoading.load(text, path: display, firstLine: 1, clock: site.clock)
        }
    }

    func headersOption(_ key: String) -> Bool {
        guard let reader = site.configuration[key]?.orderedHash, let headers = reader["headers"] else { return true }
        return headers.isTruthy
    }

    /// Jekyll's data key for a file name: characters other than ASCII letters, digits, `_`, `-` and
    /// whitespace removed, leading whitespace dropped, whitespace runs turned into one `_`.
    static func sanitize(_ name: String) -> String {
        let kept = name.unicodeScalars.filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_"
                || $0 == "-" || isSpace($0)
        }
        var out = ""
        var inSpace = false
        for scalar in kept.drop(while: isSpace) {
            if isSpace(scalar) {
                if !inSpace { out += "_" }
                inSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                inSpace = false
            }
        }
        return out
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0B}" || s == "\u{0C}"
    }
}

/// Comma- (or tab-) separated values as Ruby's CSV reads them: quoted fields with doubled quotes
/// and line breaks, an empty unquoted field is nil; with headers, each row a hash of the first
/// row's names (the first of duplicate names wins; extra fields go under nil).
enum CSVTable {
    static func rows(_ text: String, separator: Character, headers: Bool) -> Value {
        let records = parse(text, separator: separator)
        guard headers else { return .array(records.map { .array($0) }) }
        guard let names = records.first else { return .array([]) }
        var out: [Value] = []
        for record in records.dropFirst() {
            var row = OrderedHash()
            let count = max(names.count, record.count)
            for i in 0..<count {
                let key = i < names.count ? names[i] : .nil
                if row.contains(key) { continue }
                row[key] = i < record.count ? record[i] : .nil
            }
            out.append(.hash(row))
        }
        return .array(out)
    }

    static func parse(_ text: String, separator: Character) -> [[Value]] {
        var records: [[Value]] = []
        var record: [Value] = []
        var field = ""
        var quoted = false, inQuotes = false, fieldStarted = false
        var chars = Array(text)
        if chars.last != "\n" && !chars.isEmpty { chars.append("\n") }
        var i = 0
        func endField() {
            record.append(fieldStarted || quoted ? .string(field) : .nil)
            field = ""; quoted = false; fieldStarted = false
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && !fieldStarted {
                inQuotes = true; quoted = true
            } else if c == separator {
                endField()
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                if record.isEmpty && !fieldStarted && !quoted {
                    records.append([])
                } else {
                    endField()
                    records.append(record)
                }
                record = []
            } else {
                field.append(c); fieldStarted = true
            }
            i += 1
        }
        return records
    }
}
