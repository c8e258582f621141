// Dependency chokepoints: what each consumer loses if one node disappears, from dominator subtree sizes.

/// How much a set of consumers depends on each node, from dominator trees (see
/// `CSRGraph.dependencyImpact(consumers:parallel:)`).
public struct DependencyImpact: Sendable, Equatable {
    /// `impact[x]`: the number of (consumer, reached node) pairs lost if `x` disappears, summed over the
    /// consumers other than `x`.
    public let impact: [Int]
    /// `dependents[x]`: the number of consumers other than `x` that reach `x`.
    public let dependents: [Int]
    /// The number of distinct consumers the sums run over.
    public let consumerCount: Int
}

/// A node whose removal costs one consumer part of what it reaches (see `CSRGraph.chokepoints(of:)`).
public struct Chokepoint: Sendable, Equatable, Hashable {
    /// The node.
    public let node: Int
    /// How many nodes the consumer could no longer reach without `node`, `node` itself included.
    public let lost: Int

    /// A chokepoint and what it costs.
    public init(node: Int, lost: Int) {
        self.node = node
        self.lost = lost
    }
}

extension CSRGraph {
    /// For each node `x`, how many (consumer, reachable node) pairs depend on `x`, and how many consumers
    /// reach `x`.
    ///
    /// In the dependency view (`u -> v`: `u` depends on `v`), for consumers `C`:
    /// - `impact(x) = Σ_{c ∈ C, c ≠ x} |{t reachable from c : every path c → t passes through x}|`, with
    ///   `t = x` counted: the size of `x`'s subtree in `c`'s dominator tree (0 when `c` does not reach `x`).
    ///   Equivalently `Σ_{c ≠ x} |reach_G(c)| - |reach_{G - x}(c)|`: the pairs lost if `x` is removed.
    /// - `dependents(x)`: the number of consumers `c ≠ x` that reach `x` (each loses at least `x`, so
    ///   `impact(x) >= dependents(x)`).
    ///
    /// Example: in `app -> lib -> core`, `app -> util -> core`, with every node a consumer, `core` has
    /// impact 3 (`app`, `lib`, `util` each lose `core`), `lib` impact 1 (`app` loses only `lib`: `core` is
    /// still reached through `util`) and dependents 1.
    ///
    /// Computed from one dominator tree per consumer (semi-NCA), never by removing nodes and searching
    /// again. Consumers are independent: they are spread over cores with `SourcePartitions`, each partition
    /// reusing one workspace that is cleared only where its previous consumer reached, so a consumer costs
    /// `O(reach)`, not `O(n)`. Sums are integers, so a parallel run equals a serial one exactly.
    ///
    /// - Parameters:
    ///   - consumers: the consumer nodes, or `nil` for every node. Repeated consumers count once.
    ///   - providers: when given (a flag per node), `impact` counts only lost nodes `t` that are providers
    ///     (the pairs (consumer, provider) lost); `dependents` is unchanged.
    ///   - parallel: spread the consumers over all cores (the result is the same either way).
    /// - Throws: `CSRGraphError.nodeOutOfRange` for a consumer that is not a node.
    /// - Complexity: `O(Σ_c (r_c + a_c) · α)` time, where consumer `c` reaches `r_c` nodes and `a_c` arcs
    ///   (the semi-NCA bound of `dominatorTree(from:)`: `α` is the near-constant path-compression factor
    ///   in practice, `log` in the worst case); `O(n)` extra space per partition.
    /// - SeeAlso: Georgiadis, Tarjan, Werneck, "Finding dominators in practice" (2006), for SNCA; NetworkX
    ///   `immediate_dominators` per consumer, then subtree sizes, gives the same numbers.
    public func dependencyImpact(consumers: [Int]? = nil, providers: [Bool]? = nil, parallel: Bool = true) throws(CSRGraphError)
        -> DependencyImpact
    {
        let n = nodeCount
        let sources: [Int]
        if let consumers {
            var seen = [Bool](repeating: false, count: n)
            var unique: [Int] = []
            unique.reserveCapacity(consumers.count)
            for c in consumers {
                guard c >= 0, c < n else { throw .nodeOutOfRange(node: c, nodeCount: n) }
                if !seen[c] { seen[c] = true; unique.append(c) }
            }
            sources = unique
        } else {
            sources = Array(0 ..< n)
        }
        guard !sources.isEmpty else {
            return DependencyImpact(
                impact: [Int](repeating: 0, count: n), dependents: [Int](repeating: 0, count: n),
                consumerCount: 0)
        }
        let partials = SourcePartitions.map(sources: sources, parallel: parallel) { partition in
            var impact = [Int](repeating: 0, count: n)
            var dependents = [Int](repeating: 0, count: n)
            var workspace = DominatorWorkspace(nodeCount: n)
            // Providers in each dominator subtree, by preorder number (used only with `providers`).
            var counted = [Int](repeating: 0, count: providers == nil ? 0 : n)
            withDominanceView { view in
                impact.withUnsafeMutableBufferPointer { impact in
                    dependents.withUnsafeMutableBufferPointer { dependents in
                        for consumer in partition {
                            workspace.run(from: consumer, view)
                            let reached = workspace.reached
                            if let providers {
                                // A dominator's number is smaller than its subtree's: sum children upwards.
                                for i in 0 ..< reached { counted[i] = providers[Int(workspace.vertex[i])] ? 1 : 0 }
                                for i in stride(from: reached - 1, to: 0, by: -1) { counted[Int(workspace.idom[i])] += counted[i] }
                            }
                            // Number 0 is the consumer itself, which is excluded.
                            for i in 1 ..< max(1, reached) {
                                let x = Int(workspace.vertex[i])
                                impact[x] &+= providers == nil ? Int(workspace.size[i]) : counted[i]
                                dependents[x] &+= 1
                            }
                        }
                    }
                }
            }
            return (impact, dependents)
        }
        var impact = [Int](repeating: 0, count: n)
        var dependents = [Int](repeating: 0, count: n)
        for (partialImpact, partialDependents) in partials {
            for x in 0 ..< n {
                impact[x] += partialImpact[x]
                dependents[x] += partialDependents[x]
            }
        }
        return DependencyImpact(impact: impact, dependents: dependents, consumerCount: sources.count)
    }

    /// The chokepoints of one consumer: every node `x ≠ consumer` it reaches, with the number of nodes it
    /// would lose if `x` disappeared (`x`'s dominator subtree size, `x` included, so at least 1).
    ///
    /// Sorted by `lost` descending, then by node. The nodes themselves are
    /// `dominatorTree(from: consumer).dominatedNodes(by: x)`. Summing `lost` over all consumers gives
    /// `dependencyImpact(consumers:).impact`.
    ///
    /// - Throws: `CSRGraphError.nodeOutOfRange` when `consumer` is not a node.
    /// - Complexity: `O((r + a) · α + r log r)` for `r` reachable nodes and `a` arcs; `O(n)` extra space.
    public func chokepoints(of consumer: Int) throws(CSRGraphError) -> [Chokepoint] {
        guard consumer >= 0, consumer < nodeCount else {
            throw .nodeOutOfRange(node: consumer, nodeCount: nodeCount)
        }
        var workspace = DominatorWorkspace(nodeCount: nodeCount)
        withDominanceView { view in workspace.run(from: consumer, view) }
        var result: [Chokepoint] = []
        result.reserveCapacity(max(0, workspace.reached - 1))
        for i in 1 ..< max(1, workspace.reached) {
            result.append(Chokepoint(node: Int(workspace.vertex[i]), lost: Int(workspace.size[i])))
        }
        result.sort { $0.lost != $1.lost ? $0.lost > $1.lost : $0.node < $1.node }
        return result
    }
}
