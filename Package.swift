// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "EcoGraph",
    platforms: [.macOS(.v14)],
    products: [
        // The umbrella: analysis and rendering (links Graphviz).
        .library(name: "EcoGraph", targets: ["EcoGraph"]),
        // Analysis alone: projections, centrality, chokepoints, scenarios; links no Graphviz.
        .library(name: "EcoGraphAnalysis", targets: ["EcoGraphAnalysis"]),
        .executable(name: "ecograph", targets: ["ecograph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `swift package generate-documentation --target EcoGraphAnalysis` (DocC); a plugin only: no product links it.
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
        // Analyses keyed by node id: projections, centrality, chokepoints, what-if, cuts, cascades, the bundled
        // graph. No Graphviz: a server or notebook can link it alone.
        .target(
            name: "EcoGraphAnalysis",
            dependencies: ["EcoGraphKernel", "EcoGraphModel", "EcoGraphIO"],
            resources: [.copy("Resources/china-open-source-ai.yaml")]
        ),
        // The only module that calls Graphviz: layout and rendering, DOT reading, themes, diagrams, the HTML report.
        // The report's script and stylesheet are real files, compiled into the binary as byte arrays
        // (`PackageResources.report_js`, `.report_css`): the report stays one self-contained file and the
        // executable needs no resource bundle at run time.
        .target(
            name: "EcoGraphRender",
            dependencies: ["CGraphviz", "EcoGraphAnalysis"],
            resources: [.embedInCode("Resources/report.js"), .embedInCode("Resources/report.css")]
        ),
        // The umbrella users import: re-exports analysis and rendering (and the model and IO beneath them).
        .target(name: "EcoGraph", dependencies: ["EcoGraphAnalysis", "EcoGraphRender"]),
        // Subcommands: parse, call the library, print.
        .target(
            name: "EcoGraphCLI",
            dependencies: ["EcoGraph", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "ecograph", dependencies: ["EcoGraphCLI"]),

        // Tolerance asserts, fixture paths and the reference graphs, for every test target.
        .target(name: "EcoGraphTestSupport", dependencies: ["EcoGraphKernel", "EcoGraphModel"], path: "Tests/EcoGraphTestSupport"),
        .testTarget(name: "EcoGraphKernelTests", dependencies: ["EcoGraphKernel", "EcoGraphTestSupport"]),
        .testTarget(name: "EcoGraphModelTests", dependencies: ["EcoGraphModel", "EcoGraphTestSupport"]),
        .testTarget(name: "EcoGraphIOTests", dependencies: ["EcoGraphIO", "EcoGraphTestSupport"]),
        .testTarget(name: "EcoGraphAnalysisTests", dependencies: ["EcoGraphAnalysis", "EcoGraphTestSupport"]),
        .testTarget(name: "EcoGraphRenderTests", dependencies: ["EcoGraphRender", "EcoGraphTestSupport"]),
        .testTarget(name: "EcoGraphCLITests", dependencies: ["EcoGraphCLI", "EcoGraphTestSupport"]),
    ]
)
