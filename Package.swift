// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "kyll",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kyll", targets: ["kyll"]),
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

        // Rouge-compatible syntax highlighting.
        .target(name: "Highlight", exclude: ["README.md"]),
        .testTarget(name: "HighlightTests", dependencies: ["Highlight"],
                    exclude: ["Fixtures"]),
        .executableTarget(name: "highlight-bench", dependencies: ["Highlight"], path: "Benchmarks/highlight",
                          exclude: ["RESULTS.md", "bench.sh", "inputs"]),

        // The command line.
        .target(name: "KyllCLI", dependencies: [
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kyll", dependencies: ["KyllCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
