import EcoGraphKernel
import Foundation

/// A named reference graph from `Tests/Fixtures/graphs/<name>.json` (written by `reference_graphs.py`).
public struct ReferenceGraph {
    public let name: String
    public let isDirected: Bool
    public let nodes: [String]
    /// Edges in the order NetworkX added them: (source index, target index, weight).
    public let edges: [(Int, Int, Double)]

    public static let names = [
        "karate", "florentine", "weighted", "directed_cycles", "directed_random", "dag",
        "disconnected", "selfloops_directed", "selfloops_undirected",
    ]

    public init(_ name: String) throws {
        let object = try JSONSerialization.jsonObject(with: Fixtures.data("graphs/\(name).json")) as! [String: Any]
        self.name = name
        isDirected = object["directed"] as! Bool
        nodes = object["nodes"] as! [String]
        edges = (object["edges"] as! [[Double]]).map { (Int($0[0]), Int($0[1]), $0[2]) }
    }

    /// The graph as the kernel stores it, with or without its weights.
    public func graph(weighted: Bool) throws -> CSRGraph {
        var builder = CSRGraphBuilder(nodeCount: nodes.count, isDirected: isDirected)
        for (u, v, w) in edges { try builder.addEdge(u, v, weight: weighted ? w : nil) }
        return builder.build()
    }
}

/// Expected values from a reference script: `Tests/Fixtures/expected/<family>/<graph>.json`.
public func expectedValues(family: String, graph: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Fixtures.data("expected/\(family)/\(graph).json")) as! [String: Any]
}
