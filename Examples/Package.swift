// swift-tools-version: 6.0
// Small programs that embed EcoGraph: each imports one library (`EcoGraph`, or `EcoGraphAnalysis` for a
// program that only analyses and links no Graphviz), builds and runs in `make test`.
// Build: swift build --package-path Examples --scratch-path .build-examples
// Run:   swift run --package-path Examples --scratch-path .build-examples RankInCode
import PackageDescription

let package = Package(
    name: "EcoGraphExamples",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "EcoGraph", path: ".."),
    ],
    targets: [
        // Builds a small ecosystem in code and ranks it by PageRank and betweenness; analysis only, no Graphviz.
        .executableTarget(name: "RankInCode", dependencies: [.product(name: "EcoGraphAnalysis", package: "EcoGraph")]),
        // The US chip export controls on the bundled graph: what each Global South country loses; an SVG diff.
        .executableTarget(name: "ExportControlImpact", dependencies: [.product(name: "EcoGraph", package: "EcoGraph")]),
        // Chokepoints and a minimum cut of a GraphML software dependency graph.
        .executableTarget(name: "SoftwareChokepoints", dependencies: [.product(name: "EcoGraph", package: "EcoGraph")]),
        // The code of the DocC article "Getting Started", kept compiling.
        .executableTarget(name: "GettingStarted", dependencies: [.product(name: "EcoGraph", package: "EcoGraph")]),
    ]
)
