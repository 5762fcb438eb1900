// swift-tools-version:6.2
// libFuzzer targets over kyll's parsers and emitters. A package of its own: its executable has no
// `main` of its own (libFuzzer's driver runs it), so a plain `swift build` of the main package must
// not see it. Build and run through scripts/fuzz, which passes `-Xswiftc -sanitize=fuzzer,address`.
import PackageDescription

let package = Package(
    name: "KyllFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "kyll", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"]),
        // Liquid and Markdown: no Jekyll module needed.
        .target(name: "CoreTargets", dependencies: [
            "FuzzSupport",
            .product(name: "Liquid", package: "kyll"),
            .product(name: "JekyllLiquid", package: "kyll"),
            .product(name: "Markdown", package: "kyll"),
        ]),
        // The Jekyll module's front-matter splitting and URL code: its own files (symbolic links to
        // them), compiled here alone so that fuzzing them does not wait for the whole module.
        .target(name: "JekyllSubset", dependencies: [.product(name: "ValidUTF8", package: "kyll")]),
        // Every target: the core ones, front matter and YAML, URLs and output paths.
        .executableTarget(name: "KyllFuzz", dependencies: [
            "CoreTargets", "FuzzSupport", "JekyllSubset",
            .product(name: "YAML", package: "kyll"),
        ], swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ],
    swiftLanguageModes: [.v6]
)
