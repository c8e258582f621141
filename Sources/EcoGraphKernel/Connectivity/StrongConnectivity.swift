// Strong articulation points and strong bridges of a directed graph, in linear time via dominators.

/// The nodes and edges whose removal increases the number of strongly connected components (see
/// `CSRGraph.strongConnectivityCuts()`).
public struct StrongConnectivityCuts: Sendable, Equatable {
    /// The strong articulation points, increasing.
    public let articulationPoints: [Int]
    /// The strong bridges, as edge ids of the graph (`edgeSources` / `edgeTargets` give the endpoints),
    /// increasing.
    public let bridges: [Int]
}

extension CSRGraph {
    /// Strong articulation points and strong bridges: the nodes, and the edges, whose removal increases the
    /// number of strongly connected components.
    ///
    /// Removing a node or an edge only affects its own strongly connected component `S`, so each `S` is
    /// examined alone, as the induced subgraph `G[S]` with a root `s` (its smallest node). By Italiano,
    /// Laura and Santaroni (their characterisations of a strongly connected graph's cuts by dominators):
    /// - a node `x ≠ s` is a strong articulation point iff it is a non-trivial dominator (the immediate
    ///   dominator of some node) in the flow graph `G[S](s)` or in its reversal `G[S]^R(s)`; `s` itself is
    ///   one iff `G[S] - s` is not strongly connected (checked with two searches; note that `s` having two
    ///   children in a dominator tree is not enough: in the complete digraph on 3 nodes it has two
    ///   children in both trees, yet removing it leaves a 2-cycle);
    /// - an edge is a strong bridge iff it is a bridge of the flow graph `G[S](s)` or of `G[S]^R(s)`, where
    ///   `(u, v)` is a flow-graph bridge iff `v ≠ s` and `u` is the only predecessor of `v` that `v` does not
    ///   dominate (every other entry into `v` comes from below `v` in the dominator tree).
    /// Components of one or two nodes have no strong articulation point (removing a node of a 2-cycle
    /// leaves one component, as before); both edges of a 2-cycle are strong bridges. Self-loops are never
    /// strong bridges. An undirected graph is read as a symmetric digraph: its strong articulation points
    /// are the articulation points and its strong bridges the bridges (by edge id).
    ///
    /// - Complexity: `O(n + m · α)` time for the dominator trees (plus `O(m log d)` to build each
    ///   component's induced subgraph), `O(n + m)` extra space.
    /// - SeeAlso: G. F. Italiano, L. Laura, F. Santaroni, "Finding strong bridges and strong articulation
    ///   points in linear time", Theoretical Computer Science 447 (2012) 74–84.
    public func strongConnectivityCuts() -> StrongConnectivityCuts {
        guard isDirected else {
            let structure = biconnectivity()
            var bridgeIds: [Int] = []
            for bridge in structure.bridges {
                // Undirected edges are stored with source <= target; rows are sorted by target.
                let row = outArcs(bridge.u)
                if let arc = row.first(where: { Int(outTargets[$0]) == bridge.v }) {
                    bridgeIds.append(Int(outEdges[arc]))
                }
            }
            return StrongConnectivityCuts(articulationPoints: structure.articulationPoints, bridges: bridgeIds.sorted())
        }
        let components = stronglyConnectedComponents()
        var articulation: [Int] = []
        var bridges: [Int] = []
        var local = [Int32](repeating: -1, count: nodeCount)
        for members in components.members where members.count >= 2 {
            for (i, node) in members.enumerated() { local[node] = Int32(i) }
            // The induced subgraph, its edges in increasing global id (local numbering is monotone, so the
            // builder keeps that order and local edge k is globalEdge[k]).
            var builder = CSRGraphBuilder(nodeCount: members.count, isDirected: true)
            var globalEdge: [Int] = []
            for node in members {
                for arc in outArcs(node) where local[Int(outTargets[arc])] >= 0 {
                    builder.appendChecked(local[node], local[Int(outTargets[arc])], weight: nil)
                    globalEdge.append(Int(outEdges[arc]))
                }
            }
            let h = builder.build()
            let cuts = h.stronglyConnectedCuts(root: 0)
            articulation.append(contentsOf: cuts.articulationPoints.map { members[$0] })
            bridges.append(contentsOf: cuts.bridges.map { globalEdge[$0] })
            for node in members { local[node] = -1 }
        }
        return StrongConnectivityCuts(articulationPoints: articulation.sorted(), bridges: bridges.sorted())
    }

    /// The strong articulation points of the graph, increasing (see `strongConnectivityCuts()`).
    ///
    /// - Complexity: `O(n + m · α)`.
    public func strongArticulationPoints() -> [Int] { strongConnectivityCuts().articulationPoints }

    /// The strong bridges of the graph, as edge ids, increasing (see `strongConnectivityCuts()`).
    ///
    /// - Complexity: `O(n + m · α)`.
    public func strongBridges() -> [Int] { strongConnectivityCuts().bridges }

    /// Strong articulation points and strong bridges of a strongly connected digraph, by local node and
    /// edge id, unsorted.
    private func stronglyConnectedCuts(root: Int) -> StrongConnectivityCuts {
        let n = nodeCount
        let forward = dominatorTree(uncheckedRoot: root)
        let backward = reversed.dominatorTree(uncheckedRoot: root)
        var articulation: [Int] = []
        if n >= 3 {
            var isDominator = [Bool](repeating: false, count: n)
            for v in 0 ..< n where v != root {
                isDominator[Int(forward.immediateDominator[v])] = true
                isDominator[Int(backward.immediateDominator[v])] = true
            }
            for x in 0 ..< n where x != root && isDominator[x] { articulation.append(x) }
            if !isStronglyConnected(without: root) { articulation.append(root) }
        }
        var isBridge = [Bool](repeating: false, count: edgeCount)
        for v in 0 ..< n where v != root {
            // Forward: the predecessors of v that v does not dominate.
            var entry = -1, entries = 0
            for arc in inArcs(v) {
                let w = Int(inSources[arc])
                if w == v || forward.dominates(v, w) { continue }
                entries += 1
                entry = Int(inEdges[arc])
            }
            if entries == 1 { isBridge[entry] = true }
            // Backward: in the reversal, v's predecessors are its successors here.
            entry = -1; entries = 0
            for arc in outArcs(v) {
                let w = Int(outTargets[arc])
                if w == v || backward.dominates(v, w) { continue }
                entries += 1
                entry = Int(outEdges[arc])
            }
            if entries == 1 { isBridge[entry] = true }
        }
        return StrongConnectivityCuts(
            articulationPoints: articulation, bridges: (0 ..< edgeCount).filter { isBridge[$0] })
    }

    /// Whether the graph minus `removed` is strongly connected (a forward and a backward search from
    /// another node). Precondition: at least two nodes.
    private func isStronglyConnected(without removed: Int) -> Bool {
        let n = nodeCount
        let start = removed == 0 ? 1 : 0
        for backward in [false, true] {
            var seen = [Bool](repeating: false, count: n)
            seen[removed] = true
            seen[start] = true
            var queue = [start]
            var head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                let next = backward ? predecessors(of: u) : successors(of: u)
                for v in next where !seen[Int(v)] {
                    seen[Int(v)] = true
                    queue.append(Int(v))
                }
            }
            if queue.count != n - 1 { return false }
        }
        return true
    }
}
