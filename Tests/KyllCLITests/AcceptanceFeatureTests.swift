import Foundation
import Testing

/// Jekyll's own acceptance scenarios (`../shared/features/`) run against the kyll executable:
/// every scenario that Jekyll 4.3.1 passes here and that needs no Ruby plugin code must pass.
@Suite struct AcceptanceFeatureTests {
    static let features = Repository.shared.appendingPathComponent("features")

    static var available: Bool {
        FileManager.default.fileExists(atPath: features.appendingPathComponent("run_features.py").path)
    }

    @Test(.enabled(if: available || Oracle.isRequired, "../shared/features is not there"),
          .timeLimit(.minutes(20)))
    func expectedScenariosPass() throws {
        let kyll = try #require(KyllExecutable.path, "the kyll executable was not built")
        let result = try runProgram("/usr/bin/env", [
            "python3", Self.features.appendingPathComponent("run_features.py").path,
            "--features", Self.features.appendingPathComponent("features").path,
            "--theme-fixtures", Self.features.appendingPathComponent("test/fixtures").path,
            "--allow-plugins", "jekyll-paginate,jekyll-redirect-from",
            "--expect", Self.features.appendingPathComponent("expected_pass.txt").path,
            "--cmd", kyll, "--quiet",
        ])
        let bar = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("bar: ") }.map(String.init)
        let counts = bar?.split(separator: " ").compactMap { Int($0) } ?? []
        #expect(counts.count == 2 && counts[0] == counts[1] && counts[0] > 250,
                "\(bar ?? "no bar line")\n\(result.standardOutput.suffix(4000))")
    }
}
