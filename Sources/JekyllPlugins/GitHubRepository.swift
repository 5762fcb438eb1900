import Jekyll
import Liquid

/// The GitHub Pages environment variables jekyll-github-metadata reads, with its defaults.
struct GitHubPagesEnvironment {
    let lookup: (String) -> String?

    /// A variable that is set and not empty.
    func variable(_ name: String) -> String? {
        guard let v = lookup(name), !v.isEmpty else { return nil }
        return v
    }

    private func setting(_ name: String, fallback: String?, default value: String) -> String {
        variable(name) ?? fallback ?? value
    }

    private static func trimmingSlash(_ s: String) -> String { s.hasSuffix("/") ? String(s.dropLast()) : s }

    /// `PAGES_ENV`, else `JEKYLL_ENV`, else development.
    var environmentName: String { setting("PAGES_ENV", fallback: lookup("JEKYLL_ENV"), default: "development") }
    var isTest: Bool { environmentName == "test" }
    var isDotcom: Bool { environmentName == "dotcom" }
    var isEnterprise: Bool { environmentName == "enterprise" }
    var customDomainsEnabled: Bool { isDotcom || isTest }
    var scheme: String { (variable("SSL") ?? "false") == "true" || isTest ? "https" : "http" }
    var subdomainIsolation: Bool { variable("SUBDOMAIN_ISOLATION") == "true" }

    var githubHostname: String {
        Self.trimmingSlash(setting("PAGES_GITHUB_HOSTNAME", fallback: lookup("GITHUB_HOSTNAME"), default: "github.com"))
    }

    var pagesHostname: String {
        let fallback = lookup("PAGES_HOSTNAME") ?? (environmentName == "development" ? "localhost:4000" : nil)
        return Self.trimmingSlash(setting("PAGES_PAGES_HOSTNAME", fallback: fallback, default: "github.io"))
    }

    var apiURL: String { Self.trimmingSlash(setting("PAGES_API_URL", fallback: lookup("API_URL"), default: "https://api.github.com")) }
    var helpURL: String { Self.trimmingSlash(setting("PAGES_HELP_URL", fallback: lookup("HELP_URL"), default: "https://help.github.com")) }

    var githubURL: String {
        isDotcom || githubHostname == "github.com" ? "https://github.com" : "\(scheme)://\(githubHostname)"
    }
}

/// What jekyll-github-metadata knows of a repository without asking the API.
struct GitHubRepository {
    let nwo: String
    let owner: String
    let name: String
    let pages: GitHubPagesEnvironment

    init(nwo: String, pages: GitHubPagesEnvironment) {
        self.nwo = nwo
        let parts = nwo.split(separator: "/", omittingEmptySubsequences: false)
        owner = String(parts.first ?? "")
        name = String(parts.last ?? "")
        self.pages = pages
    }

    var isGitHubRepo: Bool { !pages.isEnterprise && owner == "github" }

    var defaultUserDomain: String {
        if isGitHubRepo { return "\(owner).\(pages.githubHostname)".lowercased() }
        if pages.isEnterprise { return pages.pagesHostname.lowercased() }
        return "\(owner).\(pages.pagesHostname)".lowercased()
    }

    var userPageDomains: [String] {
        pages.isEnterprise ? [defaultUserDomain] : [defaultUserDomain, "\(owner).github.com".lowercased()]
    }

    var isUserPage: Bool {
        if pages.isEnterprise { return name.lowercased() == "\(owner.lowercased()).\(pages.githubHostname)" }
        return userPageDomains.contains(name.lowercased())
    }

    var isProjectPage: Bool { !isUserPage }
    var ownerURL: String { "\(pages.githubURL)/\(owner)" }
    var repositoryURL: String { "\(ownerURL)/\(name)" }
    var gitRef: String { isUserPage ? "master" : "gh-pages" }

    /// The site's URL as GitHub Pages would serve it (without the API's `html_url`).
    var htmlURL: String {
        var url: String
        if !pages.customDomainsEnabled {
            let path = isUserPage ? owner : nwo
            url = pages.subdomainIsolation ? "\(pages.scheme)://\(pages.pagesHostname)/\(path)" : "\(pages.githubURL)/pages/\(path)"
        } else {
            let scheme = isGitHubRepo && domain.hasSuffix(".github.com") ? "https" : "http"
            url = isUserPage ? "\(scheme)://\(domain)" : "\(scheme)://\(domain)/\(name)"
        }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    private var domain: String {
        pages.customDomainsEnabled ? defaultUserDomain : pages.githubHostname
    }

    /// The scheme and host of the URL.
    var urlWithoutPath: String {
        let url = htmlURL
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        return String(url[..<schemeEnd.upperBound]) + String(rest.prefix { $0 != "/" })
    }

    var baseurl: String { String(htmlURL.dropFirst(urlWithoutPath.count)) }

    /// `site.github`: the keys the plugin's drop has, in its (sorted) order; those the API would
    /// fill are nil, as they are offline.
    func metadata(buildRevision: String) -> OrderedHash {
        let source: Value = ["branch": .string(gitRef), "path": "/"]
        let fields: [(String, Value)] = [
            ("api_url", .string(pages.apiURL)), ("archived", .nil), ("baseurl", .string(baseurl)),
            ("build_revision", .string(buildRevision)), ("clone_url", .string(repositoryURL + ".git")),
            ("contributors", .nil), ("disabled", .nil), ("environment", .string(pages.environmentName)),
            ("help_url", .string(pages.helpURL)), ("hostname", .string(pages.githubHostname)),
            ("is_project_page", .bool(isProjectPage)), ("is_user_page", .bool(isUserPage)), ("issues_url", .nil),
            ("language", .nil), ("latest_release", .nil), ("license", .nil), ("organization_members", .nil),
            ("owner", .nil), ("owner_display_name", .nil), ("owner_gravatar_url", .string(ownerURL + ".png")),
            ("owner_name", .string(owner)), ("owner_url", .string(ownerURL)), ("pages_env", .string(pages.environmentName)),
            ("pages_hostname", .string(pages.pagesHostname)), ("private", .nil), ("project_tagline", .nil),
            ("project_title", .string(name)), ("public_repositories", .nil), ("releases", .nil),
            ("releases_url", .string(repositoryURL + "/releases")), ("repository_name", .string(name)),
            ("repository_nwo", .string(nwo)), ("repository_url", .string(repositoryURL)), ("show_downloads", .nil),
            ("source", source), ("tar_url", .string(repositoryURL + "/tarball/" + gitRef)),
            ("url", .string(htmlURL)), ("versions", .hash(OrderedHash())), ("wiki_url", .nil),
            ("zip_url", .string(repositoryURL + "/zipball/" + gitRef)),
        ]
        return OrderedHash(fields)
    }
}
