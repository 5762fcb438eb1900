import Foundation
import Jekyll
import KyllCLI
import Synchronization

/// Runs kyll's commands in this process, capturing what they log.
enum KyllRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
        var output: String { standardOutput + standardError }
    }

    /// `kyll ARGUMENTS…` (subcommand first) with `directory` as the working directory.
    static func run(_ arguments: [String], in directory: URL) -> Result {
        let out = Mutex<String>(""), err = Mutex<String>("")
        let logger = Logger(sink: { stream, line in
            if stream == .standardOutput { out.withLock { $0 += line + "\n" } } else { err.withLock { $0 += line + "\n" } }
        })
        let status = Invocation.run(arguments, workingDirectory: directory.path, logger: logger)
        return Result(status: status, standardOutput: out.withLock { $0 }, standardError: err.withLock { $0 })
    }

    /// `kyll build -s SOURCE -d DESTINATION ARGUMENTS…`, run from the source folder.
    static func build(source: URL, destination: URL, arguments: [String] = []) -> Result {
        run(["build", "-s", source.path, "-d", destination.path] + arguments, in: source)
    }
}

/// The kyll executable beside the test bundle (built with the tests), run as its own process so
/// that builds can set the process's time zone as Jekyll does.
enum KyllExecutable {
    static let path: String? = {
        var candidates: [URL] = []
        if let argument = CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: argument).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("kyll"))
                dir.deleteLastPathComponent()
            }
        }
        candidates.append(Repository.root.appendingPathComponent(".build/debug/kyll"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }()

    static func build(source: URL, destination: URL, arguments: [String],
                      environment: [String: String] = [:]) throws -> KyllRunner.Result {
        guard let path else {
            return KyllRunner.Result(status: -1, standardOutput: "", standardError: "the kyll executable was not found")
        }
        let r = try runProgram(path, ["build", "-s", source.path, "-d", destination.path] + arguments, directory: source,
                               environment: environment)
        return KyllRunner.Result(status: r.status, standardOutput: r.standardOutput, standardError: r.standardError)
    }
}

/// Builds a site with Jekyll and with kyll into two folders and compares them.
struct Differential {
    let reference: URL
    let candidate: URL
    let jekyll: ProgramResult
    let kyll: KyllRunner.Result
    let comparison: SiteComparison

    /// Nil when Jekyll is not installed and not required (the caller's test is then disabled).
    static func build(source: URL, in folder: TemporaryDirectory, arguments: [String] = [],
                      environment: [String: String] = [:]) throws -> Differential? {
        let reference = folder.sub("jekyll"), candidate = folder.sub("kyll")
        let env = environment.mapValues {
            $0.replacingOccurrences(of: "$SITE", with: source.path).replacingOccurrences(of: "$GEM_PATH", with: Oracle.gemPath)
        }
        guard let jekyll = try Oracle.build(source: source, destination: reference, arguments: arguments,
                                            environment: env) else { return nil }
        let kyll = try KyllExecutable.build(source: source, destination: candidate, arguments: arguments, environment: env)
        let comparison = try SiteComparison.compare(reference: reference, candidate: candidate)
        return Differential(reference: reference, candidate: candidate, jekyll: jekyll, kyll: kyll, comparison: comparison)
    }

    /// A fixture site (txtar text) built both ways.
    static func build(fixture: String, in folder: TemporaryDirectory, arguments: [String] = [],
                      environment: [String: String] = [:]) throws -> Differential? {
        let source = folder.sub("site")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try FixtureSite(fixture).write(into: source)
        return try build(source: source, in: folder, arguments: arguments, environment: environment)
    }

    var summary: String {
        "jekyll (\(jekyll.status)):\n\(jekyll.output)\nkyll (\(kyll.status)):\n\(kyll.output)\n\(comparison.summary)"
    }

    /// The bytes of a built file.
    func file(_ path: String, kyll: Bool) -> String? {
        let url = (kyll ? candidate : reference).appendingPathComponent(path)
        return (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
    }
}
