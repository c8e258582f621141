import EcoGraphKernel

/// The smallest set of nodes or edges whose failure cuts every dependency path between two node sets.
public struct DependencyCut: Sendable, Equatable {
    /// The consumers the cut separates.
    public var from: NodeSelection
    /// The providers they are separated from.
    public var to: NodeSelection
    /// `nodes` or `edges`.
    public var unit: String
    /// Cut node ids (sorted), or cut edges as `[dependent, dependency]` id pairs (sorted).
    public var nodes: [String]
    /// The cut edges as `[dependent, dependency]` id pairs, sorted (edge cuts only).
    public var edges: [[String]]
    /// How many nodes or edges the cut holds.
    public var size: Int { unit == "nodes" ? nodes.count : edges.count }
}

extension LoadedGraph {
    /// A minimum cut of the dependency paths from the `from` nodes (consumers) to the `to` nodes (providers),
    /// by max-flow (Dinic) on the node-split graph.
    ///
    /// Node cut: the fewest nodes, other than the consumers, whose removal leaves no consumer a path to any
    /// provider. Providers may be in the cut (a provider that fails is access lost), so a cut exists even
    /// when a consumer depends on a provider directly. Edge cut: the fewest dependency edges. A minimum cut
    /// need not be unique; the one closest to the consumers is returned, so results are deterministic.
    /// - Throws: `AnalysisError` for an empty or overlapping selection.
    /// - Complexity: `O(m √n)` with unit capacities.
    public func minimumCut(from: NodeSelection, to: NodeSelection, edges: Bool = false) throws(AnalysisError) -> DependencyCut {
        let sources = try nodes(in: from), targets = try nodes(in: to)
        let overlap = Set(sources).intersection(targets)
        guard overlap.isEmpty else {
            throw AnalysisError("the consumer and provider sets share \(overlap.sorted().prefix(3).map(id).joined(separator: ", ")); a node cannot be cut from itself")
        }
        let g = graph.unweighted
        do {
            if edges {
                let cut = try g.minimumEdgeCut(sources: sources, targets: targets)
                let pairs = cut.edges.map { [id(Int(g.edgeSources[$0])), id(Int(g.edgeTargets[$0]))] }
                return DependencyCut(from: from, to: to, unit: "edges", nodes: [], edges: pairs.sorted { $0.lexicographicallyPrecedes($1) })
            }
            // Providers become cuttable: each gets an edge to one extra sink node, which is the target.
            let sink = nodeCount
            var builder = CSRGraphBuilder(nodeCount: nodeCount + 1, isDirected: true)
            builder.reserveCapacity(g.edgeCount + targets.count)
            for e in 0 ..< g.edgeCount {
                try builder.addEdge(Int(g.edgeSources[e]), Int(g.edgeTargets[e]))
                if !g.isDirected { try builder.addEdge(Int(g.edgeTargets[e]), Int(g.edgeSources[e])) }
            }
            for t in targets { try builder.addEdge(t, sink) }
            let cut = try builder.build().minimumNodeCut(sources: sources, targets: [sink])
            return DependencyCut(from: from, to: to, unit: "nodes", nodes: cut.nodes.map(id).sorted(), edges: [])
        } catch {
            throw AnalysisError("\(error)")
        }
    }
}
