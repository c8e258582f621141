// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "EcoGraph",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "EcoGraph", targets: ["EcoGraph"]),
        .executable(name: "ecograph", targets: ["ecograph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `swift package generate-documentation --target EcoGraph` (DocC); a plugin only: no product links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Storage and algorithms on dense Int32 indices: no names, kinds or files.
        .target(name: "EcoGraphKernel"),
        // The typed ecosystem: nodes, edges, kinds and their dependency semantics, validation.
        .target(name: "EcoGraphModel"),
        // Readers and writers: native YAML/JSON, generic graph formats, result tables.
        .target(name: "EcoGraphIO", dependencies: ["EcoGraphModel", "Yams"]),
        // Graphviz as a system library (libgvc, libcgraph).
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // The only module that calls Graphviz.
        // The report's script and stylesheet are real files, compiled into the binary as byte arrays
        // (`PackageResources.report_js`, `.report_css`): the report stays one self-contained file and the
        // executable needs no resource bundle at run time.
        .target(
            name: "EcoGraphRender",
            dependencies: ["CGraphviz", "EcoGraphIO", "EcoGraphModel"],
            resources: [.embedInCode("Resources/report.js"), .embedInCode("Resources/report.css")]
        ),
        // The API users import: projections, analyses keyed by node id, the bundled graph.
        .target(
            name: "EcoGraph",
            dependencies: ["EcoGraphKernel", "EcoGraphModel", "EcoGraphIO", "EcoGraphRender"],
            resources: [.copy("Resources/china-open-source-ai.yaml")]
        ),
        // Subcommands: parse, call the library, print.
        .target(
            name: "EcoGraphCLI",
            dependencies: ["EcoGraph", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "ecograph", dependencies: ["EcoGraphCLI"]),

        .target(name: "EcoGraphTestSupport", dependencies: ["EcoGraph"], path: "Tests/EcoGraphTestSupport"),
        .testTarget(name: "EcoGraphKernelTests", dependencies: ["EcoGraphKernel", "EcoGraphTestSupport"]),
        .testTarget(name: "EcoGraphModelTests", dependencies: ["EcoGraphModel", "EcoGraphTestSupport"]),
        .testTarget(name: "EcoGraphIOTests", dependencies: ["EcoGraphIO", "EcoGraphTestSupport"]),
        .testTarget(name: "EcoGraphRenderTests", dependencies: ["EcoGraphRender", "EcoGraphTestSupport"]),
        .testTarget(name: "EcoGraphTests", dependencies: ["EcoGraph", "EcoGraphTestSupport"]),
        .testTarget(name: "EcoGraphCLITests", dependencies: ["EcoGraphCLI", "EcoGraphTestSupport"]),
    ]
)
