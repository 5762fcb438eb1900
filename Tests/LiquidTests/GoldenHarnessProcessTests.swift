import Foundation
import Testing

/// Runs ../shared/liquid/golden_harness.py against the `kyll` binary itself (the JSON-lines
/// protocol end to end), when the binary has been built: `swift build` first, or point KYLL_BIN at
/// one. (GoldenLiquidTests checks the same cases in-process on every run.)
@Suite struct GoldenHarnessProcessTests {
    static let binary = ProcessInfo.processInfo.environment["KYLL_BIN"] ?? repositoryRoot + "/.build/debug/kyll"
    static let harness = repositoryRoot + "/../shared/liquid/golden_harness.py"
    static let available = FileManager.default.isExecutableFile(atPath: binary)
        && FileManager.default.fileExists(atPath: harness)

    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", harness, "-q"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: available, "kyll binary not built"))
    func standardLiquid() throws {
        let out = try Self.run(["--", Self.binary, "liquid", "--jsonl"])
        #expect(out.hasSuffix("1054 passed, 0 failed\n"), "\(out)")
    }

    /// Jekyll mode with the shared overrides: all pass but, while the shared overrides file lacks
    /// it, "filters, find, string input, string value, no match", where Jekyll 4.3.1 itself
    /// returns the input ("zoo"; see GoldenLiquidTests.allCasesPassInJekyllMode).
    @Test(.enabled(if: available, "kyll binary not built"))
    func jekyllMode() throws {
        let overrides = repositoryRoot + "/../shared/liquid/jekyll_mode_overrides.jsonl"
        let failures = NSTemporaryDirectory() + "kyll-jekyll-failures-\(getpid()).jsonl"
        defer { try? FileManager.default.removeItem(atPath: failures) }
        let out = try Self.run(["--overrides", overrides, "--failures", failures, "--",
                                Self.binary, "liquid", "--jsonl", "--jekyll"])
        let failed = try String(contentsOfFile: failures, encoding: .utf8).split(separator: "\n")
        let known = "filters, find, string input, string value, no match"
        let unexpected = failed.filter { !$0.contains("\"name\": \"\(known)\"") }
        #expect(unexpected.isEmpty, "\(out)")
        #expect(out.hasSuffix("1054 passed, 0 failed\n") || (out.hasSuffix("1053 passed, 1 failed\n") && failed.count == 1))
    }
}
