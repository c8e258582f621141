import EcoGraphKernel

/// How a failure spreads when an analysis removes a node.
public enum ImpactModel: String, Sendable, CaseIterable {
    /// Reachability: a consumer keeps a dependency while any path to it survives.
    case reach
    /// Cascading failure: a node fails when every member of one of its alternatives groups has failed
    /// (AND across groups, OR within one), or when a threshold share of its dependency weight has.
    case cascade
}

/// What a chokepoint analysis asks about.
public struct ChokepointOptions: Sendable, Equatable {
    /// Whose dependencies count (default: every node).
    public var consumers: NodeSelection = .all
    /// Which lost nodes count (default: every node).
    public var providers: NodeSelection = .all
    /// How a failure spreads: reachability (`reach`, the default) or cascading failure (`cascade`).
    public var model: ImpactModel = .reach
    /// For the cascade model: a node also fails when this share of its dependency weight has failed.
    public var threshold: Double?
    /// Per-consumer details (who loses what) are listed when there are at most this many consumers.
    public var detailLimit = 2000

    /// Options for all consumers and providers under the reach model, unless told otherwise.
    public init(consumers: NodeSelection = .all, providers: NodeSelection = .all, model: ImpactModel = .reach,
                threshold: Double? = nil, detailLimit: Int = 2000) {
        self.consumers = consumers
        self.providers = providers
        self.model = model
        self.threshold = threshold
        self.detailLimit = detailLimit
    }
}

/// One consumer's loss if a chokepoint disappears.
public struct ConsumerLoss: Sendable, Equatable {
    /// The consumer's id.
    public var consumer: String
    /// How many counted nodes (providers) the consumer would lose.
    public var lost: Int
    /// The ids of those nodes, sorted (under the cascade model: the consumer itself fails).
    public var nodes: [String]
}

/// A node and what depends on it.
public struct ChokepointEntry: Sendable, Equatable {
    /// The node's index in `LoadedGraph`.
    public var node: Int
    /// The node's id.
    public var id: String
    /// The node's label.
    public var label: String
    /// The node's kind, for typed ecosystems.
    public var kind: String?
    /// Reach model: the (consumer, provider) pairs lost if the node disappears, over consumers other than
    /// itself. Cascade model: the consumers other than itself that fail.
    public var impact: Int
    /// The consumers other than the node that reach it.
    public var dependents: Int
    /// The consumers that would lose something, most affected first (empty past `detailLimit` consumers).
    public var consumers: [ConsumerLoss]
}

/// Where a dependency graph is fragile.
public struct ChokepointReport: Sendable {
    /// The options the report was made with.
    public var options: ChokepointOptions
    /// Articulation points of the undirected view, by id.
    public var articulationPoints: [String]
    /// Bridges of the undirected view, each with its ends in id order.
    public var bridges: [EdgeRef]
    /// The number of strongly connected components of the dependency graph.
    public var stronglyConnectedComponents: Int
    /// Weakly connected components of the dependency graph.
    public var weaklyConnectedComponents: Int
    /// Biconnected components of the undirected view, as sorted id lists.
    public var biconnectedComponents: [[String]]
    /// Dependency cycles (strongly connected components of more than one node, and self-loops): in a
    /// dependency graph they are usually data errors.
    public var cycles: [[String]]
    /// Nodes whose removal splits a strongly connected component (Italiano, Laura, Santaroni 2012).
    public var strongArticulationPoints: [String]
    /// Edges whose removal splits a strongly connected component (dependent to dependency).
    public var strongBridges: [EdgeRef]
    /// Every node with dependents, by impact (descending), then id.
    public var chokepoints: [ChokepointEntry]
    /// The number of consumers the impacts sum over.
    public var consumerCount: Int
    /// Whether per-consumer losses are listed (`ChokepointEntry.consumers`): at most `detailLimit` consumers.
    public var detailsListed: Bool
}

extension LoadedGraph {
    /// Dominator-based chokepoints of the dependency graph, with its cycles and cut structure.
    ///
    /// Reach model: `impact(X)` sums, over consumers `C ≠ X`, the providers `T` reachable from `C` such that
    /// every path `C → T` passes through `X` (`T = X` included) — the pairs lost if `X` disappears — from
    /// dominator subtree sizes (`CSRGraph.dependencyImpact`). Cascade model: the consumers `C ≠ X` that fail
    /// when `X` alone is removed (`CascadeModel`).
    /// - Complexity: reach: `O(Σ_C reach(C) · α)`; cascade: one linear cascade per node.
    public func chokepoints(_ options: ChokepointOptions = .init()) throws(AnalysisError) -> ChokepointReport {
        let g = graph.unweighted
        let consumers = try nodes(in: options.consumers)
        var providerMask: [Bool]?
        if options.providers != .all {
            var mask = [Bool](repeating: false, count: nodeCount)
            for p in try nodes(in: options.providers) { mask[p] = true }
            providerMask = mask
        }
        let impact = try impactAndDependents(consumers: consumers, providers: providerMask, options: options)
        let impactValues = impact.impact

        // Who loses what: one dominator tree per consumer (reach), or one cascade per chokepoint (cascade).
        let detailsListed = consumers.count <= options.detailLimit
        var losses = [[ConsumerLoss]](repeating: [], count: nodeCount)
        if detailsListed {
            switch options.model {
            case .reach:
                for consumer in consumers {
                    for (x, lost) in try reachLosses(of: consumer, providers: providerMask) { losses[x].append(lost) }
                }
            case .cascade:
                var isConsumer = [Bool](repeating: false, count: nodeCount)
                for c in consumers { isConsumer[c] = true }
                for x in 0 ..< nodeCount where impactValues[x] > 0 {
                    let failed = try cascade(removing: [x], threshold: options.threshold).dropFirst().joined()
                    losses[x] = failed.filter { isConsumer[$0] }.map { ConsumerLoss(consumer: id($0), lost: 1, nodes: [id($0)]) }
                }
            }
            for x in losses.indices {
                losses[x].sort { $0.lost != $1.lost ? $0.lost > $1.lost : $0.consumer < $1.consumer }
            }
        }

        var entries: [ChokepointEntry] = []
        for x in 0 ..< nodeCount where impact.dependents[x] > 0 || impactValues[x] > 0 {
            entries.append(ChokepointEntry(node: x, id: id(x), label: label(x), kind: kind(x), impact: impactValues[x],
                                           dependents: impact.dependents[x], consumers: losses[x]))
        }
        entries.sort { $0.impact != $1.impact ? $0.impact > $1.impact : $0.id < $1.id }

        let scc = g.stronglyConnectedComponents()
        var cycles = scc.members.filter { $0.count > 1 }.map { $0.map(id).sorted() }
        for e in 0 ..< g.edgeCount where g.edgeSources[e] == g.edgeTargets[e] { cycles.append([id(Int(g.edgeSources[e]))]) }
        cycles.sort { $0.lexicographicallyPrecedes($1) }
        let biconnectivity = g.biconnectivity()
        let strong = g.strongConnectivityCuts()
        return ChokepointReport(
            options: options,
            articulationPoints: biconnectivity.articulationPoints.map(id).sorted(),
            bridges: edgeRefs(between: biconnectivity.bridges.map { id($0.u) < id($0.v) ? ($0.u, $0.v) : ($0.v, $0.u) }, eitherWay: true).sorted(),
            stronglyConnectedComponents: scc.count,
            weaklyConnectedComponents: g.weaklyConnectedComponents().count,
            biconnectedComponents: biconnectivity.components.map { $0.map(id).sorted() }.sorted { $0.lexicographicallyPrecedes($1) },
            cycles: cycles,
            strongArticulationPoints: strong.articulationPoints.map(id).sorted(),
            strongBridges: edgeRefs(strong.bridges).sorted(),
            chokepoints: entries,
            consumerCount: consumers.count,
            detailsListed: detailsListed)
    }

    /// Every node's impact under the options' model and its dependents (the consumers other than itself that
    /// reach it): the numbers `chokepoints(_:)` ranks by, and what a timeline follows.
    /// - Parameters:
    ///   - consumers: the consumers, by index.
    ///   - providers: a flag per node, when only some lost nodes count (reach model).
    ///   - parallel: spread the consumers over all cores (the result is the same either way).
    /// - Complexity: reach: `O(Σ_C reach(C) · α)`; cascade: that plus one linear cascade per node.
    func impactAndDependents(consumers: [Int], providers: [Bool]?, options: ChokepointOptions,
                             parallel: Bool = true) throws(AnalysisError) -> (impact: [Int], dependents: [Int]) {
        let g = graph.unweighted
        let reach = try kernelCall { () throws(CSRGraphError) in try g.dependencyImpact(consumers: consumers, providers: providers, parallel: parallel) }
        guard options.model == .cascade else { return (reach.impact, reach.dependents) }
        return (try cascadeImpact(consumers: consumers, threshold: options.threshold, parallel: parallel), reach.dependents)
    }

    /// For one consumer, each node whose loss costs it something (reach model), with the providers lost:
    /// the node's subtree in the consumer's dominator tree.
    private func reachLosses(of consumer: Int, providers: [Bool]?) throws(AnalysisError) -> [(Int, ConsumerLoss)] {
        let tree = try kernelCall { () throws(CSRGraphError) in try graph.dominatorTree(from: consumer) }
        var result: [(Int, ConsumerLoss)] = []
        for x in tree.preorder.dropFirst().map(Int.init) {
            let lost = tree.dominatedNodes(by: x).map(Int.init).filter { providers?[$0] ?? true }
            if !lost.isEmpty {
                result.append((x, ConsumerLoss(consumer: id(consumer), lost: lost.count, nodes: lost.map(id).sorted())))
            }
        }
        return result
    }
}
