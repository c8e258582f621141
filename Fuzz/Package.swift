// swift-tools-version: 6.0
// The fuzz harnesses: a package of its own (like Benchmarks/), so that `swift build` of the product never builds
// them. One libFuzzer executable per reader; every module is compiled with -sanitize=fuzzer,address.
// Build (what `make fuzz` does, from the repository root):
//   swift build -c debug --package-path Fuzz --scratch-path .build-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// See FUZZING.md.
import PackageDescription

let readers = ["ecosystem-yaml", "ecosystem-json", "scenario", "theme", "edgelist", "csv", "graphml", "dot"]

let package = Package(
    name: "EcoGraphFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "EcoGraph", path: ".."),
    ],
    targets: [
        // What the CLI does to bytes before a reader sees them (InputFile: no NUL, UTF-8 for text formats).
        .target(name: "FuzzSupport"),
    ] + readers.map { reader in
        .executableTarget(
            name: "fuzz-\(reader)",
            dependencies: ["FuzzSupport", .product(name: "EcoGraph", package: "EcoGraph")],
            path: "Sources/fuzz-\(reader)"
        )
    }
)
