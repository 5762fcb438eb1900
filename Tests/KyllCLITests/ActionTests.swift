import Foundation
import Testing
import YAML

/// `action.yml`, the GitHub Action: its shell steps run here as a runner runs them (see
/// `ActionRunner`) on a fixture site, in each of its three ways of getting kyll — a downloaded
/// release, a cache hit, a build from source (with `swift` standing in, so the Makefile's install
/// runs for real without a release build) — and the file itself checked.
@Suite struct ActionTests {
    static let actionFile = Repository.root.appendingPathComponent("action.yml")

    static let site = """
        -- docs/_config.yml --
        title: Action
        url: https://example.github.io
        -- docs/index.html --
        ---
        ---
        {{ site.title }} {{ jekyll.environment }} {{ '/app.css' | relative_url }} {% for p in site.posts %}[{{ p.title }}]{% endfor %}
        -- docs/_drafts/draft.md --
        ---
        title: Draft
        ---
        draft
        """

    struct Workplace {
        let folder: TemporaryDirectory
        let workspace: URL
        let runnerTemp: URL
        let kyll: String

        init() throws {
            folder = try TemporaryDirectory("kyll-action")
            workspace = folder.sub("workspace")
            runnerTemp = folder.sub("runner-temp")
            for url in [workspace, runnerTemp] {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            }
            try FixtureSite(ActionTests.site).write(into: workspace)
            guard let kyll = KyllExecutable.path else { throw ActionRunner.Failure(description: "no kyll executable") }
            self.kyll = kyll
        }

        func runner(_ inputs: [String: String]) throws -> ActionRunner {
            var runner = try ActionRunner(actionFile: ActionTests.actionFile, workspace: workspace, runnerTemp: runnerTemp)
            runner.inputs = inputs
            return runner
        }

        func read(_ path: String) -> String? {
            (try? Data(contentsOf: workspace.appendingPathComponent(path))).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    static func ranSteps(_ runner: ActionRunner) -> [String] { runner.records.filter(\.ran).map(\.name) }

    @Test func downloadsAReleaseAndBuildsTheSite() throws {
        let place = try Workplace()
        // A release archive as `make dist` lays it out, served from a folder.
        let release = place.folder.sub("releases/v9.9.9")
        let staging = place.folder.sub("archive")
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: place.kyll, toPath: staging.appendingPathComponent("bin/kyll").path)
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        let machine = try runProgram("/usr/bin/uname", ["-m"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let archive = release.appendingPathComponent("kyll-9.9.9-linux-\(machine).tar.gz")
        #expect(try runProgram("/bin/tar", ["-czf", archive.path, "-C", staging.path, "."]).status == 0)

        var runner = try place.runner(["version": "9.9.9", "source": "docs", "baseurl": "/project", "args": "--drafts -q"])
        runner.usesOutputs = ["cache": ["cache-hit": ""]]
        runner.jobEnvironment = ["KYLL_DOWNLOAD_BASE": "file://" + place.folder.sub("releases").path]
        try runner.run()
        #expect(Self.ranSteps(runner) == ["Plan", "Install libyaml, cmark-gfm, libsass and jemalloc", "Download kyll", "Build the site"])
        #expect(place.read("_site/index.html") == "Action production /project/app.css [Draft]\n")
        let outputs = try runner.outputs()
        #expect(outputs["path"] == place.workspace.appendingPathComponent("_site").path)
        #expect(outputs["kyll"] == place.runnerTemp.path + "/kyll-9.9.9/bin/kyll")
        #expect(runner.addedPaths == [place.runnerTemp.path + "/kyll-9.9.9/bin"])
        #expect(runner.stepOutputs["plan"]?["cache-key"] == "kyll-Linux-\(ActionRunner.runnerArch)-9.9.9")
    }

    @Test func aCacheHitSkipsTheDownloadAndKeepsJEKYLL_ENV() throws {
        let place = try Workplace()
        let bin = place.runnerTemp.appendingPathComponent("kyll-1.0.0/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: place.kyll, toPath: bin.appendingPathComponent("kyll").path)
        var runner = try place.runner(["version": "1.0.0", "source": "docs", "destination": "public/site"])
        runner.usesOutputs = ["cache": ["cache-hit": "true"]]
        runner.jobEnvironment = ["JEKYLL_ENV": "staging"]
        try runner.run()
        #expect(Self.ranSteps(runner) == ["Plan", "Install libyaml, cmark-gfm, libsass and jemalloc", "Build the site"])
        #expect(place.read("public/site/index.html") == "Action staging /app.css \n")
        #expect(try runner.outputs()["path"] == place.workspace.appendingPathComponent("public/site").path)
    }

    /// From source: `swift` is a stand-in that reports version 6.2 and "builds" by pointing at the
    /// tests' kyll, so the Makefile's `install` (executable, completions, man page) runs for real.
    @Test func buildsFromSourceThroughTheMakefile() throws {
        let place = try Workplace()
        let fake = place.folder.sub("fake-bin")
        try FileManager.default.createDirectory(at: fake, withIntermediateDirectories: true)
        let binFolder = URL(fileURLWithPath: place.kyll).deletingLastPathComponent().path
        let swift = fake.appendingPathComponent("swift")
        try Data("""
            #!/bin/sh
            case "$*" in
              --version*) echo "Swift version 6.2 (swift-6.2-RELEASE)";;
              *--show-bin-path*) echo "\(binFolder)";;
              build*) echo "swift $*" >> "\(place.folder.path)/swift-calls";;
              *) exit 2;;
            esac
            """.utf8).write(to: swift)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: swift.path)
        var runner = try place.runner(["source": "docs"])
        runner.usesOutputs = ["cache": ["cache-hit": "false"]]
        runner.pathPrefix = [fake.path]
        try runner.run()
        #expect(Self.ranSteps(runner) == ["Plan", "Install libyaml, cmark-gfm, libsass and jemalloc", "Install Swift", "Build kyll",
                                          "Build the site"])
        let key = try #require(runner.stepOutputs["plan"]?["cache-key"])
        #expect(key.hasPrefix("kyll-Linux-\(ActionRunner.runnerArch)-src-"))
        let prefix = try #require(runner.stepOutputs["plan"]?["dir"])
        let fm = FileManager.default
        #expect(fm.isExecutableFile(atPath: prefix + "/bin/kyll"))
        #expect(fm.fileExists(atPath: prefix + "/share/man/man1/kyll.1"))
        let bash = (try? String(contentsOfFile: prefix + "/share/bash-completion/completions/kyll", encoding: .utf8)) ?? ""
        #expect(bash.contains("doctor") && bash.contains("--limit_posts"))
        #expect(fm.fileExists(atPath: prefix + "/share/zsh/site-functions/_kyll"))
        #expect(fm.fileExists(atPath: prefix + "/share/fish/vendor_completions.d/kyll.fish"))
        let calls = (try? String(contentsOfFile: place.folder.path + "/swift-calls", encoding: .utf8)) ?? ""
        #expect(calls.contains("build -c release --product kyll"), "\(calls)")
        #expect(place.read("_site/index.html") == "Action production /app.css \n")
    }

    @Test func aFailingBuildFailsTheStep() throws {
        let place = try Workplace()
        try Data("---\n---\n{% if %}\n".utf8).write(to: place.workspace.appendingPathComponent("docs/bad.html"))
        let bin = place.runnerTemp.appendingPathComponent("kyll-1.0.0/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: place.kyll, toPath: bin.appendingPathComponent("kyll").path)
        var runner = try place.runner(["version": "1.0.0", "source": "docs"])
        runner.usesOutputs = ["cache": ["cache-hit": "true"]]
        #expect(throws: ActionRunner.Failure.self) { try runner.run() }
        #expect(runner.records.last?.name == "Build the site")
        #expect(place.read("_site/index.html") == nil)
    }

    /// The metadata GitHub reads: a composite action whose steps all name a shell or an action,
    /// whose expressions name declared inputs and existing steps, with unique step ids.
    @Test func actionMetadataIsWellFormed() throws {
        let runner = try ActionRunner(actionFile: Self.actionFile, workspace: Repository.root, runnerTemp: Repository.root)
        let action = runner.action
        #expect(action["name"]?.stringValue?.isEmpty == false)
        #expect(action["description"]?.stringValue?.isEmpty == false)
        #expect(action["runs"]?["using"]?.stringValue == "composite")
        let inputs = Set((action["inputs"]?.mappingValue?.keys ?? []).compactMap(\.stringValue))
        #expect(inputs == ["source", "destination", "baseurl", "args", "version"])
        var ids: [String] = []
        let text = try String(contentsOf: Self.actionFile, encoding: .utf8)
        for step in runner.steps {
            if let id = step["id"]?.stringValue { ids.append(id) }
            #expect(step["name"]?.stringValue != nil)
            if step["run"] != nil {
                #expect(step["shell"]?.stringValue == "bash", "\(step)")
                // Inputs reach scripts through env, never pasted into the script.
                let script = step["run"]?.stringValue ?? ""
                #expect(script.range(of: "${{") == nil, "\(script)")
            } else {
                #expect(step["uses"]?.stringValue != nil, "\(step)")
            }
        }
        #expect(Set(ids).count == ids.count)
        // Every expression evaluates (unknown inputs, steps or contexts throw).
        var rest = Substring(text)
        while let open = rest.range(of: "${{"), let close = rest[open.upperBound...].range(of: "}}") {
            let expression = String(rest[open.upperBound..<close.lowerBound])
            #expect(throws: Never.self, "\(expression)") { _ = try runner.evaluate(expression) }
            rest = rest[close.upperBound...]
        }
    }

    /// yamllint (Debian's package, installed by scripts/install-deps --test) with the repository's
    /// `.yamllint`.
    @Test func yamllintAcceptsTheActionAndTheExampleWorkflow() throws {
        let paths = ((ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")).map { "\($0)/yamllint" }
        guard let yamllint = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if Oracle.isRequired { Issue.record("yamllint is not installed (apt-get install yamllint)") }
            return
        }
        let result = try runProgram(yamllint, ["--strict", "action.yml", "docs/pages-workflow.yml"], directory: Repository.root)
        #expect(result.status == 0, "\(result.output)")
    }

    /// The workflow in the README and the migration guide is docs/pages-workflow.yml, word for word.
    @Test func readmeShowsTheExampleWorkflow() throws {
        let workflow = try String(contentsOf: Repository.root.appendingPathComponent("docs/pages-workflow.yml"), encoding: .utf8)
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let indented = workflow.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        #expect(readme.contains(indented.trimmingCharacters(in: .newlines)))
        let migration = try String(contentsOf: Repository.root.appendingPathComponent("docs/migration.md"), encoding: .utf8)
        #expect(migration.contains("```yaml\n" + workflow + "```"))
        let parsed = try YAML.load(workflow)
        let steps = parsed["jobs"]?["build"]?["steps"]?.sequenceValue ?? []
        #expect(steps.contains { $0["uses"]?.stringValue?.hasPrefix("actions/upload-pages-artifact") == true })
        #expect(steps.contains { $0["with"]?["baseurl"]?.stringValue == "${{ steps.pages.outputs.base_path }}" })
    }
}
