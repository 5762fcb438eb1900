// swift-tools-version:6.2
// Times the YAML module against Ruby's Psych on the same file: see run.sh.
import PackageDescription

let package = Package(
    name: "yaml-bench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "kyll", path: "../..")],
    targets: [
        .executableTarget(name: "yaml-bench", dependencies: [.product(name: "YAML", package: "kyll")]),
    ],
    swiftLanguageModes: [.v6]
)
