/// A subgraph of a `CSRGraph` cut out by masks, with the way back to the graph it came from.
///
/// Kept nodes are renumbered `0 ..< k` in their old order, kept edges `0 ..< m'` in their old id order, so
/// every row stays sorted and the subgraph is exactly the graph `CSRGraphBuilder` would build from the kept
/// edges (same offsets, same neighbour order, same edge ids).
public struct CSRSubgraph: Sendable {
    /// The subgraph.
    public let graph: CSRGraph
    /// The old index of each node of `graph`, or `nil` when every node was kept (indices unchanged).
    public let nodes: [Int32]?
    /// The old id of each edge of `graph`, increasing.
    public let edges: [Int32]

    /// The subgraph's id of an old edge, or `nil` when the edge was not kept.
    /// - Complexity: `O(log m')` by binary search in `edges`.
    public func edge(fromOriginal old: Int) -> Int? {
        var low = 0, high = edges.count
        let key = Int32(truncatingIfNeeded: old)
        while low < high {
            let mid = (low + high) / 2
            if edges[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < edges.count && edges[low] == key ? low : nil
    }
}

extension CSRGraph {
    /// The subgraph of the edges `keepingEdges` marks whose ends `keepingNodes` both mark.
    ///
    /// Nodes that are not kept are left out and the others renumbered in order (`nodes` maps back); without
    /// `keepingNodes` every node stays, with its index, and an edge is kept by its mask alone. Kept edges
    /// keep their relative order, so a directed subgraph's edge id is still its out-arc's position. The
    /// result equals building the kept edges with `CSRGraphBuilder` (see the tests; as there, a graph with
    /// no edge left has no weights), in linear time: rows are filtered, never sorted.
    ///
    /// - Parameters:
    ///   - keepingEdges: a flag per edge id (`edgeCount` of them).
    ///   - keepingNodes: a flag per node (`nodeCount` of them), or `nil` to keep every node.
    ///   - weights: the kept edges' weights by old edge id, replacing the graph's own (for instance when an
    ///     edge stands for several facts and only some of them are kept); `nil` keeps the graph's.
    /// - Complexity: `O(n + m)` time and `O(n + m')` space for the subgraph.
    public func subgraph(keepingEdges: [Bool], keepingNodes: [Bool]? = nil, weights replacement: [Double]? = nil) -> CSRSubgraph {
        precondition(keepingEdges.count == edgeCount, "one edge flag per edge")
        precondition(keepingNodes.map { $0.count == nodeCount } ?? true, "one node flag per node")
        precondition(replacement.map { $0.count == edgeCount } ?? true, "one weight per edge")
        // New node indices (-1: left out).
        var newNode: [Int32]? = nil
        var keptNodes: [Int32]? = nil
        var k = nodeCount
        if let keepingNodes {
            var map = [Int32](repeating: -1, count: nodeCount)
            var kept: [Int32] = []
            kept.reserveCapacity(nodeCount)
            for v in 0 ..< nodeCount where keepingNodes[v] {
                map[v] = Int32(kept.count)
                kept.append(Int32(v))
            }
            k = kept.count
            newNode = map
            keptNodes = kept
        }
        // New edge ids (-1: left out), in old id order.
        var newEdge = [Int32](repeating: -1, count: edgeCount)
        var keptEdges: [Int32] = []
        keptEdges.reserveCapacity(edgeCount)
        var sources: [Int32] = [], targets: [Int32] = []
        sources.reserveCapacity(edgeCount)
        targets.reserveCapacity(edgeCount)
        let oldWeights = replacement ?? weights
        var newWeights: [Double]? = oldWeights == nil ? nil : []
        var selfLoops = 0
        for e in 0 ..< edgeCount where keepingEdges[e] {
            var u = edgeSources[e], v = edgeTargets[e]
            if let newNode {
                u = newNode[Int(u)]
                v = newNode[Int(v)]
                if u < 0 || v < 0 { continue }
            }
            newEdge[e] = Int32(keptEdges.count)
            keptEdges.append(Int32(e))
            sources.append(u)
            targets.append(v)
            newWeights?.append(oldWeights![e])
            if u == v { selfLoops += 1 }
        }

        // One adjacency (out or in) filtered row by row; node order and neighbour order are preserved.
        func filter(offsets: [Int], neighbours: [Int32], arcEdges: [Int32]) -> (offsets: [Int], neighbours: [Int32], edges: [Int32]) {
            var newOffsets = [Int](repeating: 0, count: k + 1)
            var newNeighbours: [Int32] = [], newArcEdges: [Int32] = []
            let arcs = isDirected ? keptEdges.count : 2 * keptEdges.count
            newNeighbours.reserveCapacity(arcs)
            newArcEdges.reserveCapacity(arcs)
            var row = 0
            for u in 0 ..< nodeCount {
                if let newNode, newNode[u] < 0 { continue }
                for arc in offsets[u] ..< offsets[u + 1] {
                    let e = newEdge[Int(arcEdges[arc])]
                    if e < 0 { continue }
                    let w = neighbours[arc]
                    newNeighbours.append(newNode.map { $0[Int(w)] } ?? w)
                    newArcEdges.append(e)
                }
                row += 1
                newOffsets[row] = newNeighbours.count
            }
            return (newOffsets, newNeighbours, newArcEdges)
        }

        let out = filter(offsets: outOffsets, neighbours: outTargets, arcEdges: outEdges)
        let into = isDirected ? filter(offsets: inOffsets, neighbours: inSources, arcEdges: inEdges) : out
        let graph = CSRGraph(
            nodeCount: k, isDirected: isDirected,
            outOffsets: out.offsets, outTargets: out.neighbours, outEdges: out.edges,
            inOffsets: into.offsets, inSources: into.neighbours, inEdges: into.edges,
            weights: keptEdges.isEmpty ? nil : newWeights, edgeSources: sources, edgeTargets: targets, selfLoopCount: selfLoops)
        return CSRSubgraph(graph: graph, nodes: keptNodes, edges: keptEdges)
    }
}
