import Foundation

/// Where things are, seen from the test sources: the repository root (itself a Jekyll site) and the
/// shared read-only folder beside it.
enum Repository {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/KyllCLITests/Harness/Repository.swift → the repository root.
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    static var shared: URL { root.deletingLastPathComponent().appendingPathComponent("shared") }
    static var compareSites: URL { shared.appendingPathComponent("tools/compare_sites.py") }
}
