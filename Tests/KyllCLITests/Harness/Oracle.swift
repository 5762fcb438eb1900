import Foundation
import Testing

/// The result of running a program: its exit status and what it printed.
struct ProgramResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
    var output: String { standardOutput + standardError }
}

/// Runs a program to completion, feeding it no input.
func runProgram(_ executable: String, _ arguments: [String], directory: URL? = nil,
                environment: [String: String] = [:]) throws -> ProgramResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes to the end before waiting, so a chatty program cannot block on a full pipe.
    let errorReader = PipeReader(err.fileHandleForReading)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProgramResult(status: process.terminationStatus,
                         standardOutput: String(decoding: outData, as: UTF8.self),
                         standardError: String(decoding: errorReader.finish(), as: UTF8.self))
}

/// Drains a pipe on a background queue.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let group = DispatchGroup()

    init(_ handle: FileHandle) {
        group.enter()
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.group.leave()
        }
    }

    func finish() -> Data {
        group.wait()
        return data
    }
}

/// Real Jekyll 4.3.1, the definition of correct. Differential tests skip when it is missing, unless
/// `KYLL_REQUIRE_ORACLE=1` (set by CI), when they fail instead.
enum Oracle {
    static let executable: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for dir in paths {
            let candidate = "\(dir)/jekyll"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Where RubyGems looks for gems by default (`gem env gempath`), for fixtures that add a folder.
    static let gemPath: String = {
        guard let gem = try? runProgram("/usr/bin/env", ["gem", "env", "gempath"]), gem.status == 0 else { return "" }
        return gem.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }()

    static var isRequired: Bool { ProcessInfo.processInfo.environment["KYLL_REQUIRE_ORACLE"] == "1" }

    /// Whether differential tests should run at all: Jekyll is there, or its absence must fail them.
    static var shouldRun: Bool { executable != nil || isRequired }

    /// The path of `jekyll`, or a recorded failure when it is required and missing.
    static func require(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        if let executable { return executable }
        Issue.record("Jekyll is not installed but KYLL_REQUIRE_ORACLE=1 requires it (apt-get install jekyll)",
                     sourceLocation: sourceLocation)
        return nil
    }

    /// What every Jekyll run gets: Debian's gems without bundler, and no network. Offline, always:
    /// jekyll-gist and jekyll-github-metadata would reach GitHub on a machine with a network, and
    /// kyll's plugins never do. A proxy whose name cannot resolve fails every request the way a
    /// machine without DNS does (a refused connection would instead trip a NameError in jekyll-gist's
    /// rescue clause).
    static let offlineEnvironment: [String: String] = {
        var env = ["JEKYLL_NO_BUNDLER_REQUIRE": "true", "no_proxy": "", "NO_PROXY": ""]
        for proxy in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"] {
            env[proxy] = "http://kyll-offline.invalid:9"
        }
        return env
    }()

    /// `jekyll build -s SOURCE -d DESTINATION ARGS…` with Debian's gems and no bundler.
    static func build(source: URL, destination: URL, arguments: [String] = [],
                      environment: [String: String] = [:]) throws -> ProgramResult? {
        guard let jekyll = require() else { return nil }
        let env = environment.merging(offlineEnvironment) { _, oracle in oracle }
        return try runProgram(jekyll, ["build", "-s", source.path, "-d", destination.path] + arguments,
                              directory: source, environment: env)
    }
}
