// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "kyll",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kyll", targets: ["kyll"]),
        // For the separate benchmark and fuzzing packages.
        .library(name: "YAML", targets: ["YAML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries from the system, found through pkg-config.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1",
                       providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]),
        .systemLibrary(name: "CSass", pkgConfig: "libsass",
                       providers: [.apt(["libsass-dev"]), .brew(["libsass"])]),

        // Standalone libraries over the C ones.
        .target(name: "YAML", dependencies: ["CYAML"]),
        .target(name: "Sass", dependencies: ["CSass"]),

        // Markdown: cmark-gfm parsing, kramdown-compatible HTML.
        .target(name: "Markdown", dependencies: ["CCmarkGFM"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),

        // The site model and build pipeline; the emulated plugins.
        .target(name: "Jekyll", dependencies: ["YAML", "Markdown"]),
        .target(name: "JekyllPlugins", dependencies: ["Jekyll"]),

        // The command line.
        .target(name: "KyllCLI", dependencies: [
            "Jekyll", "JekyllPlugins",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kyll", dependencies: ["KyllCLI"]),

        .testTarget(name: "YAMLTests", dependencies: ["YAML"], exclude: ["Fixtures"]),
        .testTarget(name: "SassTests", dependencies: ["Sass"], exclude: ["Fixtures"]),
        .testTarget(name: "JekyllTests", dependencies: ["Jekyll", "JekyllPlugins"]),
        .testTarget(name: "KyllCLITests", dependencies: ["KyllCLI", "Jekyll"]),
    ],
    swiftLanguageModes: [.v6]
)
