import Foundation

/// What `../shared/tools/compare_sites.py` says about two built sites, file by file.
struct SiteComparison {
    /// Status per destination-relative path: identical-bytes, identical-dom, equivalent, different,
    /// missing (in the reference only) or extra (in the candidate only).
    var statuses: [String: String]
    /// The tool's printed table, for failure messages.
    var summary: String

    var missing: [String] { paths(with: "missing") }
    var extra: [String] { paths(with: "extra") }
    var different: [String] { paths(with: "different") }
    var isClean: Bool { missing.isEmpty && extra.isEmpty && different.isEmpty }

    func paths(with status: String) -> [String] {
        statuses.filter { $0.value == status }.map(\.key).sorted()
    }

    func isByteIdentical(_ path: String) -> Bool { statuses[path] == "identical-bytes" }

    /// Compares `candidate` with `reference` (both site folders).
    static func compare(reference: URL, candidate: URL) throws -> SiteComparison {
        let report = FileManager.default.temporaryDirectory
            .appendingPathComponent("compare-\(UUID().uuidString.prefix(8)).json")
        defer { try? FileManager.default.removeItem(at: report) }
        let result = try runProgram("/usr/bin/env", [
            "python3", Repository.compareSites.path, reference.path, candidate.path,
            "--single", "--json", report.path, "--json-all",
        ])
        guard result.status == 0 || result.status == 1 else {
            throw ComparisonFailure(message: "compare_sites.py failed (\(result.status)): \(result.output)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        var statuses: [String: String] = [:]
        let sites = json?["sites"] as? [String: Any] ?? [:]
        for case let site as [String: Any] in sites.values {
            for (path, entry) in site["files"] as? [String: Any] ?? [:] {
                if let status = (entry as? [String: Any])?["status"] as? String { statuses[path] = status }
            }
        }
        return SiteComparison(statuses: statuses, summary: result.standardOutput)
    }

    struct ComparisonFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
