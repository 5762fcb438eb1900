import Foundation
import Testing

/// Issue 2's proof: this repository's own site, built by kyll and by Jekyll 4.3.1, is the same.
@Suite struct SeedSiteTests {
    @Test(.enabled(if: Oracle.shouldRun, "Jekyll 4.3.1 is not installed (KYLL_REQUIRE_ORACLE=1 makes this a failure)"))
    func seedSiteMatchesJekyll() throws {
        let folder = try TemporaryDirectory("kyll-seed")
        // Pin `site.time` so that the feeds' <updated> agree.
        let time = folder.url.appendingPathComponent("time.yml")
        try Data("time: 2024-05-01 12:00:00 +0000\n".utf8).write(to: time)
        guard let run = try Differential.build(source: Repository.root, in: folder,
                                               arguments: ["--config", "_config.yml,\(time.path)"]) else { return }
        #expect(run.jekyll.status == 0, "\(run.summary)")
        #expect(run.kyll.status == 0, "\(run.summary)")
        #expect(run.comparison.missing == [], "\(run.summary)")
        #expect(run.comparison.extra == [], "\(run.summary)")
        #expect(run.comparison.different == [], "\(run.summary)")
        for path in ["index.html", "about.html", "about/index.html", "redirects.json", "sitemap.xml", "robots.txt",
                     "feed.xml", "assets/css/main.css", "assets/css/main.css.map"] {
            #expect(run.comparison.isByteIdentical(path), "\(path) differs:\n\(run.summary)")
        }
        #expect(run.comparison.statuses.count >= 34)
    }
}
