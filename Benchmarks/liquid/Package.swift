// swift-tools-version:6.2
// The Liquid benchmark: a package of its own so that the main package stays free of benchmark
// targets. Build with `swift build -c release` here (run.sh does).
import PackageDescription

let package = Package(
    name: "LiquidBenchmark",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "kyll", path: "../..")],
    targets: [
        .executableTarget(name: "LiquidBenchmark", dependencies: [.product(name: "Liquid", package: "kyll")]),
    ],
    swiftLanguageModes: [.v6]
)
