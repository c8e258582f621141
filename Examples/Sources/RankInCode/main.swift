// RankInCode: build a small ecosystem in code with `EcosystemBuilder`, then rank it by PageRank and
// betweenness and print one table.
//
// Shows: built-in kinds as constants (a misspelt kind does not compile), alternatives groups, `build()`
// reporting every problem at the line that caused it, and `LoadedGraph.centrality` in the dependency view
// (`u -> v`: u depends on v), so PageRank ranks what is most depended upon.
//
// It imports `EcoGraphAnalysis` alone and links no Graphviz: `make examples` checks with readelf that the
// binary needs neither libgvc nor libcgraph, so an analysing program runs on a machine without them.

import EcoGraphAnalysis
import Foundation  // exit

var b = EcosystemBuilder(name: "Open models, in code")
b.node("china", kind: .state, label: "China")
b.node("alibaba", kind: .company, label: "Alibaba", attributes: ["country": "china"])
b.node("deepseek", kind: .company, label: "DeepSeek", attributes: ["country": "china"])
b.node("meta", kind: .company, label: "Meta")
b.node("qwen3", kind: .model, label: "Qwen 3", attributes: ["openness": "open-weights", "year": 2025])
b.node("deepseek-r1", kind: .model, label: "DeepSeek-R1", attributes: ["openness": "open-weights"])
b.node("llama", kind: .model, label: "Llama", attributes: ["openness": "open-weights"])
b.node("pytorch", kind: .technology, label: "PyTorch")
b.node("cuda", kind: .technology, label: "CUDA")
b.node("hugging-face", kind: .technology, label: "Hugging Face Hub")
for (id, label) in [("kenya", "Kenya"), ("brazil", "Brazil"), ("indonesia", "Indonesia")] {
    b.node(id, kind: .country, label: label, attributes: ["group": ["global-south"]])
    // Any one open model will do: one OR-group per country.
    for model in ["qwen3", "deepseek-r1", "llama"] {
        b.edge(id, model, .adopts, alternatives: "\(id)-open-model")
    }
    b.edge(id, "hugging-face", .adopts)
}
b.edge("china", "alibaba", .backs)
b.edge("alibaba", "qwen3", .develops)
b.edge("deepseek", "deepseek-r1", .develops)
b.edge("meta", "llama", .develops)
b.edge("meta", "pytorch", .develops)
for model in ["qwen3", "deepseek-r1", "llama"] {
    b.edge(model, "pytorch", .buildsOn)
}
b.edge("pytorch", "cuda", .buildsOn)

let ecosystem: Ecosystem
do {
    ecosystem = try b.build()
} catch {
    print(error)  // one `RankInCode/main.swift:LINE: message` line per problem
    exit(1)
}

let graph = LoadedGraph(ecosystem: ecosystem)
let pagerank = try graph.centrality(.pagerank)
let betweenness = Dictionary(uniqueKeysWithValues: try graph.centrality(.betweenness).scores.map { ($0.id, $0.score) })

var table = TextTable(headers: ["rank", "node", "kind", "PageRank", "betweenness"],
                      alignments: [.right, .left, .left, .right, .right])
for item in pagerank.scores {
    table.rows.append([String(item.rank), item.label, item.kind ?? "", fixed(item.score), fixed(betweenness[item.id] ?? 0)])
}
print("\(ecosystem.name): \(ecosystem.nodes.count) nodes, \(ecosystem.edges.count) edges (dependency view: u depends on v)\n")
print(table.aligned, terminator: "")

/// A score with four decimals.
func fixed(_ x: Double) -> String {
    let scaled = Int((x * 10_000).rounded())
    let fraction = String(abs(scaled) % 10_000)
    return "\(scaled / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
}
