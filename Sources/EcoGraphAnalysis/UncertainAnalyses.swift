import EcoGraphKernel

// Centrality, chokepoint impact and what-if scenarios over sampled worlds (the model, the seeds and the
// summaries: `Uncertainty.swift`). Each world's kernel graph is cut out of the full one by masks
// (`CSRGraph.subgraph`), never projected again.

extension LoadedGraph {
    /// A centrality measure over sampled worlds: per node (per edge, for edge measures) the exact score,
    /// its mean and 90% interval over the worlds, the rank interval and the share of worlds in the top k.
    ///
    /// A world is the analysed map without the facts it dropped (see `Uncertainty.swift`): a dropped node is
    /// not in the world's graph (so `n`, and with it every normalisation, is the world's own) and scores 0
    /// there; a dropped edge scores 0. A graph whose analysed facts all have confidence 1 (a generic graph
    /// whose file gives no confidences, say) has one world, the full map: nothing is simulated
    /// (`uncertainFacts == 0`).
    ///
    /// - Parameters:
    ///   - measure: the measure.
    ///   - options: as for `centrality(_:options:)`, except sampled betweenness sources (`samples`).
    ///   - simulation: worlds, seed, k.
    /// - Throws: what `centralityScores` throws; `AnalysisError.invalidParameter` for a world count or k below
    ///   1, for more worlds than `SimulationOptions` allows, or for sampled sources; `.sampledWorld` when the measure fails in a world (the lowest such world).
    /// - Complexity: `N` runs of the measure on graphs no larger than the full one, plus `O(N (n + m))` to
    ///   draw and cut out the worlds and `O(n N log N)` to summarise.
    public func centralityUncertainty(_ measure: CentralityMeasure, options: CentralityOptions = .init(),
                                      simulation: SimulationOptions) throws(AnalysisError) -> UncertainRanking {
        try simulation.validate(items: measure.scoresEdges ? graph.edgeCount : nodeCount)
        if let k = options.samples, measure.definition.samplesSources {
            throw .invalidParameter(.samples, value: "\(k)", expected: "absent when worlds are sampled (each world is computed exactly)")
        }
        let exact = try centralityScores(measure, options: options)
        let exactRanking = ranking(measure, scores: exact, options: options)
        let order = exactRanking.scores.map(\.index)
        let describe = { (i: Int) -> (id: String, target: String?, label: String, kind: String?) in
            if measure.scoresEdges {
                let u = Int(self.graph.edgeSources[i]), v = Int(self.graph.edgeTargets[i])
                return (self.id(u), self.id(v), "\(self.label(u)) → \(self.label(v))", nil)
            }
            return (self.id(i), nil, self.label(i), self.kind(i))
        }
        let facts = FactWorlds(self)
        guard facts.uncertainFacts > 0 || simulation.alwaysSimulate else {
            let items = WorldRunner.ranking(exact: exact, worlds: [exact], ranks: [WorldRunner.competitionRanks(exact)], order: order,
                                            top: simulation.top, parallel: simulation.parallel, describe: describe)
            return UncertainRanking(simulation: simulation, uncertainFacts: 0, items: items)
        }

        let base = options.weighted ? graph : graph.unweighted
        let tableWeights = table.weights ?? []
        let reweigh = base.weights != nil && facts.hasMergedWeights(tableWeights)
        var worldOptions = options
        worldOptions.parallel = false
        struct Workspace {
            var world: SampledWorld
            var weights: [Double]
        }
        let results = try WorldRunner.run(count: simulation.worlds, parallel: simulation.parallel, workspace: {
            Workspace(world: facts.workspace(), weights: reweigh ? base.weights! : [])
        }) { (w: Int, space: inout Workspace) throws(AnalysisError) -> ([Double], [Int32]) in
            facts.draw(world: w, seed: simulation.seed, into: &space.world)
            if reweigh { facts.kernelWeights(space.world, tableWeights: tableWeights, into: &space.weights) }
            let sub = base.subgraph(keepingEdges: space.world.kernelAlive, keepingNodes: space.world.allNodesAlive ? nil : space.world.nodeAlive,
                                    weights: reweigh ? space.weights : nil)
            var values = [Double](repeating: 0, count: exact.count)
            if sub.graph.nodeCount > 0 {
                let scores = try measure.scores(on: sub.graph, options: worldOptions)
                if measure.scoresEdges {
                    for (e, old) in sub.edges.enumerated() { values[Int(old)] = scores[e] }
                } else if let nodes = sub.nodes {
                    for (v, old) in nodes.enumerated() { values[Int(old)] = scores[v] }
                } else {
                    values = scores
                }
            }
            return (values, WorldRunner.competitionRanks(values))
        }
        let items = WorldRunner.ranking(exact: exact, worlds: results.map(\.0), ranks: results.map(\.1), order: order,
                                        top: simulation.top, parallel: simulation.parallel, describe: describe)
        return UncertainRanking(simulation: simulation, uncertainFacts: facts.uncertainFacts, items: items)
    }

    /// Chokepoint impact over sampled worlds: per node with dependents (the nodes `chokepoints(_:)` lists,
    /// in its order) the exact impact, its mean and 90% interval over the worlds, the rank interval and the
    /// share of worlds in the top k.
    ///
    /// Impact is the report's: reach model, the (consumer, provider) pairs lost if the node disappears;
    /// cascade model, the consumers that fail. Consumers and providers are chosen on the full map; a dropped
    /// consumer reaches nothing in its world, so it loses nothing there, and a dropped node's impact is 0.
    ///
    /// - Throws: what `chokepoints(_:)` throws; `AnalysisError.invalidParameter` for a world count or k below 1,
    ///   or more worlds than `SimulationOptions` allows.
    /// - Complexity: `N` impact computations (`dependencyImpact` or `cascadeImpact`) on the worlds' graphs.
    public func chokepointUncertainty(_ options: ChokepointOptions = .init(), simulation: SimulationOptions) throws(AnalysisError) -> UncertainRanking {
        try simulation.validate(items: nodeCount)
        let consumers = try nodes(in: options.consumers)
        var providerMask: [Bool]?
        if options.providers != .all {
            var mask = [Bool](repeating: false, count: nodeCount)
            for p in try nodes(in: options.providers) { mask[p] = true }
            providerMask = mask
        }
        let g = graph.unweighted
        let full = try kernelCall { () throws(CSRGraphError) in try g.dependencyImpact(consumers: consumers, providers: providerMask) }
        var exactImpact = full.impact
        if options.model == .cascade { exactImpact = try cascadeImpact(consumers: consumers, threshold: options.threshold) }
        let exact = exactImpact.map(Double.init)
        let order = (0 ..< nodeCount).filter { full.dependents[$0] > 0 || exactImpact[$0] > 0 }
            .sorted { exactImpact[$0] != exactImpact[$1] ? exactImpact[$0] > exactImpact[$1] : id($0) < id($1) }
        let describe = { (i: Int) in (id: self.id(i), target: String?.none, label: self.label(i), kind: self.kind(i)) }
        let facts = FactWorlds(self)
        guard facts.uncertainFacts > 0 || simulation.alwaysSimulate else {
            let items = WorldRunner.ranking(exact: exact, worlds: [exact], ranks: [WorldRunner.competitionRanks(exact)], order: order,
                                            top: simulation.top, parallel: simulation.parallel, describe: describe)
            return UncertainRanking(simulation: simulation, uncertainFacts: 0, items: items)
        }

        let records = options.model == .cascade ? cascadeDependencies() : []
        let n = nodeCount
        struct Workspace {
            var world: SampledWorld
            var records: [CascadeDependency] = []
        }
        let results = try WorldRunner.run(count: simulation.worlds, parallel: simulation.parallel, workspace: {
            Workspace(world: facts.workspace())
        }) { (w: Int, space: inout Workspace) throws(AnalysisError) -> ([Double], [Int32]) in
            facts.draw(world: w, seed: simulation.seed, into: &space.world)
            let impact: [Int]
            switch options.model {
            case .reach:
                // A dropped node keeps its index, isolated: it reaches nothing and nothing reaches it.
                let sub = g.subgraph(keepingEdges: space.world.kernelAlive)
                impact = try kernelCall { () throws(CSRGraphError) in
                    try sub.graph.dependencyImpact(consumers: consumers, providers: providerMask, parallel: false).impact
                }
            case .cascade:
                space.records.removeAll(keepingCapacity: true)
                for t in records.indices where space.world.tableAlive[t] { space.records.append(records[t]) }
                let model = try kernelCall { () throws(CascadeError) in try CascadeModel(nodeCount: n, dependencies: space.records) }
                impact = try kernelCall { () throws(CascadeError) in
                    try model.cascadeImpact(consumers: consumers, threshold: options.threshold, parallel: false)
                }
            }
            let values = impact.map(Double.init)
            return (values, WorldRunner.competitionRanks(values))
        }
        let items = WorldRunner.ranking(exact: exact, worlds: results.map(\.0), ranks: results.map(\.1), order: order,
                                        top: simulation.top, parallel: simulation.parallel, describe: describe)
        return UncertainRanking(simulation: simulation, uncertainFacts: facts.uncertainFacts, items: items)
    }

    /// A scenario over sampled worlds: per consumer the share of worlds in which it is cut off and the
    /// spread of what it loses, and the distribution of the scenario's total lost pairs.
    ///
    /// In each world the scenario is played on that world's map: its removed nodes go, the dependencies its
    /// edge-kind removals take away go (a kernel edge goes when every surviving typed edge behind it is of a
    /// removed kind), and each restriction it applies cuts those of its dependencies that survive, when the
    /// restriction itself survives (its own confidence, and its ends'). Whom a restriction reaches (homes,
    /// groups) is read from the full map. What a consumer loses is counted against the same world before the
    /// scenario, under the reach or cascade model, as `whatIf(_:options:rankingSize:)` counts it on the full
    /// map (whose numbers are the `exact` ones).
    ///
    /// - Throws: what `whatIf` throws; `AnalysisError.invalidParameter` for a world count or k below 1, or more
    ///   worlds than `SimulationOptions` allows.
    /// - Complexity: `N` times the scenario's own cost (two searches per consumer, or one cascade).
    public func whatIfUncertainty(_ scenario: Scenario, options: ChokepointOptions = .init(),
                                  simulation: SimulationOptions) throws(AnalysisError) -> UncertainWhatIf {
        let resolved = try resolve(scenario)
        let removed = Set(resolved.removedNodes)
        let consumers = try nodes(in: options.consumers).filter { !removed.contains($0) }
        try simulation.validate(items: consumers.count)
        var isProvider = [Bool](repeating: options.providers == .all, count: nodeCount)
        if options.providers != .all { for p in try nodes(in: options.providers) { isProvider[p] = true } }
        let countsProviders = options.providers != .all
        let n = nodeCount

        // The scenario's parts, each resolved once on the full map.
        var doomedTable: [Bool]? = nil
        var kindCuts: [Int] = []
        if !scenario.removeEdgeKinds.isEmpty, let kinds = table.edgeKinds {
            let doomed = Set(scenario.removeEdgeKinds)
            doomedTable = (0 ..< table.edgeCount).map { doomed.contains(table.edgeKindNames[Int(kinds[$0])]) }
            kindCuts = try resolve(Scenario(name: scenario.name, removeEdgeKinds: scenario.removeEdgeKinds)).removedEdges
        }
        var restrictions: [(edge: Int?, cuts: [Int])] = []
        let skipped = Set(resolved.skipped.map(\.id))
        for id in scenario.apply where !skipped.contains(id) {
            let cuts = try resolve(Scenario(name: scenario.name, apply: [id])).removedEdges
            restrictions.append((ecosystem?.edges.firstIndex { $0.id == id }, cuts))
        }
        let facts = FactWorlds(self)
        let tableKernel = facts.tableKernel
        let records = options.model == .cascade ? cascadeDependencies() : []
        let g = graph.unweighted

        struct Workspace {
            var world: SampledWorld?
            var cut: [Bool]
            var records: [CascadeDependency] = []
        }
        /// What each counted consumer loses in a world (`nil`: the full map).
        func losses(_ world: SampledWorld?, _ space: inout Workspace) throws(AnalysisError) -> [Int32] {
            let kernelAlive = world?.kernelAlive ?? [Bool](repeating: true, count: g.edgeCount)
            for k in space.cut.indices { space.cut[k] = false }
            if let world, let doomedTable {
                // In a world, a kernel edge goes when every surviving typed edge behind it is of a removed kind.
                for k in 0 ..< g.edgeCount where kernelAlive[k] {
                    var survives = false
                    for i in facts.kernelOffsets[k] ..< facts.kernelOffsets[k + 1] {
                        let t = Int(facts.kernelTable[i])
                        if world.tableAlive[t] && !doomedTable[t] { survives = true; break }
                    }
                    if !survives { space.cut[k] = true }
                }
            } else {
                for k in kindCuts { space.cut[k] = true }
            }
            for (edge, cuts) in restrictions where edge.map({ world?.edgeAlive[$0] ?? true }) ?? true {
                for k in cuts where kernelAlive[k] { space.cut[k] = true }
            }
            var lost = [Int32](repeating: 0, count: consumers.count)
            switch options.model {
            case .reach:
                let sub = g.subgraph(keepingEdges: kernelAlive)
                let removedEdges = (0 ..< g.edgeCount).filter { space.cut[$0] }.compactMap(sub.edge(fromOriginal:))
                let result = try kernelCall { () throws(ReachabilityError) in
                    try sub.graph.reachabilityLoss(consumers: consumers, removedNodes: resolved.removedNodes, removedEdges: removedEdges,
                                                   listLost: countsProviders, parallel: false)
                }
                for (c, loss) in result.enumerated() {
                    lost[c] = Int32(countsProviders ? (loss.lost ?? []).count { isProvider[$0] } : loss.lostCount)
                }
            case .cascade:
                space.records.removeAll(keepingCapacity: true)
                for t in records.indices where world?.tableAlive[t] ?? true {
                    var record = records[t]
                    if space.cut[Int(tableKernel[t])] { record.dependency = n }
                    space.records.append(record)
                }
                let model = try kernelCall { () throws(CascadeError) in try CascadeModel(nodeCount: n + 1, dependencies: space.records) }
                let result = try kernelCall { () throws(CascadeError) in try model.run(removing: resolved.removedNodes + [n]) }
                for (c, consumer) in consumers.enumerated() where result.failed[consumer] { lost[c] = 1 }
            }
            return lost
        }

        var fullSpace = Workspace(world: nil, cut: [Bool](repeating: false, count: g.edgeCount))
        let exact = try losses(nil, &fullSpace)
        var uncertainFacts = facts.uncertainFacts
        if let ecosystem {
            uncertainFacts += restrictions.count { $0.edge.map { ecosystem.edges[$0].confidence < 1 } ?? false }
        }
        let worlds: [[Int32]]
        if uncertainFacts > 0 || simulation.alwaysSimulate {
            worlds = try WorldRunner.run(count: simulation.worlds, parallel: simulation.parallel, workspace: {
                Workspace(world: facts.workspace(), cut: [Bool](repeating: false, count: g.edgeCount))
            }) { (w: Int, space: inout Workspace) throws(AnalysisError) -> [Int32] in
                facts.draw(world: w, seed: simulation.seed, into: &space.world!)
                return try losses(space.world, &space)
            }
        } else {
            uncertainFacts = 0
            worlds = [exact]
        }

        let count = worlds.count
        var scratch = [Double](repeating: 0, count: count)
        var listed: [UncertainConsumer] = []
        for (c, consumer) in consumers.enumerated() {
            var cutOff = 0
            for w in 0 ..< count where worlds[w][c] > 0 { cutOff += 1 }
            guard cutOff > 0 || exact[c] > 0 else { continue }
            let spread = WorldRunner.spread(exact: Double(exact[c]), count: count, scratch: &scratch) { Double(worlds[$0][c]) }
            listed.append(UncertainConsumer(id: id(consumer), label: label(consumer), kind: kind(consumer), lost: spread,
                                            cutOffProbability: Double(cutOff) / Double(count)))
        }
        listed.sort { a, b in
            if a.cutOffProbability != b.cutOffProbability { return a.cutOffProbability > b.cutOffProbability }
            if a.lost.exact != b.lost.exact { return a.lost.exact > b.lost.exact }
            return a.id < b.id
        }
        let totals = worlds.map { $0.reduce(0) { $0 + Int($1) } }
        let exactTotal = exact.reduce(0) { $0 + Int($1) }
        let total = WorldRunner.spread(exact: Double(exactTotal), count: count, scratch: &scratch) { Double(totals[$0]) }
        var frequencies: [Int: Int] = [:]
        for t in totals { frequencies[t, default: 0] += 1 }
        // Without simulation the one world stands for all N.
        let worldsPerWorld = simulation.worlds / count
        let distribution = frequencies.keys.sorted().map { LostPairsFrequency(lostPairs: $0, worlds: frequencies[$0]! * worldsPerWorld) }
        return UncertainWhatIf(simulation: simulation, uncertainFacts: uncertainFacts, lostPairs: total, distribution: distribution,
                               consumers: listed)
    }
}
