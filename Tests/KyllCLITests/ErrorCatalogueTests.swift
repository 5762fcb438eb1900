import Foundation
import Testing

/// The catalogue of bad input (`ErrorCatalogue/*.txtar`, one site each): every case is built by the
/// kyll executable and must end with the expected exit status, no crash and no hang, an error naming
/// the expected `file:line`, nothing written outside the destination, and — when the build fails —
/// the previous build in the destination left byte for byte as it was.
///
/// A case's leading comment holds its expectations, one `key: value` a line:
/// `status:` exit status · `location:` the `path:line[:col]` (or a path, or a folder ending in `/`)
/// that a `path:line[:col]: error:` line must name (`warning:` when the status is 0) · `note:` the
/// same for a `path:line[:col]: note:` line (where an unclosed construct began) ·
/// `message:` text the output must contain (any case) ·
/// `chain:` an include/layout frame the output must contain · `warning:` text the output must
/// contain on success · `inside:`/`absent:` a file that must / must not be in the built site ·
/// `output: PATH = TEXT` a built file's exact bytes (`\n` and `\xNN` escapes) ·
/// `destination: source|parent|root` to build into the source, a folder containing it, or `/` ·
/// `args:` more command-line options · `jekyll:` what Jekyll 4.3.1 did (recorded by
/// `record_jekyll.py`, a note only).
@Suite struct ErrorCatalogueTests {
    static let folder = Repository.root.appendingPathComponent("Tests/KyllCLITests/ErrorCatalogue")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txtar") }.sorted()
    }

    @Test func catalogueCoversAtLeastFortySites() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func badInput(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let fixture = FixtureSite(text)
        let expectation = CatalogueExpectation(fixture.comment)
        let folder = try TemporaryDirectory("kyll-catalogue")
        let site = folder.sub("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try fixture.write(into: site)

        let destination: String
        switch expectation.destination {
        case "source": destination = site.path
        case "parent": destination = folder.path
        case "root": destination = "/"
        default:
            destination = folder.sub("out").path
            try PreviousBuild.write(into: destination)
        }
        // The file system's root is not walked: the build must refuse it before writing anything.
        let walksDestination = destination != "/"
        let outsideBefore = try TreeSnapshot(folder.path, skipping: [destination])
        let destinationBefore = walksDestination ? try TreeSnapshot(destination, skipping: []) : nil

        let result = try KyllExecutable.buildWithTimeout(source: site, destination: destination,
                                                         arguments: expectation.arguments)
        let output = result.output
        let context = "\(name): status \(result.status)\n\(output.prefix(4000))"

        #expect(result.status == expectation.status, "\(context)")
        #expect(try TreeSnapshot(folder.path, skipping: [destination]) == outsideBefore,
                "\(name): files outside the destination changed")
        if result.status != 0, let destinationBefore {
            #expect(try TreeSnapshot(destination, skipping: []) == destinationBefore,
                    "\(name): a failed build changed the previous site")
        }
        if let location = expectation.location {
            let severity = expectation.status == 0 ? "warning" : "error"
            #expect(Diagnostics.names(location, severity: severity, in: output),
                    "\(context)\nexpected a located \(severity) at \(location)")
        }
        for note in expectation.notes {
            #expect(Diagnostics.names(note, severity: "note", in: output), "\(context)\nexpected a note at \(note)")
        }
        for text in expectation.mustContain {
            #expect(output.lowercased().contains(text.lowercased()), "\(context)\nexpected '\(text)'")
        }
        #expect(Diagnostics.caretsFollowColumns(output), "\(context)\na diagnostic with a column lacks its caret")
        for inside in expectation.inside {
            #expect(FileManager.default.fileExists(atPath: destination + "/" + inside), "\(context)\nmissing \(inside)")
        }
        for absent in expectation.absent {
            #expect(!FileManager.default.fileExists(atPath: destination + "/" + absent), "\(context)\n\(absent) was written")
        }
        for (path, bytes) in expectation.outputs {
            let built = FileManager.default.contents(atPath: destination + "/" + path).map { Array($0) }
            #expect(built == bytes, "\(context)\n\(path) is \(built.map { String(decoding: $0, as: UTF8.self) } ?? "missing")")
        }
    }
}

/// The expectations in a catalogue case's comment.
struct CatalogueExpectation {
    var status: Int32 = 0
    var location: String?
    var notes: [String] = []
    var mustContain: [String] = []
    var inside: [String] = []
    var absent: [String] = []
    var destination: String?
    var arguments: [String] = []
    var outputs: [(path: String, bytes: [UInt8])] = []

    init(_ comment: String) {
        for line in comment.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon], value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "status": status = Int32(value) ?? -1
            case "location": location = value
            case "note": notes.append(value)
            case "message", "chain", "warning": mustContain.append(value)
            case "inside": inside.append(value)
            case "absent": absent.append(value)
            case "destination": destination = value
            case "args": arguments = value.split(separator: " ").map(String.init)
            case "output":
                guard let equals = value.range(of: " = ") else { outputs.append((value, [])); continue }
                let text = value[equals.upperBound...].replacingOccurrences(of: "\\n", with: "\n")
                outputs.append((String(value[..<equals.lowerBound]), FixtureSite.unescaped(text)))
            default: break
            }
        }
    }
}

/// Checks on kyll's compiler-style diagnostics.
enum Diagnostics {
    /// Whether a line `path:line[:col]: SEVERITY: …` names `location`: `path:line:col` or
    /// `path:line` exactly, a path (any line), or a folder ending in `/` (any file in it, any line).
    static func names(_ location: String, severity: String, in output: String) -> Bool {
        output.split(separator: "\n").contains { line in
            guard let end = line.range(of: ": \(severity): ") else { return false }
            let parts = line[..<end.lowerBound].split(separator: ":").map(String.init)
            guard parts.count == 2 || parts.count == 3, parts.dropFirst().allSatisfy({ Int($0) != nil }) else { return false }
            let wanted = location.split(separator: ":").map(String.init)
            if location.hasSuffix("/") { return parts[0].hasPrefix(location) }
            return Array(parts.prefix(wanted.count)) == wanted
        }
    }

    /// Every `path:line:col: error:` (or `warning:`) line is followed by its source line and a caret line.
    static func caretsFollowColumns(_ output: String) -> Bool {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            guard let end = [": error: ", ": warning: ", ": note: "].lazy.compactMap({ line.range(of: $0) }).first else { continue }
            let parts = line[..<end.lowerBound].split(separator: ":")
            guard parts.count == 3, Int(parts[1]) != nil, Int(parts[2]) != nil else { continue }
            guard i + 2 < lines.count, lines[i + 2].trimmingCharacters(in: .whitespaces) == "^" else { return false }
        }
        return true
    }
}

/// A previous build in the destination, which a failed build must leave exactly as it is.
enum PreviousBuild {
    static func write(into destination: String) throws {
        let files = ["index.html": "<p>the previous build</p>\n", "assets/app.css": "body{}\n", "keep/me.txt": "kept\n"]
        for (path, text) in files {
            let url = URL(fileURLWithPath: destination).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}

/// Every entry under a folder (not following symlinks): its kind, and a file's bytes or a link's target.
struct TreeSnapshot: Equatable {
    var entries: [String: String] = [:]

    init(_ root: String, skipping: [String]) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: root) else { return }
        let skipped = Set(skipping.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        // Jekyll's caches are not output.
        let ignoredNames: Set<String> = [".jekyll-cache", ".jekyll-metadata", ".sass-cache", ".kyll-cache"]
        var stack = [root]
        while let dir = stack.popLast() {
            for name in try fm.contentsOfDirectory(atPath: dir) where !ignoredNames.contains(name) {
                let path = dir + "/" + name
                if skipped.contains(URL(fileURLWithPath: path).standardizedFileURL.path) { continue }
                let key = String(path.dropFirst(root.count))
                let attributes = try fm.attributesOfItem(atPath: path)
                switch attributes[.type] as? FileAttributeType {
                case .typeSymbolicLink: entries[key] = "link " + ((try? fm.destinationOfSymbolicLink(atPath: path)) ?? "")
                case .typeDirectory: entries[key] = "dir"; stack.append(path)
                default:
                    let data = fm.contents(atPath: path) ?? Data()
                    entries[key] = "file \(data.count) \(data.hashValue)"
                }
            }
        }
    }
}

extension KyllExecutable {
    /// `kyll build` as its own process, killed after `seconds` (a hang is a failure, not a stuck suite).
    static func buildWithTimeout(source: URL, destination: String, arguments: [String],
                                 seconds: Int = 300) throws -> KyllRunner.Result {
        guard let path else {
            return KyllRunner.Result(status: -1, standardOutput: "", standardError: "the kyll executable was not found")
        }
        // A sanitized build runs several times slower; scripts/sanitize says how much (KYLL_TEST_TIME_SCALE).
        let scale = ProcessInfo.processInfo.environment["KYLL_TEST_TIME_SCALE"].flatMap(Double.init) ?? 1
        let r = try runProgram("/usr/bin/timeout", ["\(Int(Double(seconds) * scale))", path, "build", "-s", source.path, "-d", destination]
                                  + arguments, directory: source)
        return KyllRunner.Result(status: r.status, standardOutput: r.standardOutput, standardError: r.standardError)
    }
}
