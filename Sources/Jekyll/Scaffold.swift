import Foundation
import Liquid

/// `new` and `new-theme`: a starter site (or a blank one) and a theme gem skeleton, laid out as
/// Jekyll lays them out, with kyll's own starter text.
public enum Scaffold {
    public struct Failure: Error, Sendable { public let message: String }

    /// A starter site at `path`: configuration, home, about and 404 pages, a first post, a Gemfile.
    /// With `blank`, only the folders and a minimal layout, stylesheet and page.
    public static func newSite(at path: String, blank: Bool, force: Bool, logger: Logger) throws(Failure) {
        try makeDirectory(path)
        if !force, !FileSystem.walkFiles(path).filter({ !$0.hasPrefix(".") }).isEmpty {
            logger.error("Conflict:", "\(path) exists and is not empty.")
            throw Failure(message: "Ensure \(path) is empty or else try again with `--force` to proceed and overwrite any files.")
        }
        if blank {
            for dir in ["_data", "_drafts", "_includes", "_layouts", "_posts", "_sass", "assets/css"] {
                try makeDirectory(Path.join(path, dir))
            }
            try write(Path.join(path, "_config.yml"), "# Site settings go here (title, url, plugins, …).\n")
            try write(Path.join(path, "_layouts/default.html"), """
                <!doctype html>
                <html>
                  <head>
                    <meta charset="utf-8">
                    <title>{{ page.title | default: site.title }}</title>
                    <link rel="stylesheet" href="{{ '/assets/css/main.css' | relative_url }}">
                  </head>
                  <body>
                    {{ content }}
                  </body>
                </html>

                """)
            try write(Path.join(path, "_sass/main.scss"), "body {\n  margin: 2rem auto;\n  max-width: 40rem;\n  font-family: sans-serif;\n}\n")
            try write(Path.join(path, "assets/css/main.scss"), "---\n---\n\n@import \"main\";\n")
            try write(Path.join(path, "index.md"), "---\nlayout: default\ntitle: Home\n---\n\n# Hello\n\nStart developing your site here.\n")
        } else {
            for dir in ["_posts"] { try makeDirectory(Path.join(path, dir)) }
            try write(Path.join(path, "_config.yml"), """
                # Settings for the whole site; `kyll build` reads this file once per build.
                title: My new site
                email: you@example.com
                description: >-
                  A few words about what this site is for.
                baseurl: ""
                url: ""
                github_username: ""

                theme: minima
                plugins:
                  - jekyll-feed

                """)
            try write(Path.join(path, "Gemfile"), """
                source "https://rubygems.org"

                gem "jekyll", "~> 4.3.1"
                gem "minima", "~> 2.5"

                group :jekyll_plugins do
                  gem "jekyll-feed", "~> 0.12"
                end

                """)
            try write(Path.join(path, "index.markdown"), "---\nlayout: home\n---\n")
            try write(Path.join(path, "about.markdown"), """
                ---
                layout: page
                title: About
                permalink: /about/
                ---

                Tell your readers who you are and what this site is about.

                """)
            try write(Path.join(path, "404.html"), """
                ---
                permalink: /404.html
                layout: default
                ---

                <div class="container">
                  <h1>404</h1>
                  <p><strong>Not found.</strong> There is nothing at this address.</p>
                </div>

                """)
            let now = Value.time(.now())
            let day = DateFilter.strftime(now, "%Y-%m-%d") ?? ""
            try write(Path.join(path, "_posts/\(day)-welcome-to-jekyll.markdown"), """
                ---
                layout: post
                title: "Welcome"
                date: \(DateFilter.strftime(now, "%Y-%m-%d %H:%M:%S %z") ?? "")
                categories: news
                ---
                This is your first post. Edit it, or add new ones to `_posts` named `YYYY-MM-DD-title.markdown`.

                """)
            try write(Path.join(path, ".gitignore"), "_site\n.sass-cache\n.jekyll-cache\n.jekyll-metadata\nvendor\n")
        }
        logger.info("New jekyll site installed in \u{1B}[36m\(path)\u{1B}[0m.")
    }

    /// The folders a theme gem ships.
    public static let themeDirectories = ["assets", "_data", "_layouts", "_includes", "_sass"]

    /// A theme gem skeleton named `name` in the working directory, with a git repository.
    public static func newTheme(_ name: String, in directory: String, codeOfConduct: Bool, logger: Logger) throws(Failure) {
        var themeName = name.replacingAll(" ", with: "_")
        while themeName.contains("__") { themeName = themeName.replacingAll("__", with: "_") }
        let path = Path.join(directory, themeName)
        if FileSystem.exists(path) {
            logger.error("Conflict:", "\(path) already exists.")
            throw Failure(message: "\(path) already exists.")
        }
        for dir in themeDirectories {
            logger.info("create", Path.join(path, dir))
            try makeDirectory(Path.join(path, dir))
        }
        let (user, email) = (git(["config", "user.name"]), git(["config", "user.email"]))
        var files: [(String, String)] = [
            ("_layouts/page.html", "---\nlayout: default\n---\n\n{{ content }}\n"),
            ("_layouts/post.html", "---\nlayout: default\n---\n\n{{ content }}\n"),
            ("_layouts/default.html", "{{ content }}\n"),
            ("Gemfile", "source \"https://rubygems.org\"\n\ngemspec\n"),
            ("\(themeName).gemspec", gemspec(themeName, user: user, email: email)),
            ("README.md", readme(themeName)),
            ("LICENSE.txt", license(user)),
        ]
        if codeOfConduct { files.append(("CODE_OF_CONDUCT.md", conduct(email))) }
        for (file, text) in files {
            logger.info("create", Path.join(path, file))
            try write(Path.join(path, file), text)
        }
        logger.info("initialize", Path.join(path, ".git"))
        _ = git(["init", "-q", path])
        logger.info("create", Path.join(path, ".gitignore"))
        try write(Path.join(path, ".gitignore"), "*.gem\n.bundle\n.jekyll-cache\n.sass-cache\n_site\nGemfile.lock\n")
        logger.info("Your new Jekyll theme, \u{1B}[36m\(themeName)\u{1B}[0m, is ready for you in \u{1B}[36m\(path)\u{1B}[0m!")
        logger.info("For help getting started, read \(path)/README.md.")
    }

    static func gemspec(_ name: String, user: String, email: String) -> String {
        let folders = (themeDirectories + ["LICENSE", "README", "_config\\.yml"]).joined(separator: "|")
        return """
            # frozen_string_literal: true

            Gem::Specification.new do |spec|
              spec.name          = \(Value.string(name).inspect)
              spec.version       = "0.1.0"
              spec.authors       = [\(Value.string(user).inspect)]
              spec.email         = [\(Value.string(email).inspect)]

              spec.summary       = "A Jekyll theme (describe it here)."
              spec.homepage      = "https://example.com (the theme's home page or repository)"
              spec.license       = "MIT"

              # The theme's folders and its licence, readme and configuration, as tracked by git.
              spec.files         = `git ls-files -z`.split("\\x0").select { |f| f.match(%r!^(\(folders))!i) }

              spec.add_runtime_dependency "jekyll", "~> 4.3"
            end

            """
    }

    static func readme(_ name: String) -> String {
        """
        # \(name)

        A theme for Jekyll sites (and kyll). Describe what it looks like and how to configure it here.

        ## Using it

        Add `gem "\(name)"` to your site's Gemfile, and `theme: \(name)` to its `_config.yml`.

        ## Working on it

        `_layouts`, `_includes`, `_sass` and `assets` are what the gem ships. Preview the theme with a
        site that uses it, and build the gem with `gem build \(name).gemspec`.

        ## License

        MIT, see LICENSE.txt.

        """
    }

    static func license(_ user: String) -> String {
        let year = TimeValue.now().components.year
        return """
            The MIT License (MIT)

            Copyright (c) \(year) \(user)

            Permission is hereby granted, free of charge, to any person obtaining a copy
            of this software and associated documentation files (the "Software"), to deal
            in the Software without restriction, including without limitation the rights
            to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
            copies of the Software, and to permit persons to whom the Software is
            furnished to do so, subject to the following conditions:

            The above copyright notice and this permission notice shall be included in
            all copies or substantial portions of the Software.

            THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
            IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
            FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
            AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
            LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
            OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
            THE SOFTWARE.

            """
    }

    static func conduct(_ email: String) -> String {
        """
        # Code of conduct

        Everyone who takes part in this project — in issues, pull requests and any other place — is
        expected to be respectful, patient and welcoming, whatever their experience, background or
        identity. Harassment and personal attacks are not tolerated.

        Report unacceptable behaviour to \(email.isEmpty ? "the maintainers" : email). Reports are
        handled promptly and confidentially, and the maintainers may remove contributions or people
        that do not follow this code.

        """
    }

    static func makeDirectory(_ path: String) throws(Failure) {
        do { try FileSystem.makeDirectories(path) } catch { throw Failure(message: "\(error)") }
    }

    static func write(_ path: String, _ text: String) throws(Failure) {
        do { try FileSystem.write(Array(text.utf8), to: path) } catch { throw Failure(message: "\(error)") }
    }

    /// Runs git and returns its output without the final newline ("" when it fails).
    static func git(_ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
