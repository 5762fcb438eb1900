import Foundation
import Jekyll
import Liquid

/// jekyll-github-metadata: `site.github` — the repository's name, owner and URLs, worked out from
/// `PAGES_REPO_NWO`, the configuration's `repository`, or the `origin` remote (in development) —
/// and `site.title` (and in production `site.url`, `site.baseurl`) when the configuration has none.
/// The plugin asks GitHub's API for the rest (description, license, releases, contributors, …);
/// kyll never goes to the network, so those are empty, as the plugin leaves them offline, and one
/// warning says so.
public struct GitHubMetadata: JekyllPlugin {
    public init() {}
    public var name: String { "jekyll-github-metadata" }
    /// The plugin changes the configuration as the site is set up, before any generator.
    public var priority: PluginPriority { .highest }

    public func register(in environment: inout LiquidEnvironment, configuration: Configuration) {
        environment.register(tag: "github_edit_link", GitHubEditLinkTag.Parser())
    }

    public func generate(_ site: inout Site) throws(BuildError) {
        let pages = GitHubPagesEnvironment(lookup: FileSystem.environment)
        var config = site.configuration.hash
        let nwo = repositoryName(site.configuration, pages: pages)
        site.logger.warn("GitHub Metadata:", "kyll does not call the GitHub API: fields that need it "
                         + "(description, license, releases, contributors, …) are empty.")
        guard let nwo else {
            site.logger.warn("GitHub Metadata:", "No repo name found. Specify using PAGES_REPO_NWO environment variables, "
                             + "'repository' in your configuration, or set up an 'origin' git remote pointing to "
                             + "your github.com repository.")
            return
        }
        let repository = GitHubRepository(nwo: nwo, pages: pages)
        if config["name"]?.rubyTruthy == true && config["title"]?.rubyTruthy != true {
            site.logger.warn("GitHub Metadata:", "site.name is set in _config.yml, but many plugins and themes expect "
                             + "site.title to be used instead. To avoid potential inconsistency, Jekyll GitHub Metadata "
                             + "will not set site.title to the repository's name.")
        } else if config["title"]?.rubyTruthy != true {
            config["title"] = .string(repository.isProjectPage ? repository.name : repository.owner)
        }
        if pages.environmentName == "production" || !(pages.variable("PAGE_BUILD_ID") ?? "").isEmpty {
            if config["url"]?.rubyTruthy != true { config["url"] = .string(repository.urlWithoutPath) }
            if config["baseurl"] == nil || config["baseurl"] == .nil || config["baseurl"] == "/" {
                config["baseurl"] = .string(repository.baseurl)
            }
        }
        let github = repository.metadata(buildRevision: buildRevision(site.source))
        switch config["github"] {
        case nil, .nil?: config["github"] = .hash(github)
        case .hash(let given)?: config["github"] = .hash(github.deepMerged(with: given))
        default: break  // anything else is what `site.github` is
        }
        site.configuration = Configuration(hash: config, files: site.configuration.files)
    }

    /// `PAGES_REPO_NWO`, then `repository: owner/name`, then (in development and test) the
    /// `origin` remote when it points at the GitHub host.
    func repositoryName(_ configuration: Configuration, pages: GitHubPagesEnvironment) -> String? {
        if let env = pages.variable("PAGES_REPO_NWO"), !env.isEmpty { return env }
        if case .string(let repo)? = configuration["repository"], repo.contains("/") { return repo }
        guard let jekyllEnv = FileSystem.environment("JEKYLL_ENV") ?? Optional("development"),
              jekyllEnv == "development" || jekyllEnv == "test" else { return nil }
        let remotes = Git.run(["remote", "--verbose"], in: configuration.source) ?? ""
        let origin = remotes.split(separator: "\n").first { $0.hasPrefix("origin\t") }
        guard let origin else { return nil }
        var url = String(origin.dropFirst("origin\t".count))
        if let paren = url.range(of: " (", options: .backwards) { url = String(url[..<paren.lowerBound]) }
        if url.hasSuffix(".git") { url.removeLast(4) }
        return GitHubMetadata.nwo(inRemote: url, host: pages.githubHostname)
    }

    /// `owner/name` after the host and a `:` or `/` in a remote URL.
    static func nwo(inRemote url: String, host: String) -> String? {
        guard let hostRange = url.range(of: host) else { return nil }
        var rest = url[hostRange.upperBound...]
        guard let separator = rest.first, separator == ":" || separator == "/" else { return nil }
        rest = rest.dropFirst()
        let isWord: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        let owner = rest.prefix { isWord($0) || $0 == "-" }
        guard !owner.isEmpty, rest.dropFirst(owner.count).first == "/" else { return nil }
        let name = rest.dropFirst(owner.count + 1).prefix { isWord($0) || $0 == "-" || $0 == "." }
        return name.isEmpty ? nil : "\(owner)/\(name)"
    }

    /// `JEKYLL_BUILD_REVISION`, or the commit checked out where the site is.
    func buildRevision(_ source: String) -> String {
        if let given = FileSystem.environment("JEKYLL_BUILD_REVISION"), !given.isEmpty { return given }
        return (Git.run(["rev-parse", "HEAD"], in: source) ?? "").rubyStripped
    }
}

/// Runs git (the plugin does too, so that `insteadOf` rewrites and worktrees are seen the same).
enum Git {
    static func run(_ arguments: [String], in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
