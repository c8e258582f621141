// Minimum node and edge cuts between two node sets, by maximum flow (Menger's theorem).

/// Why a minimum cut between a source set and a target set could not be computed.
public enum MinimumCutError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The source set or the target set is empty.
    case emptySet(which: String)
    /// A node index is not in `0 ..< nodeCount`.
    case nodeOutOfRange(node: Int, nodeCount: Int)
    /// A node is both a source and a target: no cut separates it from itself.
    case sourceIsTarget(node: Int)
    /// An edge joins a source straight to a target, so no set of other nodes cuts every path: no node cut
    /// exists (NetworkX's `minimum_node_cut` raises `NetworkXError` for adjacent `s`, `t`). An edge cut
    /// still exists.
    case sourceAdjacentToTarget(source: Int, target: Int, edge: Int)
    /// A node capacity or edge weight used as a capacity is negative or NaN.
    case invalidCapacity(what: String, index: Int, value: Double)
    /// Every cut has infinite capacity: some path from a source to a target runs only through nodes (or
    /// edges) of infinite capacity.
    case noFiniteCut

    public var description: String {
        switch self {
        case let .emptySet(which):
            return "the \(which) set is empty; a cut separates two non-empty node sets"
        case let .nodeOutOfRange(node, count):
            return "node index \(node) is out of range 0..<\(count)"
        case let .sourceIsTarget(node):
            return "node \(node) is both a source and a target; the two sets must be disjoint"
        case let .sourceAdjacentToTarget(source, target, edge):
            return "source \(source) has an edge (id \(edge)) straight to target \(target), so no set of other "
                + "nodes separates them: no node cut exists (use an edge cut instead)"
        case let .invalidCapacity(what, index, value):
            return "\(what) \(index) has capacity \(value); capacities must be >= 0 (or infinite)"
        case .noFiniteCut:
            return "every cut has infinite capacity: a path from a source to a target uses only uncuttable "
                + "(infinite-capacity) nodes or edges"
        }
    }
}

/// A minimum node cut: nodes, outside the source and target sets, whose removal cuts every path from the
/// sources to the targets.
public struct MinimumNodeCut: Sendable, Equatable {
    /// The cut nodes, in increasing order.
    public let nodes: [Int]
    /// The total capacity of the cut nodes: the maximum number of node-disjoint paths with unit
    /// capacities (equal to `size` then), the maximum flow with node capacities.
    public let capacity: Double
    /// The number of cut nodes.
    public var size: Int { nodes.count }
}

/// A minimum edge cut: edges whose removal cuts every path from the sources to the targets.
public struct MinimumEdgeCut: Sendable, Equatable {
    /// The cut edges (edge ids of the `CSRGraph`), in increasing order.
    public let edges: [Int]
    /// The total capacity of the cut edges: the maximum number of edge-disjoint paths with unit
    /// capacities (equal to `size` then), the maximum flow with weights as capacities.
    public let capacity: Double
    /// The number of cut edges.
    public var size: Int { edges.count }
}

extension CSRGraph {
    /// A minimum node cut between a source set `S` and a target set `T`: a set of nodes, none in `S ∪ T`,
    /// of least total capacity (least size with unit capacities) whose removal leaves no path from any
    /// node of `S` to any node of `T`.
    ///
    /// Computed by maximum flow (Menger's theorem) on the split graph: every node `v` becomes
    /// `v_in -> v_out` of capacity 1 (or `nodeCapacities[v]`), infinite for nodes of `S ∪ T`; every edge
    /// `u -> v` becomes `u_out -> v_in` of infinite capacity (both ways for an undirected graph); a
    /// super-source feeds every `s_in`, every `t_out` feeds a super-sink. Self-loops are ignored.
    ///
    /// A minimum cut need not be unique. The one returned is the cut closest to the sources: `v` is in the
    /// cut when `v_in` is reachable from the super-source in the final residual network and `v_out` is not.
    /// It depends only on the graph and the sets (not on the order of `sources` and `targets`).
    ///
    /// With `S = {s}` and `T = {t}` the size equals NetworkX's `len(minimum_node_cut(G, s, t))`; when there
    /// is no path the cut is empty.
    ///
    /// - Parameters:
    ///   - sources, targets: node indices (repeats are ignored).
    ///   - nodeCapacities: the cost of cutting each node (`n` values >= 0, `.infinity` for an uncuttable
    ///     node); `nil` for unit costs. Entries of source and target nodes are ignored.
    /// - Throws: `MinimumCutError.sourceAdjacentToTarget` when an edge joins a source to a target (no node
    ///   cut exists), `.sourceIsTarget` when the sets meet, `.emptySet`, `.nodeOutOfRange`,
    ///   `.invalidCapacity`, `.noFiniteCut` when every cut needs an uncuttable node.
    /// - Complexity: `O(m √n)` time with unit capacities (Dinic on a unit node-capacity network),
    ///   `O(n² m)` with arbitrary capacities; `O(n + m)` extra space.
    public func minimumNodeCut(
        sources: [Int], targets: [Int], nodeCapacities: [Double]? = nil
    ) throws(MinimumCutError) -> MinimumNodeCut {
        let n = nodeCount
        let (isSource, isTarget) = try terminalMasks(sources: sources, targets: targets)
        if let nodeCapacities {
            precondition(nodeCapacities.count == n, "one node capacity per node")
            for (v, c) in nodeCapacities.enumerated() where !(c >= 0) {
                throw .invalidCapacity(what: "node", index: v, value: c)
            }
        }
        // No node cut exists when a source is adjacent to a target.
        for e in 0 ..< edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            if isSource[u] && isTarget[v] { throw .sourceAdjacentToTarget(source: u, target: v, edge: e) }
            if !isDirected && isSource[v] && isTarget[u] {
                throw .sourceAdjacentToTarget(source: v, target: u, edge: e)
            }
        }
        let superSource = 2 * n, superSink = 2 * n + 1
        var tails: [Int] = [], heads: [Int] = [], capacities: [Double] = []
        let arcCount = n + (isDirected ? edgeCount : 2 * edgeCount) + sources.count + targets.count
        tails.reserveCapacity(arcCount); heads.reserveCapacity(arcCount); capacities.reserveCapacity(arcCount)
        for v in 0 ..< n {
            tails.append(2 * v); heads.append(2 * v + 1)
            capacities.append(isSource[v] || isTarget[v] ? .infinity : nodeCapacities?[v] ?? 1)
        }
        for e in 0 ..< edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            guard u != v else { continue }
            tails.append(2 * u + 1); heads.append(2 * v); capacities.append(.infinity)
            if !isDirected { tails.append(2 * v + 1); heads.append(2 * u); capacities.append(.infinity) }
        }
        for v in 0 ..< n where isSource[v] { tails.append(superSource); heads.append(2 * v); capacities.append(.infinity) }
        for v in 0 ..< n where isTarget[v] { tails.append(2 * v + 1); heads.append(superSink); capacities.append(.infinity) }
        let flow = try Self.solve(nodeCount: 2 * n + 2, tails, heads, capacities, superSource, superSink)
        var cut: [Int] = []
        for v in 0 ..< n where flow.sourceSide[2 * v] && !flow.sourceSide[2 * v + 1] { cut.append(v) }
        return MinimumNodeCut(nodes: cut, capacity: flow.value)
    }

    /// A minimum node cut between two nodes: `minimumNodeCut(sources: [source], targets: [target])`.
    ///
    /// Matches the size of NetworkX's `minimum_node_cut(G, s, t)`.
    public func minimumNodeCut(from source: Int, to target: Int) throws(MinimumCutError) -> MinimumNodeCut {
        try minimumNodeCut(sources: [source], targets: [target])
    }

    /// A minimum edge cut between a source set `S` and a target set `T`: a set of edges of least total
    /// capacity (least size with unit capacities) whose removal leaves no path from `S` to `T`.
    ///
    /// Computed by maximum flow: every edge `u -> v` is an arc of capacity 1, or its weight when `weighted`
    /// (both ways for an undirected edge); a super-source feeds `S`, `T` feeds a super-sink. Self-loops
    /// are never in a cut. An edge joining a source to a target is always in the cut.
    ///
    /// A minimum cut need not be unique. The one returned is the cut closest to the sources: the edges
    /// leaving the set of nodes reachable from the super-source in the final residual network (an
    /// undirected edge is cut when exactly one end is reachable). Edges of weight 0 on that boundary are
    /// included (removing them is needed to disconnect, and costs nothing).
    ///
    /// With `S = {s}` and `T = {t}` the size equals NetworkX's `len(minimum_edge_cut(G, s, t))`, and with
    /// `weighted` the capacity equals `maximum_flow_value(G, s, t, capacity="weight")`.
    ///
    /// - Throws: `MinimumCutError.sourceIsTarget` when the sets meet, `.emptySet`, `.nodeOutOfRange`,
    ///   `.invalidCapacity` for a negative weight.
    /// - Complexity: `O(m min(√m, n^(2/3)))` time with unit capacities (Dinic), `O(n² m)` with weights;
    ///   `O(n + m)` extra space.
    public func minimumEdgeCut(
        sources: [Int], targets: [Int], weighted: Bool = false
    ) throws(MinimumCutError) -> MinimumEdgeCut {
        let n = nodeCount
        let (isSource, isTarget) = try terminalMasks(sources: sources, targets: targets)
        if weighted, let weights {
            for (e, w) in weights.enumerated() where !(w >= 0) {
                throw .invalidCapacity(what: "edge", index: e, value: w)
            }
        }
        let superSource = n, superSink = n + 1
        var tails: [Int] = [], heads: [Int] = [], capacities: [Double] = []
        let arcCount = (isDirected ? edgeCount : 2 * edgeCount) + sources.count + targets.count
        tails.reserveCapacity(arcCount); heads.reserveCapacity(arcCount); capacities.reserveCapacity(arcCount)
        for e in 0 ..< edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            guard u != v else { continue }
            let c = weighted ? weight(ofEdge: e) : 1
            tails.append(u); heads.append(v); capacities.append(c)
            if !isDirected { tails.append(v); heads.append(u); capacities.append(c) }
        }
        for v in 0 ..< n where isSource[v] { tails.append(superSource); heads.append(v); capacities.append(.infinity) }
        for v in 0 ..< n where isTarget[v] { tails.append(v); heads.append(superSink); capacities.append(.infinity) }
        let flow = try Self.solve(nodeCount: n + 2, tails, heads, capacities, superSource, superSink)
        var cut: [Int] = []
        for e in 0 ..< edgeCount {
            let u = Int(edgeSources[e]), v = Int(edgeTargets[e])
            let crosses = isDirected
                ? flow.sourceSide[u] && !flow.sourceSide[v]
                : flow.sourceSide[u] != flow.sourceSide[v]
            if crosses { cut.append(e) }
        }
        return MinimumEdgeCut(edges: cut, capacity: flow.value)
    }

    /// A minimum edge cut between two nodes: `minimumEdgeCut(sources: [source], targets: [target])`.
    ///
    /// Matches the size of NetworkX's `minimum_edge_cut(G, s, t)`.
    public func minimumEdgeCut(
        from source: Int, to target: Int, weighted: Bool = false
    ) throws(MinimumCutError) -> MinimumEdgeCut {
        try minimumEdgeCut(sources: [source], targets: [target], weighted: weighted)
    }

    /// The value of a maximum flow from `source` to `target` with edge weights as capacities (1 when the
    /// graph is unweighted): NetworkX's `maximum_flow_value(G, s, t, capacity="weight")`.
    ///
    /// - Complexity: as `minimumEdgeCut(sources:targets:weighted:)`.
    public func maximumFlowValue(from source: Int, to target: Int) throws(MinimumCutError) -> Double {
        try minimumEdgeCut(sources: [source], targets: [target], weighted: true).capacity
    }

    /// Checks the two sets and returns their membership masks.
    private func terminalMasks(sources: [Int], targets: [Int]) throws(MinimumCutError) -> ([Bool], [Bool]) {
        guard !sources.isEmpty else { throw .emptySet(which: "source") }
        guard !targets.isEmpty else { throw .emptySet(which: "target") }
        var isSource = [Bool](repeating: false, count: nodeCount)
        var isTarget = [Bool](repeating: false, count: nodeCount)
        for s in sources {
            guard s >= 0, s < nodeCount else { throw .nodeOutOfRange(node: s, nodeCount: nodeCount) }
            isSource[s] = true
        }
        for t in targets {
            guard t >= 0, t < nodeCount else { throw .nodeOutOfRange(node: t, nodeCount: nodeCount) }
            guard !isSource[t] else { throw .sourceIsTarget(node: t) }
            isTarget[t] = true
        }
        return (isSource, isTarget)
    }

    private static func solve(
        nodeCount: Int, _ tails: [Int], _ heads: [Int], _ capacities: [Double], _ source: Int, _ sink: Int
    ) throws(MinimumCutError) -> MaximumFlow<Double> {
        do {
            let network = try FlowNetwork(nodeCount: nodeCount, tails: tails, heads: heads, capacities: capacities)
            return try network.maximumFlow(from: source, to: sink)
        } catch .unbounded {
            throw .noFiniteCut
        } catch {
            // Endpoints and capacities were checked above; the super-source and super-sink differ.
            preconditionFailure("unexpected flow error: \(error)")
        }
    }
}
