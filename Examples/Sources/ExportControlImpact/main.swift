// ExportControlImpact: apply the US chip export controls to the bundled graph of China's open-source AI
// ecosystem and print what each Global South country loses, under both impact models; then draw the
// scenario's diff as SVG.
//
// Usage: ExportControlImpact [OUTPUT.svg]   (default /tmp/export-controls.svg)
//
// Shows: `Ecosystem.bundled()`, a `Scenario` that applies restriction edges by id, `LoadedGraph.whatIf`
// under the reach model (which providers a consumer can no longer reach) and the cascade model (who fails,
// round by round, when every alternative of a dependency is gone), and `DiagramOptions(scenario:)` rendered
// in-process by `GraphvizRenderer`.

import EcoGraph
import Foundation

let output = CommandLine.arguments.dropFirst().first ?? "/tmp/export-controls.svg"

let scenario = Scenario(
    name: "us-chip-export-controls",
    description: "US export controls on Nvidia A100/H100 (Oct 2022), H800 (Oct 2023), H20 (Apr 2025) and HBM (Dec 2024)",
    apply: ["us-bis-2022-10-a100", "us-bis-2022-10-h100", "us-bis-2023-10-h800", "us-2025-04-h20", "us-bis-2024-12-hbm"])

do {
    let graph = LoadedGraph(ecosystem: try Ecosystem.bundled())
    let countries = try graph.nodes(in: .group("global-south")).map { graph.id($0) }
    let reach = try graph.whatIf(scenario, options: ChokepointOptions(consumers: .group("global-south"), model: .reach))
    let cascade = try graph.whatIf(scenario, options: ChokepointOptions(consumers: .group("global-south"), model: .cascade))

    print("\(scenario.description)")
    print("\(reach.cutDependencies.count) dependencies cut: " + reach.cutDependencies.map { "\($0.from) → \($0.to)" }.joined(separator: ", "))
    print()
    let lostByReach = Dictionary(uniqueKeysWithValues: reach.affected.map { ($0.id, $0.lost) })
    let failed = Set(cascade.affected.map(\.id))
    var table = TextTable(headers: ["country", "reach: no longer reached", "cascade"])
    for id in countries {
        let lost = lostByReach[id] ?? []
        table.rows.append([id, lost.isEmpty ? "nothing" : lost.joined(separator: ", "), failed.contains(id) ? "fails" : "keeps working"])
    }
    print(table.aligned)
    print("Cascade, round by round:")
    for (round, nodes) in cascade.rounds.enumerated() where round > 0 {
        print("  \(round): \(nodes.joined(separator: ", "))")
    }

    // The scenario's diff: what the Global South depends on, removed and lost edges in red.
    let options = DiagramOptions(consumers: .group("global-south"), scenario: scenario, chokepoints: 0,
                                 title: "US chip export controls: what the Global South depends on")
    let svg = try GraphvizRenderer.renderText(try graph.diagram(options).text, engine: .dot, format: .svg)
    try AtomicFile.write(svg, to: output)
    print("\nwrote \(output)")
} catch {
    // Every error is typed and printable: GraphFileError (FILE:LINE:COLUMN), AnalysisError, RenderError, ...
    FileHandle.standardError.write(Data("ExportControlImpact: \(error)\n".utf8))
    exit(1)
}
