import EcoGraphKernel

/// What a cut removes: nodes or edges.
public enum CutUnit: String, Sendable, Hashable, CaseIterable {
    /// The fewest nodes, other than the consumers.
    case nodes
    /// The fewest dependency edges.
    case edges
}

/// The smallest set of nodes or edges whose failure cuts every dependency path between two node sets.
public struct DependencyCut: Sendable, Equatable {
    /// The consumers the cut separates.
    public var from: NodeSelection
    /// The providers they are separated from.
    public var to: NodeSelection
    /// Nodes or edges.
    public var unit: CutUnit
    /// Cut node ids, sorted (node cuts only).
    public var nodes: [String]
    /// The cut edges, dependent to dependency, sorted (edge cuts only).
    public var edges: [EdgeRef]
    /// How many nodes or edges the cut holds.
    public var size: Int { unit == .nodes ? nodes.count : edges.count }
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
    public func minimumCut(from: NodeSelection, to: NodeSelection, unit: CutUnit = .nodes) throws(AnalysisError) -> DependencyCut {
        let sources = try nodes(in: from), targets = try nodes(in: to)
        let overlap = Set(sources).intersection(targets)
        guard overlap.isEmpty else { throw .overlappingSelections(overlap.sorted().prefix(3).map(id)) }
        let g = graph.unweighted
        do {
            if unit == .edges {
                let cut = try g.minimumEdgeCut(sources: sources, targets: targets)
                return DependencyCut(from: from, to: to, unit: .edges, nodes: [], edges: edgeRefs(cut.edges).sorted())
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
            return DependencyCut(from: from, to: to, unit: .nodes, nodes: cut.nodes.map(id).sorted(), edges: [])
        } catch {
            throw .kernel(KernelFailure(error))
        }
    }
}
