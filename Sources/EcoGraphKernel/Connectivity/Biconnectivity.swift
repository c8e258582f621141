// Articulation points, bridges and biconnected components of the undirected view (Hopcroft–Tarjan).

/// The biconnected structure of a graph read without direction (see `CSRGraph.biconnectivity()`).
public struct Biconnectivity: Sendable, Equatable {
    /// The nodes whose removal (with their edges) increases the number of connected components, increasing.
    public let articulationPoints: [Int]
    /// The edges whose removal increases the number of connected components, as node pairs `(u, v)` with
    /// `u < v`, increasing. A self-loop is never a bridge.
    public let bridges: [Bridge]
    /// The biconnected components as node sets (each increasing; the list sorted lexicographically). A
    /// single edge (a dyad) is a component; isolated nodes and self-loops alone form none.
    public let components: [[Int]]

    /// An undirected edge `u -- v` with `u < v`.
    public struct Bridge: Sendable, Hashable, Comparable {
        /// The smaller endpoint.
        public let u: Int
        /// The larger endpoint.
        public let v: Int
        /// The edge between two nodes, in either order.
        public init(_ a: Int, _ b: Int) {
            u = min(a, b)
            v = max(a, b)
        }
        /// Lexicographic order by `(u, v)`.
        public static func < (l: Bridge, r: Bridge) -> Bool { l.u != r.u ? l.u < r.u : l.v < r.v }
    }
}

extension CSRGraph {
    /// Articulation points, bridges and biconnected components, in one depth-first search.
    ///
    /// A directed graph is read as its underlying undirected graph (NetworkX's `to_undirected()`: `u -> v`
    /// and `v -> u` become one edge). Self-loops change nothing: they are never bridges, never make a node
    /// an articulation point, and add no node to a component. The CSR graph has no parallel edges, so the
    /// multigraph rule of NetworkX's `bridges` (a doubled edge is not a bridge) does not arise.
    ///
    /// Iterative Hopcroft–Tarjan: discovery times and low points over an explicit stack; a tree edge
    /// `p -- u` closes a component (and `p` is an articulation point, unless it is a DFS root) when
    /// `low(u) >= disc(p)`, and is a bridge when `low(u) > disc(p)`; a root is an articulation point when it
    /// has two DFS children or more.
    ///
    /// - Complexity: `O(n + m)` time and extra space (plus `O(m log d)` to build the undirected view of a
    ///   directed graph).
    /// - SeeAlso: J. Hopcroft, R. Tarjan, "Efficient algorithms for graph manipulation", CACM 16 (1973);
    ///   NetworkX `articulation_points`, `bridges`, `biconnected_components` (same sets).
    public func biconnectivity() -> Biconnectivity {
        let g = undirected
        let n = g.nodeCount
        var discovery = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var isArticulation = [Bool](repeating: false, count: n)
        var bridges: [Biconnectivity.Bridge] = []
        var components: [[Int]] = []
        // DFS frame: node, next arc, the edge id that led here (-1 at a root).
        var nodeStack: [Int32] = []
        var arcStack: [Int] = []
        var edgeStack: [Int32] = []
        // Edges of the component in progress (as arc endpoints), Hopcroft–Tarjan's edge stack.
        var pendingSource: [Int32] = []
        var pendingTarget: [Int32] = []
        var inComponent = [Int32](repeating: -1, count: n)
        var time: Int32 = 0
        for root in 0 ..< n where discovery[root] < 0 {
            discovery[root] = time; low[root] = time; time += 1
            nodeStack.append(Int32(root)); arcStack.append(g.outOffsets[root]); edgeStack.append(-1)
            var rootChildren = 0
            while let top = nodeStack.last {
                let u = Int(top)
                let arc = arcStack[arcStack.count - 1]
                if arc < g.outOffsets[u + 1] {
                    arcStack[arcStack.count - 1] = arc + 1
                    let v = Int(g.outTargets[arc])
                    let edge = g.outEdges[arc]
                    if v == u || edge == edgeStack[edgeStack.count - 1] { continue }
                    if discovery[v] < 0 {
                        discovery[v] = time; low[v] = time; time += 1
                        pendingSource.append(Int32(u)); pendingTarget.append(Int32(v))
                        nodeStack.append(Int32(v)); arcStack.append(g.outOffsets[v]); edgeStack.append(edge)
                    } else if discovery[v] < discovery[u] {
                        // A back edge to an ancestor (seen from the descendant's side only).
                        low[u] = min(low[u], discovery[v])
                        pendingSource.append(Int32(u)); pendingTarget.append(Int32(v))
                    }
                    continue
                }
                nodeStack.removeLast(); arcStack.removeLast(); edgeStack.removeLast()
                guard let parentNode = nodeStack.last else { break }
                let p = Int(parentNode)
                low[p] = min(low[p], low[u])
                if low[u] >= discovery[p] {
                    if nodeStack.count == 1 { rootChildren += 1 } else { isArticulation[p] = true }
                    if low[u] > discovery[p] { bridges.append(.init(p, u)) }
                    // Pop the component: the edges pushed since the tree edge p -- u.
                    let marker = Int32(components.count)
                    var members: [Int] = []
                    while let s = pendingSource.popLast(), let t = pendingTarget.popLast() {
                        if inComponent[Int(s)] != marker { inComponent[Int(s)] = marker; members.append(Int(s)) }
                        if inComponent[Int(t)] != marker { inComponent[Int(t)] = marker; members.append(Int(t)) }
                        if Int(s) == p && Int(t) == u { break }
                    }
                    members.sort()
                    components.append(members)
                }
            }
            if rootChildren > 1 { isArticulation[root] = true }
        }
        components.sort { $0.lexicographicallyPrecedes($1) }
        bridges.sort()
        return Biconnectivity(
            articulationPoints: (0 ..< n).filter { isArticulation[$0] }, bridges: bridges,
            components: components)
    }

    /// The articulation points (cut vertices) of the undirected view, increasing.
    ///
    /// - Complexity: `O(n + m)`. See `biconnectivity()`.
    /// - SeeAlso: NetworkX `articulation_points`.
    public func articulationPoints() -> [Int] { biconnectivity().articulationPoints }

    /// The bridges (cut edges) of the undirected view, as pairs `u < v`, increasing.
    ///
    /// - Complexity: `O(n + m)`. See `biconnectivity()`.
    /// - SeeAlso: NetworkX `bridges`.
    public func bridges() -> [Biconnectivity.Bridge] { biconnectivity().bridges }

    /// The biconnected components of the undirected view, as node sets.
    ///
    /// - Complexity: `O(n + m)`. See `biconnectivity()`.
    /// - SeeAlso: NetworkX `biconnected_components`.
    public func biconnectedComponents() -> [[Int]] { biconnectivity().components }
}
