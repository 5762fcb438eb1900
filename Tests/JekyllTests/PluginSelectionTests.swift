import Foundation
import Liquid
import Synchronization
import Testing
@testable import Jekyll

/// Which plugins a site switches on: configuration, deprecated `gems`, Gemfile group, safe mode.
@Suite struct PluginSelectionTests {
    @Test(arguments: [
        ("group :jekyll_plugins do\n  gem \"jekyll-feed\", \"~> 0.12\"\n  gem 'jekyll-seo-tag'\nend\n",
         ["jekyll-feed", "jekyll-seo-tag"]),
        ("gem \"jekyll\"\ngem \"jekyll-sitemap\", group: :jekyll_plugins\ngem \"minima\"\n", ["jekyll-sitemap"]),
        ("gem 'jekyll-gist', :group => :jekyll_plugins # comment\n", ["jekyll-gist"]),
        ("gem \"jekyll-avatar\", groups: [:test, :jekyll_plugins]\n", ["jekyll-avatar"]),
        ("group :jekyll_plugins, :development do\n  gem \"jekyll-feed\"\nend\n", ["jekyll-feed"]),
        ("group :development do\n  gem \"jekyll-feed\"\nend\ngem \"jekyll-paginate\"\n", []),
        ("platforms :mingw do\n  gem \"tzinfo\"\nend\ngroup :jekyll_plugins do\n  # gem \"jekyll-x\"\n"
         + "  gem \"jekyll-mentions\"\nend\ngem \"wdm\"\n", ["jekyll-mentions"]),
        ("group :jekyll_plugins do\n  gem \"github-pages\"\nend\n", ["github-pages"]),
    ])
    func gemfileGroups(gemfile: String, expected: [String]) {
        #expect(GemfilePlugins.names(inGemfile: gemfile) == expected)
    }

    struct Named: JekyllPlugin {
        let name: String
    }

    static let available: [any JekyllPlugin] = ["jekyll-feed", "jekyll-seo-tag", "jekyll-sitemap", "jekyll-gist",
                                                "jekyll-paginate", "jekyll-default-layout"].map(Named.init)

    func select(_ config: Value, gemfile: String? = nil,
                environment: [String: String] = [:]) throws -> (names: [String], warnings: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kyll-plugins-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        if let gemfile { try gemfile.write(to: folder.appendingPathComponent("Gemfile"), atomically: true, encoding: .utf8) }
        var hash = config.orderedHash ?? OrderedHash()
        hash["source"] = .string(folder.path)
        let lines = Mutex<[String]>([])
        let logger = Logger(sink: { _, line in lines.withLock { $0.append(line) } })
        let selected = PluginSelection.select(from: Self.available, configuration: Configuration(hash: hash), theme: nil,
                                              logger: logger, environment: { environment[$0] })
        return (selected.map(\.name), lines.withLock { $0 })
    }

    @Test func configurationPluginsAndUnknownNames() throws {
        let (names, warnings) = try select(["plugins": ["jekyll-feed", "jekyll-unheard-of", "jekyll-sitemap"]])
        #expect(names == ["jekyll-feed", "jekyll-sitemap"])
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("jekyll-unheard-of") == true)
    }

    /// Jekyll 4.3 no longer reads `gems` (nor warns); kyll ignores it and says so.
    @Test func deprecatedGemsIsIgnoredWithAWarning() throws {
        let (names, warnings) = try select(["gems": ["jekyll-gist"]])
        #expect(names == [])
        #expect(warnings.contains { $0.contains("'gems' configuration option has been renamed to 'plugins'") })
    }

    @Test func safeModeKeepsOnlyWhitelisted() throws {
        let (names, _) = try select(["safe": true, "plugins": ["jekyll-feed", "jekyll-gist"], "whitelist": ["jekyll-gist"]])
        #expect(names == ["jekyll-gist"])
    }

    @Test func gemfileGroupIsOnEvenInSafeMode() throws {
        let gemfile = "group :jekyll_plugins do\n  gem \"jekyll-seo-tag\"\nend\n"
        let (names, _) = try select(["safe": true, "plugins": ["jekyll-feed"]], gemfile: gemfile)
        #expect(names == ["jekyll-seo-tag"])
        let (skipped, _) = try select([:], gemfile: gemfile, environment: ["JEKYLL_NO_BUNDLER_REQUIRE": "true"])
        #expect(skipped == [])
    }

    @Test func githubPagesSwitchesOnItsDefaults() throws {
        let (names, warnings) = try select(["plugins": ["github-pages"]])
        #expect(names == ["jekyll-gist", "jekyll-paginate", "jekyll-default-layout"])
        // The ones kyll does not have are named.
        #expect(warnings.contains { $0.contains("jekyll-coffeescript") })
    }
}
