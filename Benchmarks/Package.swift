// swift-tools-version: 6.0
// The benchmark harness: a package of its own, so that `swift build` of the product never builds it.
// Build: swift build -c release --package-path Benchmarks   (run.py does it)
import PackageDescription

let package = Package(
    name: "EcoGraphBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "EcoGraph", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "ecograph-bench",
            dependencies: [.product(name: "EcoGraph", package: "EcoGraph")]
        ),
    ]
)
