// GettingStarted: the code of the DocC article "Getting Started" (Sources/EcoGraphAnalysis/EcoGraphAnalysis.docc/
// GettingStarted.md), kept here so that it compiles and runs in `make test`.
//
// Shows: load the bundled graph, rank by PageRank, find chokepoints, run a scenario, render an SVG.

import EcoGraph

// 1. Load the bundled graph, projected to its dependency view ("u -> v": u depends on v).
let graph = LoadedGraph(ecosystem: try Ecosystem.bundled())

// 2. Rank by PageRank: what is most depended upon, directly and through others.
let ranking = try graph.centrality(.pagerank)
for item in ranking.scores.prefix(5) {
    print(item.rank, item.label, item.score)
}

// 3. Chokepoints: whose loss costs the Global South access to open models.
let report = try graph.chokepoints(ChokepointOptions(consumers: .group("global-south"), providers: .kind("model")))
for entry in report.chokepoints.prefix(5) {
    print(entry.id, "impact", entry.impact, "dependents", entry.dependents)
}

// 4. A scenario: apply the December 2024 HBM export control; who fails in a cascade?
let hbmRule = Scenario(name: "hbm", apply: ["us-bis-2024-12-hbm"])
let result = try graph.whatIf(hbmRule, options: ChokepointOptions(model: .cascade))
for (round, failed) in result.rounds.enumerated() {
    print("round", round, failed)
}

// 5. Render the scenario's diff as SVG, in-process through Graphviz.
let dot = try graph.diagram(DiagramOptions(top: 40, scenario: hbmRule))
let svg = try GraphvizRenderer.renderText(dot.text, format: .svg)
try AtomicFile.write(svg, to: "/tmp/getting-started.svg")
