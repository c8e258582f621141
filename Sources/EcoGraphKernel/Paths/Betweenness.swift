// Shortest-path betweenness of nodes and edges (Brandes 2001, 2008), matching NetworkX 3.x.
//
// The public measures, `BetweennessSources` and NetworkX's rescaling; both phases of Brandes' algorithm
// (the shortest-path DAG from a source and the dependency accumulation over it) are in `Brandes.swift`.

/// Which sources a betweenness computation sums over.
///
/// Exact betweenness sums over all sources; an estimate sums over `k` sources and rescales
/// (Brandes and Pich 2007), as NetworkX's `k` parameter does.
public enum BetweennessSources: Sendable, Equatable {
    /// Every node: the exact measure.
    case all
    /// These distinct node indices (for example the ones NetworkX sampled, to reproduce its estimate).
    case explicit([Int])
    /// `count` distinct nodes drawn uniformly with EcoGraph's own deterministic generator (SplitMix64 and
    /// a partial Fisher-Yates shuffle): the same seed gives the same nodes on every platform. This is not
    /// NetworkX's draw (Python's Mersenne Twister); to reproduce a NetworkX estimate pass its sources with
    /// `.explicit`.
    case sample(count: Int, seed: UInt64)

    /// The source nodes, in the order they are drawn.
    ///
    /// - Throws: `CSRGraphError.nodeOutOfRange` for an explicit source outside `0 ..< nodeCount`;
    ///   `.invalidSources` for an empty or repeating list, or a sample size outside `1 ... nodeCount`.
    /// - Complexity: `O(n)` for `.all` and `.sample`, `O(k)` for `.explicit`.
    public func nodes(nodeCount: Int) throws(CSRGraphError) -> [Int] {
        switch self {
        case .all:
            return Array(0 ..< nodeCount)
        case .explicit(let sources):
            guard !sources.isEmpty || nodeCount == 0 else { throw .invalidSources(reason: "no sources given") }
            var seen = Set<Int>(minimumCapacity: sources.count)
            for s in sources {
                guard s >= 0, s < nodeCount else { throw .nodeOutOfRange(node: s, nodeCount: nodeCount) }
                guard seen.insert(s).inserted else { throw .invalidSources(reason: "node \(s) is listed twice") }
            }
            return sources
        case .sample(let k, let seed):
            guard k >= 1 && k <= nodeCount || nodeCount == 0 && k == 0 else {
                throw .invalidSources(reason: "a sample of \(k) sources from \(nodeCount) nodes (needs 1 ... \(nodeCount))")
            }
            var generator = SplitMix64(seed: seed)
            var pool = Array(0 ..< nodeCount)
            for i in 0 ..< k {
                let j = i + Int(generator.below(UInt64(nodeCount - i)))
                pool.swapAt(i, j)
            }
            return Array(pool.prefix(k))
        }
    }
}

extension CSRGraph {
    /// Shortest-path betweenness centrality of every node (Brandes' algorithm).
    ///
    /// `c(v) = Σ_{s,t} σ(s,t|v) / σ(s,t)`, over ordered pairs of nodes `s != t`, where `σ(s,t)` counts
    /// the shortest `s`-`t` paths and `σ(s,t|v)` those through `v`; without `endpoints`, `v` must differ
    /// from `s` and `t`, with `endpoints` it may be either (a source then counts every node it reaches).
    ///
    /// Normalisation, exactly as NetworkX 3.6's `_rescale`, with `N = n - 1` (`n` with `endpoints`):
    /// - `normalized`: divided by `K · (N - 1)`, the number of ordered pairs that can have `v` inside,
    ///   with `K = N` for all sources and `K = k` for `k` sampled ones (directed and undirected alike:
    ///   the path `0 - 1 - 2` gives node 1 the value `2 / (2 · 1) = 1`);
    /// - not normalized: undirected values are halved (each pair counted once: node 1 above gets 1);
    ///   with `k` sampled sources, scaled by `N / k`;
    /// - with `k` sampled sources and without `endpoints`, a sampled node `v` cannot be its own source, so
    ///   it gets `K = k - 1` instead of `k` (NaN when `k = 1`);
    /// - nothing is rescaled when `N < 2`; `k = n` is the exact measure.
    ///
    /// - Parameters:
    ///   - weighted: weights are distances (Dijkstra; lengths tie only when exactly equal, as in NetworkX).
    ///     Without it, or on a graph built without weights, every edge has length 1 (breadth-first search).
    ///   - normalized: divide by the number of pairs (NetworkX's default `true`).
    ///   - endpoints: count the endpoints of each path (default `false`).
    ///   - sources: all nodes (exact), or a sample (an estimate).
    ///   - parallel: spread the sources over all cores; the result is bit-for-bit the same either way.
    /// - Returns: the betweenness of each node, by node index.
    /// - Throws: `CSRGraphError.negativeWeight` when `weighted` and a weight is negative;
    ///   `.nodeOutOfRange` for an explicit source that is not a node.
    /// - Precondition: at least one source when there is something to rescale (`N >= 2`), as NetworkX
    ///   divides by `k` there.
    /// - Complexity: `O(k·m)` time unweighted, `O(k·m log n)` weighted, for `k` sources;
    ///   `O(n + m)` extra space per running partition plus `n` doubles per partition.
    /// - SeeAlso: NetworkX `betweenness_centrality(G, k, normalized, weight, endpoints, seed)`.
    public func betweennessCentrality(
        weighted: Bool = false, normalized: Bool = true, endpoints: Bool = false,
        sources: BetweennessSources = .all, parallel: Bool = true
    ) throws(CSRGraphError) -> [Double] {
        let useWeights = try usesDistanceWeights(weighted)
        let sourceNodes = try sources.nodes(nodeCount: nodeCount)
        let n = nodeCount
        // One view (and one gathered weight array) shared read-only by all partitions.
        let partials = withArcView(weighted: useWeights) { view in
            SourcePartitions.map(sources: sourceNodes, parallel: parallel) { partition in
                var partial = [Double](repeating: 0, count: n)
                partial.withUnsafeMutableBufferPointer { scores in
                    if useWeights {
                        var dag = ShortestPathDAG(view, recordEdges: false)
                        for s in partition {
                            dag.dijkstra(from: s, view, recordEdges: false)
                            dag.accumulate(source: s, endpoints: endpoints, into: scores)
                        }
                    } else {
                        var dag = BreadthFirstDAG(nodeCount: n)
                        for s in partition {
                            dag.traverse(from: s, view)
                            dag.accumulate(source: s, endpoints: endpoints, view, into: scores)
                        }
                    }
                }
                return partial
            }
        }
        var scores = Self.combine(partials, count: n)
        // NetworkX turns k == n into the exact measure before rescaling.
        let sampled: [Int]? = sourceNodes.count == n ? nil : sourceNodes
        Self.rescaleBetweenness(
            &scores, nodeCount: n, normalized: normalized, directed: isDirected, endpoints: endpoints,
            sampled: sampled)
        return scores
    }

    /// Shortest-path betweenness centrality of every edge (Brandes 2008).
    ///
    /// `c(e) = Σ_{s,t} σ(s,t|e) / σ(s,t)` over ordered pairs `s != t`, with `σ(s,t|e)` the shortest paths
    /// through `e`. Normalisation as NetworkX (`_rescale` with endpoints): `normalized` divides by
    /// `k · (n - 1)` (`k = n` for all sources); otherwise undirected values are halved and `k` sampled
    /// sources scale by `n / k`; nothing is rescaled when `n < 2`. For the path `0 - 1 - 2` both edges get
    /// `2` unnormalized (`4 / 2`), `2 / 3` normalized.
    ///
    /// - Parameters: as `betweennessCentrality` (there is no `endpoints` option).
    /// - Returns: the betweenness of each edge, by edge id (`edgeSources` / `edgeTargets` give the
    ///   endpoints; an undirected edge is reported once; a self-loop gets 0 unless it has weight 0, where
    ///   NetworkX's tie rule counts it).
    /// - Throws: as `betweennessCentrality`.
    /// - Complexity: as `betweennessCentrality`, with `m` doubles per partition instead of `n`.
    /// - SeeAlso: NetworkX `edge_betweenness_centrality(G, k, normalized, weight, seed)`.
    public func edgeBetweennessCentrality(
        weighted: Bool = false, normalized: Bool = true,
        sources: BetweennessSources = .all, parallel: Bool = true
    ) throws(CSRGraphError) -> [Double] {
        let useWeights = try usesDistanceWeights(weighted)
        let sourceNodes = try sources.nodes(nodeCount: nodeCount)
        let n = nodeCount, m = edgeCount
        // One view (and one gathered weight array) shared read-only by all partitions.
        let partials = withArcView(weighted: useWeights) { view in
            SourcePartitions.map(sources: sourceNodes, parallel: parallel) { partition in
                var partial = [Double](repeating: 0, count: m)
                partial.withUnsafeMutableBufferPointer { scores in
                    if useWeights {
                        var dag = ShortestPathDAG(view, recordEdges: true)
                        for s in partition {
                            dag.dijkstra(from: s, view, recordEdges: true)
                            dag.accumulateEdges(into: scores)
                        }
                    } else {
                        var dag = BreadthFirstDAG(nodeCount: n)
                        for s in partition {
                            dag.traverse(from: s, view)
                            dag.accumulateEdges(view, into: scores)
                        }
                    }
                }
                return partial
            }
        }
        var scores = Self.combine(partials, count: m)
        Self.rescaleBetweenness(
            &scores, nodeCount: n, normalized: normalized, directed: isDirected, endpoints: true,
            sampled: sourceNodes.count == n ? nil : sourceNodes)
        return scores
    }

    /// Sums partial results in partition order (the same order serial and parallel).
    static func combine(_ partials: [[Double]], count: Int) -> [Double] {
        guard var total = partials.first else { return [Double](repeating: 0, count: count) }
        total.withUnsafeMutableBufferPointer { total in
            for partial in partials.dropFirst() {
                partial.withUnsafeBufferPointer { partial in
                    for i in 0 ..< count { total[i] += partial[i] }
                }
            }
        }
        return total
    }

    /// NetworkX 3.6's `_rescale`, line for line.
    ///
    /// - Parameters:
    ///   - sampled: the sampled sources, or `nil` for all sources. Node values are only told apart by
    ///     being sampled or not without endpoints; edge values always have `endpoints`.
    static func rescaleBetweenness(
        _ values: inout [Double], nodeCount n: Int, normalized: Bool, directed: Bool, endpoints: Bool,
        sampled: [Int]?
    ) {
        let N = endpoints ? n : n - 1
        guard N >= 2 else { return }
        let kSource = sampled?.count ?? N
        precondition(kSource > 0, "betweenness needs at least one source (k >= 1)")
        if sampled == nil || endpoints {
            let scale: Double
            if normalized {
                scale = 1 / Double(kSource * (N - 1))
            } else {
                let correction = directed ? 1 : 2
                scale = Double(N) / Double(kSource * correction)
            }
            if scale != 1 {
                for i in values.indices { values[i] *= scale }
            }
            return
        }
        let scaleSource: Double, scaleNonsource: Double
        if normalized {
            scaleSource = kSource > 1 ? 1 / Double((kSource - 1) * (N - 1)) : .nan
            scaleNonsource = 1 / Double(kSource * (N - 1))
        } else {
            let correction = directed ? 1 : 2
            scaleSource = kSource > 1 ? Double(N) / Double((kSource - 1) * correction) : .nan
            scaleNonsource = Double(N) / Double(kSource * correction)
        }
        var isSampled = [Bool](repeating: false, count: n)
        for s in sampled! { isSampled[s] = true }
        for v in values.indices { values[v] *= isSampled[v] ? scaleSource : scaleNonsource }
    }
}
