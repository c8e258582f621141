// SoftwareChokepoints: load another ecosystem from GraphML — a slice of the Python packaging ecosystem,
// written by Data/make_graph.py with NetworkX — and print its chokepoints and the minimum cut between an
// application and a core library.
//
// Usage: SoftwareChokepoints [FILE.graphml] [APPLICATION] [LIBRARY]
//        (default: Data/python-packaging.graphml, twine, urllib3)
//
// Shows: `LoadedGraph.load(path:)` on a generic graph (an edge `u -> v` reads "u depends on v"),
// dominator-based chokepoints (`impact`: the dependent-dependency pairs lost if the node disappeared), and
// `minimumCut` by max-flow: the fewest packages, or dependency declarations, whose loss cuts the
// application off from the library.

import EcoGraph
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Data").standardized
let path = arguments.count > 0 ? arguments[0] : dataFolder.appendingPathComponent("python-packaging.graphml").path
let application = arguments.count > 1 ? arguments[1] : "twine"
let library = arguments.count > 2 ? arguments[2] : "urllib3"

do {
    let graph = try LoadedGraph.load(path: path)
    let statistics = GraphStatistics(graph.table)
    print("\(path): \(statistics.nodes) packages, \(statistics.edges) dependencies\n")

    let report = try graph.chokepoints()
    var table = TextTable(headers: ["rank", "package", "impact", "dependents"], alignments: [.right, .left, .right, .right])
    for (i, entry) in report.chokepoints.prefix(10).enumerated() {
        table.rows.append([String(i + 1), entry.id, String(entry.impact), String(entry.dependents)])
    }
    print("Chokepoints (impact: dependent-dependency pairs lost if the package disappeared):")
    print(table.aligned)
    if !report.cycles.isEmpty { print("Dependency cycles: \(report.cycles)") }

    let nodeCut = try graph.minimumCut(from: .ids([application]), to: .ids([library]))
    let edgeCut = try graph.minimumCut(from: .ids([application]), to: .ids([library]), unit: .edges)
    print("Minimum cut from \(application) to \(library):")
    print("  \(nodeCut.size) package(s): \(nodeCut.nodes.joined(separator: ", "))")
    print("  \(edgeCut.size) dependency declaration(s): " + edgeCut.edges.map { "\($0.from) → \($0.to)" }.joined(separator: ", "))
} catch {
    FileHandle.standardError.write(Data("SoftwareChokepoints: \(error)\n".utf8))
    exit(1)
}
