// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "kyll",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kyll", targets: ["kyll"]),
        // For the separate benchmark and fuzzing packages.
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "Liquid", targets: ["Liquid"]),
        .library(name: "JekyllLiquid", targets: ["JekyllLiquid"]),
        .library(name: "Markdown", targets: ["Markdown"]),
        .library(name: "ValidUTF8", targets: ["ValidUTF8"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
    ],
    targets: [
        // C libraries from the system, found through pkg-config.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1",
                       providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]),
        .systemLibrary(name: "CSass", pkgConfig: "libsass",
                       providers: [.apt(["libsass-dev"]), .brew(["libsass"])]),

        // HTTP serving like GitHub Pages, live reload, file watching. No Jekyll.
        .target(name: "Server", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], exclude: ["README.md"]),
        // Serves and watches a folder for Tests/browser (headless Chromium, live reload).
        .executableTarget(name: "server-harness", dependencies: ["Server"], path: "Tests/browser/Harness"),
        // notifyReload → message at live reload clients, for the record (not a test).
        .executableTarget(name: "server-latency", dependencies: [
            "Server",
            .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
        ], path: "Benchmarks/ServerLatency"),
        // `kyll serve`: save → rebuilt file and → reload message, on a generated site (not a test).
        .executableTarget(name: "serve-bench", dependencies: [
            "Server",
            .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
        ], path: "Benchmarks/serve", exclude: ["run.sh", "RESULTS.md", "standin.py", "check_edits.py"]),
        .testTarget(name: "ServerTests", dependencies: [
            "Server",
            .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
        ]),

        // Strings from bytes known to be valid UTF-8, without a second check (Liquid's output,
        // the Markdown converters' HTML, source files Jekyll has checked).
        .target(name: "ValidUTF8"),
        .testTarget(name: "ValidUTF8Tests", dependencies: ["ValidUTF8"]),

        // Our Liquid engine (no Jekyll inside), and Jekyll's changes to Liquid as a flavour on top.
        .target(name: "Liquid", dependencies: ["ValidUTF8"], exclude: ["README.md"]),
        .target(name: "JekyllLiquid", dependencies: ["Liquid"]),
        .testTarget(name: "LiquidTests", dependencies: ["Liquid", "JekyllLiquid"]),

        // Standalone libraries over the C ones.
        .target(name: "YAML", dependencies: ["CYAML"], exclude: ["README.md"]),
        .target(name: "Sass", dependencies: ["CSass"], exclude: ["README.md"]),

        // Markdown: cmark-gfm parsing, kramdown-compatible HTML.
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "ValidUTF8", "CByteScan"], exclude: ["README.md"]),
        // Where the span triggers of a Markdown text are, as a bitmap made 16 or 32 bytes a step (SSSE3, AVX2, NEON);
        // the word count of `number_of_words`, 64 bytes a step.
        .target(name: "CByteScan"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "MarkdownHighlight", "CByteScan", "ByteLaneCases"],
                    exclude: ["Fixtures"]),
        .target(name: "ByteLaneCases", path: "Tests/ByteLaneCases"),
        .executableTarget(name: "markdown-bench", dependencies: ["Markdown", "MarkdownHighlight"], path: "Benchmarks/markdown",
                          exclude: ["kramdown_bench.rb", "RESULTS.md", "realsites.py", "fuzzdiff.py", "sitebuilds.py",
                                    "markdown_pages.rb"]),

        // Rouge-compatible syntax highlighting.
        .target(name: "Highlight", exclude: ["README.md"]),
        // Highlight's lexers as Markdown's highlighting hook, as Jekyll and the Markdown tests wire them.
        .target(name: "MarkdownHighlight", dependencies: ["Markdown", "Highlight"]),
        .testTarget(name: "HighlightTests", dependencies: ["Highlight", "Markdown", "MarkdownHighlight", "ByteLaneCases"],
                    exclude: ["Fixtures"]),
        .executableTarget(name: "highlight-bench", dependencies: ["Highlight"], path: "Benchmarks/highlight",
                          exclude: ["RESULTS.md", "bench.sh"]),

        // The site model and build pipeline; the emulated plugins.
        .target(name: "Jekyll", dependencies: ["Liquid", "JekyllLiquid", "YAML", "Markdown", "Sass", "MarkdownHighlight", "ValidUTF8", "CByteScan", "CSystemCalls"]),
        // Linux calls Swift's Glibc module does not declare, called by name (no `dlsym` in a static executable).
        .target(name: "CSystemCalls"),
        .target(name: "JekyllPlugins", dependencies: ["Jekyll", "Liquid", "JekyllLiquid", "Markdown", "ValidUTF8"], exclude: ["README.md"]),

        // The command line.
        .target(name: "KyllCLI", dependencies: [
            "Jekyll", "JekyllPlugins", "Server",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            "Liquid", "JekyllLiquid",
        ]),
        // The release executable on Linux links jemalloc (Debian's libjemalloc-dev), which then serves
        // every malloc of the process: glibc's allocator cost a build ~10-20 % more CPU on two
        // threads. Debug builds (tests, sanitizers, which bring allocators of their own) keep glibc's.
        // It is linked statically (scripts/link-release), the C libraries and glibc too: no dynamic
        // loader mapping, relocating and binding shared libraries at every start (libsass and the
        // C++ runtime, libyaml, cmark-gfm: ~3 ms; libc.so and libm.so: ~0.7 ms more of the seed
        // site's ~7 ms build). glibc's NSS functions (`getpwuid` in CoreFoundation, `getaddrinfo`)
        // then need the shared libraries of the same glibc at run time, as the link warns: the
        // executable runs where it was built.
        // Huge pages for the heap of a large site's serve or incremental build, chosen as the
        // program starts.
        .target(name: "CHeapPolicy", dependencies: ["CSystemCalls"]),
        // Gives the Swift runtime the program's arguments (its own way reads /proc/self/maps), has
        // the executable's code read back in huge page-cache folios, moves new threads off their
        // creator's core and onto their heap arena (the release link wraps `pthread_create`, see
        // thread_placement.c), and keeps the static start's unwinder lazy (frame_registry.c).
        .target(name: "CProcessStart", dependencies: ["CHeapPolicy"],
                cSettings: [.define("KYLL_PLACES_NEW_THREADS", .when(platforms: [.linux], configuration: .release))]),
        .executableTarget(name: "kyll", dependencies: ["KyllCLI", "CHeapPolicy", "CProcessStart"],
                          linkerSettings: [
                              .linkedLibrary("jemalloc", .when(platforms: [.linux], configuration: .release)),
                              .unsafeFlags(["-use-ld=\(Context.packageDirectory)/scripts/link-release", "-static-executable", "-Xlinker", "--wrap=__register_frame_info", "-Xlinker", "--wrap=__deregister_frame_info", "-Xlinker", "--start-group", "-Xlinker", "-lFoundation", "-Xlinker", "-lFoundationInternationalization", "-Xlinker", "-lFoundationEssentials", "-Xlinker", "-l_FoundationICU", "-Xlinker", "-l_FoundationCShims", "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-lCoreFoundation", "-Xlinker", "-lstdc++", "-Xlinker", "--end-group", "-Xlinker", "--no-export-dynamic", "-Xlinker", "--wrap=pthread_create"], .when(platforms: [.linux], configuration: .release)),
                          ]),

        .testTarget(name: "YAMLTests", dependencies: ["YAML"], exclude: ["Fixtures"]),
        .testTarget(name: "SassTests", dependencies: ["Sass"], exclude: ["Fixtures"]),
        .testTarget(name: "JekyllTests", dependencies: ["Jekyll", "JekyllPlugins", "ValidUTF8", "CByteScan"]),
        .testTarget(name: "KyllCLITests", dependencies: [
            "KyllCLI", "Jekyll", "Server", "YAML", "CHeapPolicy",
            .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
        ], exclude: ["Fixtures", "ErrorCatalogue", "REAL_SITES.md"]),
    ],
    swiftLanguageModes: [.v6]
)

// Release builds make the metadata of concrete generic types (`[String: Value]`, `Set<Value>`…) by
// direct calls rather than from mangled names: on first use the Swift runtime demangles such a
// name and matches it against every protocol conformance in the executable, which cost ~15 % of
// the instructions of a small site's whole build.
// On Linux each function also gets a section of its own, so that the release link can place the
// functions a small site's build runs side by side (scripts/hot-functions.txt) and drop unused ones.
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
        .unsafeFlags(["-Xfrontend", "-function-sections"], .when(platforms: [.linux], configuration: .release)),
    ]
}
