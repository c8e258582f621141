extension GraphTable {
    /// The sub-table of some nodes and edges: the nodes whose flag is set, in their order, and the edges
    /// whose flag is set and whose ends are both kept, in their order, renumbered onto the kept nodes. Every
    /// column (labels, kinds, weights, lifetimes) follows its node or edge.
    ///
    /// - Parameters:
    ///   - nodes: a flag per node (`nodeCount` of them).
    ///   - edges: a flag per edge (`edgeCount` of them); an edge with a dropped end is dropped whatever its flag.
    /// - Returns: the sub-table, and for each of its nodes and edges the index it had in this table.
    /// - Complexity: `O(n + m)`.
    public func restricted(nodes: [Bool], edges: [Bool]) -> (table: GraphTable, nodes: [Int], edges: [Int]) {
        precondition(nodes.count == nodeCount && edges.count == edgeCount, "one flag per node and per edge")
        var keptNodes: [Int] = []
        var newIndex = [Int32](repeating: -1, count: nodeCount)
        for node in 0 ..< nodeCount where nodes[node] {
            newIndex[node] = Int32(keptNodes.count)
            keptNodes.append(node)
        }
        var keptEdges: [Int] = []
        for e in 0 ..< edgeCount where edges[e] && newIndex[Int(sources[e])] >= 0 && newIndex[Int(targets[e])] >= 0 {
            keptEdges.append(e)
        }
        let table = GraphTable(
            isDirected: isDirected, nodeIDs: keptNodes.map { nodeIDs[$0] }, nodeLabels: nodeLabels.map { labels in keptNodes.map { labels[$0] } },
            nodeKinds: nodeKinds.map { kinds in keptNodes.map { kinds[$0] } }, nodeKindNames: nodeKindNames,
            sources: keptEdges.map { newIndex[Int(sources[$0])] }, targets: keptEdges.map { newIndex[Int(targets[$0])] },
            weights: weights.map { w in keptEdges.map { w[$0] } },
            edgeKinds: edgeKinds.map { kinds in keptEdges.map { kinds[$0] } }, edgeKindNames: edgeKindNames,
            nodeLifetimes: nodeLifetimes.map { l in keptNodes.map { l[$0] } }, edgeLifetimes: edgeLifetimes.map { l in keptEdges.map { l[$0] } },
            nodeConfidences: nodeConfidences.map { c in keptNodes.map { c[$0] } }, edgeConfidences: edgeConfidences.map { c in keptEdges.map { c[$0] } })
        return (table, keptNodes, keptEdges)
    }
}
