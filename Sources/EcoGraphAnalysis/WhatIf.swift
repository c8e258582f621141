import EcoGraphKernel

/// A consumer that loses dependencies in a scenario.
public struct AffectedConsumer: Sendable, Equatable {
    /// The consumer's id.
    public var id: String
    /// The consumer's label.
    public var label: String
    /// The consumer's kind, for typed ecosystems.
    public var kind: String?
    /// The counted nodes (providers) it no longer reaches, sorted by id (cascade model: empty; the consumer
    /// itself failed).
    public var lost: [String]
    /// How many: `lost.count` under reach; 1 under cascade (the consumer failed).
    public var lostCount: Int
}

/// How a node's chokepoint impact changes in a scenario.
public struct RankChange: Sendable, Equatable {
    /// The node's id.
    public var id: String
    /// The node's label.
    public var label: String
    /// The node's chokepoint impact (reach model) before the scenario.
    public var impactBefore: Int
    /// The node's chokepoint impact after the scenario (0 when it was removed).
    public var impactAfter: Int
    /// The node's competition rank by impact before the scenario.
    public var rankBefore: Int
    /// `nil` when the node was removed.
    public var rankAfter: Int?
}

/// What a scenario breaks.
public struct WhatIfResult: Sendable {
    /// The scenario simulated.
    public var scenario: Scenario
    /// The impact model it was simulated under.
    public var model: ImpactModel
    /// Removed node ids, sorted.
    public var removed: [String]
    /// Cut dependencies (dependent to dependency), sorted.
    public var cutDependencies: [EdgeRef]
    /// Reach: the (consumer, provider) pairs lost over consumers not removed (for one removed node and all
    /// consumers and providers, that node's chokepoint `impact`). Cascade: the consumers that failed.
    public var lostPairs: Int
    /// Affected consumers, most affected first, then by id.
    public var affected: [AffectedConsumer]
    /// Cascade model: the failures round by round (round 0: the removed nodes).
    public var rounds: [[String]]
    /// The chokepoint ranking before and after (reach impact), for the nodes ranked highest before or after.
    public var rankingChanges: [RankChange]
    /// Restrictions the scenario names that are not in force in the facts analysed, with the reason.
    public var skipped: [SkippedRestriction] = []
}

extension LoadedGraph {
    /// Simulates a scenario on the dependency graph: removes its nodes and cuts the dependencies its
    /// removals and restrictions take away, then reports what each consumer loses.
    ///
    /// - Parameters:
    ///   - scenario: what to remove and which restrictions to apply.
    ///   - options: consumers and providers (whose losses count), and the impact model.
    ///   - rankingSize: how many top chokepoints (before or after) to compare; 0 skips the comparison.
    /// - Complexity: reach: two searches per consumer plus two dominator-impact runs; cascade: one cascade.
    public func whatIf(_ scenario: Scenario, options: ChokepointOptions = .init(), rankingSize: Int = 10) throws(AnalysisError) -> WhatIfResult {
        let resolved = try resolve(scenario)
        let consumers = try nodes(in: options.consumers)
        var isProvider = [Bool](repeating: options.providers == .all, count: nodeCount)
        if options.providers != .all { for p in try nodes(in: options.providers) { isProvider[p] = true } }
        let removedSet = Set(resolved.removedNodes)
        let g = graph.unweighted

        var affected: [AffectedConsumer] = []
        var lostPairs = 0
        var rounds: [[String]] = []
        switch options.model {
        case .reach:
            let losses = try kernelCall { () throws(ReachabilityError) in
                try g.reachabilityLoss(consumers: consumers, removedNodes: resolved.removedNodes,
                                       removedEdges: resolved.removedEdges, listLost: true)
            }
            for loss in losses where !loss.isRemoved {
                let lost = (loss.lost ?? []).filter { isProvider[$0] }
                guard !lost.isEmpty else { continue }
                lostPairs += lost.count
                affected.append(AffectedConsumer(id: id(loss.consumer), label: label(loss.consumer), kind: kind(loss.consumer),
                                                 lost: lost.map(id).sorted(), lostCount: lost.count))
            }
        case .cascade:
            let failedRounds = try cascade(removing: resolved.removedNodes, cutEdges: Set(resolved.removedEdges), threshold: options.threshold)
            rounds = failedRounds.map { $0.map(id).sorted() }
            var isConsumer = [Bool](repeating: false, count: nodeCount)
            for c in consumers { isConsumer[c] = true }
            for node in failedRounds.dropFirst().joined() where isConsumer[node] && !removedSet.contains(node) {
                lostPairs += 1
                affected.append(AffectedConsumer(id: id(node), label: label(node), kind: kind(node), lost: [], lostCount: 1))
            }
        }
        affected.sort { $0.lostCount != $1.lostCount ? $0.lostCount > $1.lostCount : $0.id < $1.id }

        let cut = edgeRefs(resolved.removedEdges).sorted()
        guard rankingSize > 0 else {
            return WhatIfResult(scenario: scenario, model: options.model, removed: resolved.removedNodes.map(id).sorted(),
                                cutDependencies: cut, lostPairs: lostPairs, affected: affected, rounds: rounds, rankingChanges: [],
                                skipped: resolved.skipped)
        }
        // The chokepoint ranking before and after, by reach impact over the same consumers and providers.
        let providerMask: [Bool]? = options.providers == .all ? nil : isProvider
        let reduced = graphRemoving(nodes: removedSet, edges: Set(resolved.removedEdges))
        let before = try kernelCall { () throws(CSRGraphError) in try g.dependencyImpact(consumers: consumers, providers: providerMask).impact }
        let after = try kernelCall { () throws(CSRGraphError) in
            try reduced.dependencyImpact(consumers: consumers.filter { !removedSet.contains($0) }, providers: providerMask).impact
        }
        func ranks(_ impact: [Int]) -> [Int] {
            let order = (0 ..< nodeCount).sorted { impact[$0] != impact[$1] ? impact[$0] > impact[$1] : id($0) < id($1) }
            var rank = [Int](repeating: 0, count: nodeCount)
            for (position, node) in order.enumerated() {
                rank[node] = position > 0 && impact[order[position - 1]] == impact[node] ? rank[order[position - 1]] : position + 1
            }
            return rank
        }
        let rankBefore = ranks(before), rankAfter = ranks(after)
        let shown = Set((0 ..< nodeCount).filter { rankBefore[$0] <= rankingSize && before[$0] > 0 || rankAfter[$0] <= rankingSize && after[$0] > 0 && !removedSet.contains($0) })
        let changes = shown.sorted { rankBefore[$0] != rankBefore[$1] ? rankBefore[$0] < rankBefore[$1] : id($0) < id($1) }.map { node in
            RankChange(id: id(node), label: label(node), impactBefore: before[node], impactAfter: removedSet.contains(node) ? 0 : after[node],
                       rankBefore: rankBefore[node], rankAfter: removedSet.contains(node) ? nil : rankAfter[node])
        }
        return WhatIfResult(scenario: scenario, model: options.model, removed: resolved.removedNodes.map(id).sorted(),
                            cutDependencies: cut, lostPairs: lostPairs, affected: affected, rounds: rounds, rankingChanges: changes,
                            skipped: resolved.skipped)
    }

    /// The dependency graph without some nodes' edges and some edges (the nodes stay, isolated).
    /// - Complexity: `O(n + m log d)`.
    func graphRemoving(nodes: Set<Int>, edges: Set<Int>) -> CSRGraph {
        let g = graph.unweighted
        var builder = CSRGraphBuilder(nodeCount: nodeCount, isDirected: g.isDirected)
        builder.reserveCapacity(g.edgeCount)
        for e in 0 ..< g.edgeCount where !edges.contains(e) {
            let u = Int(g.edgeSources[e]), v = Int(g.edgeTargets[e])
            if nodes.contains(u) || nodes.contains(v) { continue }
            do { try builder.addEdge(u, v) } catch { preconditionFailure("a CSR graph's own edge is out of range: \(error)") }
        }
        return builder.build()
    }
}
