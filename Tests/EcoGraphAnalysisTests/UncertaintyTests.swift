@testable import EcoGraphAnalysis
import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

/// Sampled worlds (`Uncertainty.swift`) against independent computations: NumPy's percentiles, the exact
/// analyses on the full map and on maps with facts removed, the exact distribution over every world of a
/// tiny map, a replay of the documented seeding, and serial against parallel runs.
@Suite struct UncertaintyTests {
    // MARK: Helpers

    func supplyChain() throws -> Ecosystem { try EcosystemFile.read(contentsOf: Fixtures.path("ecosystems/supply-chain.yaml")) }

    /// The ecosystem without one edge (by index).
    func removingEdge(_ ecosystem: Ecosystem, _ index: Int) -> Ecosystem {
        var result = ecosystem
        result.edges.remove(at: index)
        return result
    }

    /// The ecosystem without one node and its edges.
    func removingNode(_ ecosystem: Ecosystem, _ id: String) -> Ecosystem {
        var result = ecosystem
        result.nodes.removeAll { $0.id == id }
        result.edges.removeAll { $0.from == id || $0.to == id }
        return result
    }

    func setEdgeConfidence(_ ecosystem: inout Ecosystem, from: String, to: String, _ confidence: Double) throws -> Int {
        let index = try #require(ecosystem.edges.firstIndex { $0.from == from && $0.to == to })
        ecosystem.edges[index].confidence = confidence
        return index
    }

    func certain(_ ecosystem: Ecosystem) -> Ecosystem {
        var result = ecosystem
        for i in result.nodes.indices { result.nodes[i].confidence = 1 }
        for i in result.edges.indices { result.edges[i].confidence = 1 }
        return result
    }

    func simulation(_ worlds: Int, seed: UInt64 = 7, top: Int = 3, always: Bool = false, parallel: Bool = true) -> SimulationOptions {
        var options = SimulationOptions(worlds: worlds, seed: seed, top: top, parallel: parallel)
        options.alwaysSimulate = always
        return options
    }

    /// Every spread is its exact value, every rank interval the exact rank, every top-k share 0 or 1 as the
    /// exact rank says.
    func expectCollapsed(_ ranking: UncertainRanking, top: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for item in ranking.items {
            let v = item.value
            #expect(v.mean == v.exact && v.low == v.exact && v.high == v.exact, "\(item.id) \(v)", sourceLocation: sourceLocation)
            #expect(item.rankLow == Double(item.rank) && item.rankHigh == Double(item.rank), "\(item.id)", sourceLocation: sourceLocation)
            #expect(item.topProbability == (item.rank <= top && v.exact > 0 ? 1 : 0), "\(item.id)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Percentiles

    @Test("Percentile.linear equals numpy.percentile bit for bit (fixture by reference_percentiles.py)")
    func percentilesMatchNumPy() throws {
        let fixture = try #require(try JSONSerialization.jsonObject(with: Fixtures.data("expected/percentiles/linear.json")) as? [String: Any])
        let percents = try #require(fixture["percents"] as? [Double])
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        #expect(cases.count == 13)
        for c in cases {
            // Hexadecimal floats, parsed exactly (a JSON reader's decimals may be off by an ulp).
            let values = try #require(c["values_hex"] as? [String]).map { Double($0)! }
            let expected = try #require(c["percentiles_hex"] as? [String]).map { Double($0)! }
            #expect(values.count == (c["values"] as? [Any])?.count)
            for (p, e) in zip(percents, expected) {
                let got = Percentile.linear(values, p)
                #expect(got.bitPattern == e.bitPattern, "\(c["name"] ?? "") p=\(p): \(got) != \(e)")
            }
        }
        // The worked example of the doc comment.
        #expect(Percentile.linear([0, 10, 20, 30, 40], 5) == 2 && Percentile.linear([0, 10, 20, 30, 40], 95) == 38)
        #expect(Percentile.linear([0, 10, 20, 30], 5) == 1.5000000000000002)
        #expect(Percentile.linear([4, 8, 9][1...], 50) == 8.5)
    }

    // MARK: The seeding, replayed

    @Test("a world draws one uniform per node, then per edge, from SplitMix64(SplitMix64(S ^ w).next()), keeping u < confidence")
    func seedingReplay() throws {
        // SplitMix64's published first output for seed 0.
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
        var ecosystem = try supplyChain()
        for i in ecosystem.nodes.indices { ecosystem.nodes[i].confidence = [1, 0.5, 0.9, 0][i % 4] }
        for i in ecosystem.edges.indices { ecosystem.edges[i].confidence = [0.3, 1, 0.75, 0.05, 0][i % 5] }
        let graph = LoadedGraph(ecosystem: ecosystem)
        let facts = FactWorlds(graph)
        var world = facts.workspace()
        let index = graph.nodeIndex()
        for (seed, w) in [(UInt64(0), 0), (42, 0), (42, 1), (42, 999), (.max, 3)] {
            facts.draw(world: w, seed: seed, into: &world)
            // The reference: the test support's own SplitMix64.
            var seeding = SeededRandom(state: seed ^ UInt64(w))
            var random = SeededRandom(state: seeding.next())
            func unit() -> Double { Double(random.next() >> 11) / 9_007_199_254_740_992 }
            let nodes = ecosystem.nodes.map { unit() < $0.confidence }
            let edges = ecosystem.edges.map { unit() < $0.confidence }
            #expect(world.nodeAlive == nodes)
            for (e, edge) in ecosystem.edges.enumerated() {
                #expect(world.edgeAlive[e] == (edges[e] && nodes[index[edge.from]!] && nodes[index[edge.to]!]), "seed \(seed) world \(w) edge \(e)")
            }
            for t in 0 ..< graph.table.edgeCount { #expect(world.tableAlive[t] == world.edgeAlive[graph.edgeOrigins![t]]) }
            // Every fact of confidence 1 survives unless an end is dropped; of confidence 0, never.
            for (e, edge) in ecosystem.edges.enumerated() where edge.confidence == 0 { #expect(!world.edgeAlive[e]) }
        }
    }

    // MARK: Confidence 1 everywhere: the exact result

    @Test("every confidence 1: every N gives the exact result, simulated or not", arguments: [1, 2, 37])
    func certainMapsGiveTheExactResult(worlds: Int) throws {
        for ecosystem in [certain(try supplyChain()), certain(try Ecosystem.bundled())] {
            let graph = LoadedGraph(ecosystem: ecosystem)
            for always in [false, true] {
                let options = simulation(worlds, top: 3, always: always)
                for measure in [CentralityMeasure.pagerank, .betweenness, .edgeBetweenness, .closeness, .inDegree] {
                    let spread = try graph.centralityUncertainty(measure, simulation: options)
                    let exact = try graph.centrality(measure)
                    #expect(spread.items.map(\.id) == exact.scores.map(\.id) && spread.items.map(\.value.exact) == exact.scores.map(\.score))
                    #expect(spread.items.map(\.rank) == exact.scores.map(\.rank))
                    #expect(spread.uncertainFacts == 0)
                    expectCollapsed(spread, top: 3)
                }
                let weighted = try graph.centralityUncertainty(.pagerank, options: CentralityOptions(weighted: true), simulation: options)
                #expect(weighted.items.map(\.value.exact) == (try graph.centrality(.pagerank, options: CentralityOptions(weighted: true))).scores.map(\.score))
                expectCollapsed(weighted, top: 3)
                for model in ImpactModel.allCases {
                    let chokeOptions = ChokepointOptions(model: model)
                    let spread = try graph.chokepointUncertainty(chokeOptions, simulation: options)
                    let report = try graph.chokepoints(chokeOptions)
                    #expect(spread.items.map(\.id) == report.chokepoints.map(\.id))
                    #expect(spread.items.map(\.value.exact) == report.chokepoints.map { Double($0.impact) })
                    expectCollapsed(spread, top: 3)
                }
            }
        }
        // Scenarios: the exact losses are what whatIf reports, and nothing varies.
        let graph = LoadedGraph(ecosystem: certain(try supplyChain()))
        for scenario in [Scenario(name: "ctrl", apply: ["ctrl-a"]), Scenario(name: "fab", removeNodes: ["fab"]),
                         Scenario(name: "kinds", removeEdgeKinds: ["supplies"]), Scenario(name: "ban", apply: ["ban-x"])] {
            for model in ImpactModel.allCases {
                let options = ChokepointOptions(model: model)
                let spread = try graph.whatIfUncertainty(scenario, options: options, simulation: simulation(worlds, always: true))
                let exact = try graph.whatIf(scenario, options: options)
                #expect(spread.lostPairs == .constant(Double(exact.lostPairs)), "\(scenario.name) \(model)")
                #expect(spread.distribution == [LostPairsFrequency(lostPairs: exact.lostPairs, worlds: worlds)])
                #expect(spread.consumers.map(\.id) == exact.affected.map(\.id), "\(scenario.name) \(model)")
                for (c, a) in zip(spread.consumers, exact.affected) {
                    #expect(c.lost == .constant(Double(a.lostCount)) && c.cutOffProbability == 1)
                }
            }
        }
    }

    // MARK: Confidence 0: the result without that fact

    @Test("an edge of confidence 0 gives the result without it; so does a node (which scores 0)")
    func confidenceZeroRemovesTheFact() throws {
        let base = certain(try supplyChain())
        // Edges: a dependency with an alternative (model-x -> chip-b), a sole one (model-y -> chip-a), a supply.
        for (from, to) in [("model-x", "chip-b"), ("model-y", "chip-a"), ("fab", "chipco"), ("kenya", "model-y")] {
            var ecosystem = base
            let index = try setEdgeConfidence(&ecosystem, from: from, to: to, 0)
            let graph = LoadedGraph(ecosystem: ecosystem), reduced = LoadedGraph(ecosystem: removingEdge(base, index))
            try expectSameAsReduced(graph, reduced, droppedNode: nil, "\(from)->\(to)")
        }
        for id in ["chipco", "model-x", "kenya"] {
            var ecosystem = base
            ecosystem.nodes[ecosystem.nodes.firstIndex { $0.id == id }!].confidence = 0
            let graph = LoadedGraph(ecosystem: ecosystem), reduced = LoadedGraph(ecosystem: removingNode(base, id))
            try expectSameAsReduced(graph, reduced, droppedNode: id, id)
        }
    }

    /// Every world of `graph` is `reduced`: the spreads are `reduced`'s exact values (0 for the dropped node).
    func expectSameAsReduced(_ graph: LoadedGraph, _ reduced: LoadedGraph, droppedNode: String?, _ context: String) throws {
        let options = simulation(5)
        for measure in [CentralityMeasure.pagerank, .betweenness, .closeness, .degree, .katz] {
            let spread = try graph.centralityUncertainty(measure, simulation: options)
            let exact = try reduced.centrality(measure)
            let byID = Dictionary(uniqueKeysWithValues: exact.scores.map { ($0.id, $0) })
            for item in spread.items {
                let expected = byID[item.id]?.score ?? 0
                #expect(item.id == droppedNode || byID[item.id] != nil)
                #expect(item.value.low == expected && item.value.high == expected, "\(context) \(measure) \(item.id): \(item.value) vs \(expected)")
                expectClose(item.value.mean, expected, tolerance: 1e-15, "\(context) \(measure) \(item.id)")
                if let rank = byID[item.id]?.rank {
                    // Ranks among the reduced map's nodes, the dropped node (0) below every positive score.
                    #expect(item.rankLow == item.rankHigh && (expected == 0 || item.rankLow == Double(rank)), "\(context) \(item.id)")
                }
            }
        }
        for model in ImpactModel.allCases {
            let spread = try graph.chokepointUncertainty(ChokepointOptions(model: model), simulation: options)
            let report = try reduced.chokepoints(ChokepointOptions(model: model))
            let impact = Dictionary(uniqueKeysWithValues: report.chokepoints.map { ($0.id, Double($0.impact)) })
            for item in spread.items {
                #expect(item.value.low == (impact[item.id] ?? 0) && item.value.high == item.value.low, "\(context) \(model) \(item.id)")
            }
            for scenario in [Scenario(name: "chip-a", removeNodes: ["chip-a"]), Scenario(name: "ctrl", apply: ["ctrl-a"])] {
                let spread = try graph.whatIfUncertainty(scenario, options: ChokepointOptions(model: model), simulation: options)
                let exact = try reduced.whatIf(scenario, options: ChokepointOptions(model: model))
                #expect(spread.lostPairs.low == Double(exact.lostPairs) && spread.lostPairs.high == Double(exact.lostPairs), "\(context) \(scenario.name) \(model)")
                #expect(spread.consumers.filter { $0.cutOffProbability > 0 }.map(\.id).sorted() == exact.affected.map(\.id).sorted(), "\(context) \(scenario.name) \(model)")
                for consumer in spread.consumers where consumer.cutOffProbability > 0 {
                    #expect(consumer.cutOffProbability == 1 && consumer.lost.low == Double(exact.affected.first { $0.id == consumer.id }!.lostCount))
                }
            }
        }
    }

    @Test("a kernel edge merged from two typed edges survives while either does, and weighs its last survivor")
    func mergedEdges() throws {
        // lib depends on core twice (builds_on weight 1, then supplies-style builds_on of weight 5).
        let ecosystem = Ecosystem(
            nodes: ["app", "lib", "core", "util"].map { EcosystemNode(id: $0, kind: "technology") },
            edges: [EcosystemEdge(from: "app", to: "lib", kind: "builds_on"),
                    EcosystemEdge(from: "lib", to: "core", kind: "builds_on", weight: 1),
                    EcosystemEdge(from: "app", to: "util", kind: "builds_on", weight: 3),
                    EcosystemEdge(from: "lib", to: "core", kind: "builds_on", weight: 5),
                    EcosystemEdge(from: "util", to: "core", kind: "builds_on", weight: 2)])
        let weighted = CentralityOptions(weighted: true)
        for (dropped, kept) in [(3, 1), (1, 3)] {
            var variant = ecosystem
            variant.edges[dropped].confidence = 0
            let spread = try LoadedGraph(ecosystem: variant).centralityUncertainty(.pagerank, options: weighted, simulation: simulation(4))
            let expected = try LoadedGraph(ecosystem: removingEdge(ecosystem, dropped)).centrality(.pagerank, options: weighted)
            for item in spread.items {
                #expect(item.value.low == expected.scores.first { $0.id == item.id }!.score && item.value.low == item.value.high, "kept \(kept) \(item.id)")
            }
        }
        // Both dropped: the kernel edge goes.
        var both = ecosystem
        both.edges[1].confidence = 0
        both.edges[3].confidence = 0
        let spread = try LoadedGraph(ecosystem: both).chokepointUncertainty(simulation: simulation(3))
        let expected = try LoadedGraph(ecosystem: removingEdge(removingEdge(ecosystem, 3), 1)).chokepoints()
        #expect(spread.items.first { $0.id == "util" }!.value.low == Double(expected.chokepoints.first { $0.id == "util" }!.impact))
        #expect(spread.items.first { $0.id == "util" }!.value.low == 2)  // app loses util and core
    }

    @Test("edge-kind removals in a world cut a merged dependency when every surviving fact behind it is of a removed kind")
    func edgeKindRemovalsPerWorld() throws {
        // lib -> core stands for two facts: lib builds_on core, and core supplies lib.
        let ecosystem = Ecosystem(
            nodes: ["app", "lib", "core"].map { EcosystemNode(id: $0, kind: "technology") },
            edges: [EcosystemEdge(from: "app", to: "lib", kind: "builds_on"),
                    EcosystemEdge(from: "lib", to: "core", kind: "builds_on"),
                    EcosystemEdge(from: "core", to: "lib", kind: "supplies")])
        let scenario = Scenario(name: "no supplies", removeEdgeKinds: ["supplies"])
        let full = try LoadedGraph(ecosystem: ecosystem).whatIf(scenario)
        #expect(full.lostPairs == 0)  // builds_on keeps lib -> core
        var variant = ecosystem
        variant.edges[1].confidence = 0
        for model in ImpactModel.allCases {
            let spread = try LoadedGraph(ecosystem: variant).whatIfUncertainty(scenario, options: ChokepointOptions(model: model), simulation: simulation(6))
            let reduced = try LoadedGraph(ecosystem: removingEdge(ecosystem, 1)).whatIf(scenario, options: ChokepointOptions(model: model))
            // Without builds_on, the supplies fact alone stands for lib -> core, and the scenario cuts it.
            // Reach: app and lib each lose core; cascade: lib fails (its sole dependency is cut), then app.
            #expect(reduced.lostPairs == 2, "\(model)")
            #expect(spread.lostPairs.low == Double(reduced.lostPairs) && spread.lostPairs.high == Double(reduced.lostPairs), "\(model)")
            #expect(spread.consumers.map(\.id).sorted() == reduced.affected.map(\.id).sorted())
        }
    }

    @Test("the fact filters apply before sampling: a fact below the confidence floor is in no world")
    func filtersComeFirst() throws {
        var ecosystem = certain(try supplyChain())
        let index = try setEdgeConfidence(&ecosystem, from: "model-x", to: "chip-b", 0.5)
        let filtered = LoadedGraph(ecosystem: ecosystem, filter: FactFilter(minConfidence: 0.6))
        let reduced = LoadedGraph(ecosystem: removingEdge(certain(try supplyChain()), index))
        let spread = try filtered.chokepointUncertainty(ChokepointOptions(model: .cascade), simulation: simulation(200, always: true))
        let exact = try reduced.chokepoints(ChokepointOptions(model: .cascade))
        #expect(spread.items.map(\.id) == exact.chokepoints.map(\.id))
        #expect(spread.items.map(\.value) == exact.chokepoints.map { .constant(Double($0.impact)) })
        // Without the floor the same edge is uncertain, and chip-a's cascade impact varies with it.
        let open = try LoadedGraph(ecosystem: ecosystem).chokepointUncertainty(ChokepointOptions(model: .cascade), simulation: simulation(200))
        #expect(open.uncertainFacts == 1)
        let chipA = try #require(open.items.first { $0.id == "chip-a" }?.value)
        #expect(chipA.low < chipA.high)
    }

    @Test("a measure that fails in some world fails the analysis, naming the lowest such world, serial or parallel")
    func failingWorlds() throws {
        // A three-cycle whose closing edge has confidence 0.5: eigenvector centrality is undefined without it.
        let ecosystem = Ecosystem(
            nodes: ["a", "b", "c"].map { EcosystemNode(id: $0, kind: "technology") },
            edges: [EcosystemEdge(from: "a", to: "b", kind: "builds_on"), EcosystemEdge(from: "b", to: "c", kind: "builds_on"),
                    EcosystemEdge(from: "c", to: "a", kind: "builds_on", confidence: 0.5)])
        let graph = LoadedGraph(ecosystem: ecosystem)
        let facts = FactWorlds(graph)
        var world = facts.workspace()
        let firstBroken = try #require((0 ..< 64).first { w in facts.draw(world: w, seed: 3, into: &world); return !world.edgeAlive[2] })
        for parallel in [false, true] {
            do {
                _ = try graph.centralityUncertainty(.eigenvector, simulation: simulation(64, seed: 3, parallel: parallel))
                Issue.record("expected a failure")
            } catch {
                guard case .sampledWorld(let w, .measureFailed(.eigenvector, _)) = error else { Issue.record("\(error)"); continue }
                #expect(w == firstBroken)
            }
        }
        #expect(try graph.centralityUncertainty(.pagerank, simulation: simulation(64, seed: 3)).items.count == 3)
    }

    // MARK: Convergence to the exact distribution

    /// The tiny map: a -> b -> c, a -> d -> c, all `builds_on`; d has confidence q, d -> c confidence p.
    /// Its worlds, with their probabilities: d and d -> c kept; d kept without d -> c; d dropped.
    func tinyMap(p: Double, q: Double) -> (Ecosystem, [(Double, Ecosystem)]) {
        let full = Ecosystem(
            nodes: ["a", "b", "c", "d"].map { EcosystemNode(id: $0, kind: "technology", confidence: $0 == "d" ? q : 1) },
            edges: [("a", "b"), ("b", "c"), ("a", "d"), ("d", "c")].map { EcosystemEdge(from: $0.0, to: $0.1, kind: "builds_on", confidence: $0 == ("d", "c") ? p : 1) })
        let worlds = [(q * p, certain(full)), (q * (1 - p), certain(removingEdge(full, 3))), (1 - q, certain(removingNode(full, "d")))]
        return (full, worlds)
    }

    /// `|estimate − expected| ≤ 5 standard errors` of a mean over `n` draws of a variable with this variance.
    func expectWithinSampling(_ estimate: Double, _ expected: Double, variance: Double, n: Int, _ context: String) {
        let bound = 5 * (variance / Double(n)).squareRoot() + 1e-12
        #expect(abs(estimate - expected) <= bound, "\(context): \(estimate) vs \(expected) (bound \(bound))")
    }

    @Test("on a tiny map the estimates converge to the distribution over its three worlds (N = 20000, seed 2026)")
    func convergesToTheEnumeratedWorlds() throws {
        let (p, q) = (0.3, 0.8)
        let (map, worlds) = tinyMap(p: p, q: q)
        let graph = LoadedGraph(ecosystem: map)
        let n = 20000, top = 1
        let options = simulation(n, seed: 2026, top: top)

        /// Per id: the value and whether it is in the top k, in each enumerated world (a dropped node: 0, out).
        func expect(_ spread: UncertainRanking, _ exact: (LoadedGraph) throws -> [(id: String, value: Double)], _ name: String) throws {
            let perWorld = try worlds.map { (probability, ecosystem) -> (Double, [String: (Double, Bool)]) in
                let values = try exact(LoadedGraph(ecosystem: ecosystem))
                let ranked = values.map { v in (v.id, (v.value, 1 + values.count { $0.value > v.value } <= top && v.value > 0)) }
                return (probability, Dictionary(uniqueKeysWithValues: ranked))
            }
            for item in spread.items {
                let outcomes = perWorld.map { ($0.0, $0.1[item.id] ?? (0, false)) }
                let mean = outcomes.reduce(0) { $0 + $1.0 * $1.1.0 }
                let variance = outcomes.reduce(0) { $0 + $1.0 * ($1.1.0 - mean) * ($1.1.0 - mean) }
                expectWithinSampling(item.value.mean, mean, variance: variance, n: n, "\(name) mean of \(item.id)")
                let inTop = outcomes.reduce(0) { $0 + ($1.1.1 ? $1.0 : 0) }
                expectWithinSampling(item.topProbability, inTop, variance: inTop * (1 - inTop), n: n, "\(name) top-\(top) of \(item.id)")
                // The 5th and 95th percentiles of a three-point distribution whose atoms carry ≥ 6% each: the
                // lowest atom with cumulative share above 5%, the highest with share above 5% from the top.
                let atoms = outcomes.map { ($0.1.0, $0.0) }.sorted { $0.0 < $1.0 }
                var cumulative = 0.0
                let low = atoms.first { cumulative += $0.1; return cumulative > 0.05 }!.0
                cumulative = 0
                let high = atoms.reversed().first { cumulative += $0.1; return cumulative > 0.05 }!.0
                #expect(item.value.low == low && item.value.high == high, "\(name) interval of \(item.id): \(item.value)")
            }
        }
        try expect(try graph.centralityUncertainty(.pagerank, simulation: options), { g in
            try g.centrality(.pagerank).scores.map { ($0.id, $0.score) }
        }, "pagerank")
        try expect(try graph.centralityUncertainty(.closeness, simulation: options), { g in
            try g.centrality(.closeness).scores.map { ($0.id, $0.score) }
        }, "closeness")
        try expect(try graph.chokepointUncertainty(simulation: options), { g in
            try g.chokepoints().chokepoints.map { ($0.id, Double($0.impact)) }
        }, "impact")

        // A scenario: b fails; counted provider c only. a is cut off unless d and d -> c survive.
        let scenario = Scenario(name: "b", removeNodes: ["b"])
        let chosen = ChokepointOptions(providers: NodeSelection("c"))
        let spread = try graph.whatIfUncertainty(scenario, options: chosen, simulation: options)
        let cutOff = worlds.reduce(0) { $0 + $1.0 * (try! LoadedGraph(ecosystem: $1.1).whatIf(scenario, options: chosen).lostPairs > 0 ? 1 : 0) }
        #expect(abs(cutOff - (1 - q * p)) < 1e-15)
        let a = try #require(spread.consumers.first { $0.id == "a" })
        expectWithinSampling(a.cutOffProbability, cutOff, variance: cutOff * (1 - cutOff), n: n, "P(a cut off)")
        #expect(spread.distribution.map(\.lostPairs) == [0, 1] && spread.distribution.map(\.worlds).reduce(0, +) == n)
        expectWithinSampling(Double(spread.distribution[1].worlds) / Double(n), cutOff, variance: cutOff * (1 - cutOff), n: n, "lost pairs = 1")
        #expect(a.lost.exact == 0 && a.lost.low == 0 && a.lost.high == 1)
    }

    @Test("a generic table with the same facts and confidences samples the same worlds as the ecosystem")
    func genericTablesWithConfidences() throws {
        let (map, _) = tinyMap(p: 0.3, q: 0.8)
        let typed = LoadedGraph(ecosystem: map)
        // The projection carries the confidences into the table; read as a generic graph, its facts are the
        // table's nodes and edges, in the same order as the ecosystem's.
        #expect(typed.table.edgeConfidences == [1, 1, 1, 0.3] && typed.table.nodeConfidences == [1, 1, 1, 0.8])
        let generic = LoadedGraph(table: typed.table, name: "tiny")
        let options = simulation(500, seed: 9, top: 2)
        let impact = (try generic.chokepointUncertainty(simulation: options), try typed.chokepointUncertainty(simulation: options))
        #expect(impact.0.uncertainFacts == 2 && impact.0.outputValue.json == impact.1.outputValue.json)
        let pagerank = (try generic.centralityUncertainty(.pagerank, simulation: options),
                        try typed.centralityUncertainty(.pagerank, simulation: options))
        #expect(pagerank.0.outputValue.json == pagerank.1.outputValue.json)
        let scenario = Scenario(name: "b", removeNodes: ["b"])
        let spread = try generic.whatIfUncertainty(scenario, simulation: options)
        let typedSpread = try typed.whatIfUncertainty(scenario, simulation: options)
        #expect(spread.uncertainFacts == 2 && spread.outputValue.json == typedSpread.outputValue.json)
    }

    // MARK: Determinism

    @Test("seeded results are the same byte for byte across runs and serial or parallel; another seed differs")
    func deterministic() throws {
        let graph = try LoadedGraph.bundled()
        func run(_ options: SimulationOptions) throws -> [String] {
            [try graph.centralityUncertainty(.pagerank, simulation: options).outputValue.json,
             try graph.centralityUncertainty(.edgeBetweenness, simulation: options).outputValue.json,
             try graph.chokepointUncertainty(simulation: options).outputValue.json,
             try graph.chokepointUncertainty(ChokepointOptions(model: .cascade), simulation: options).outputValue.json,
             try graph.whatIfUncertainty(Scenario(name: "x", removeNodes: ["nvidia"]), simulation: options).outputValue.json,
             try graph.whatIfUncertainty(Scenario(name: "x", removeNodes: ["nvidia"]), options: ChokepointOptions(model: .cascade), simulation: options).outputValue.json]
        }
        let serial = try run(simulation(61, seed: 11, parallel: false))
        #expect(serial == (try run(simulation(61, seed: 11, parallel: true))))
        #expect(serial == (try run(simulation(61, seed: 11, parallel: true))))
        let other = try run(simulation(61, seed: 12))
        for (a, b) in zip(serial, other) { #expect(a != b) }
    }

    // MARK: Errors and shapes

    @Test("bad counts are parameter errors; sampled betweenness sources are refused; generic graphs are certain")
    func errorsAndGenericGraphs() throws {
        let graph = LoadedGraph(ecosystem: try supplyChain())
        #expect(throws: AnalysisError.invalidParameter(.uncertainty, value: "0", expected: "at least 1")) {
            try graph.chokepointUncertainty(simulation: SimulationOptions(worlds: 0))
        }
        #expect(throws: AnalysisError.invalidParameter(.top, value: "-1", expected: "at least 1")) {
            try graph.centralityUncertainty(.pagerank, simulation: SimulationOptions(worlds: 3, top: -1))
        }
        #expect(throws: AnalysisError.self) {
            try graph.centralityUncertainty(.betweenness, options: CentralityOptions(samples: 3), simulation: SimulationOptions(worlds: 3))
        }
        // Memory: every world's value of every item is kept.
        #expect(throws: AnalysisError.invalidParameter(.uncertainty, value: "1000001", expected: "at most 1000000")) {
            try graph.chokepointUncertainty(simulation: SimulationOptions(worlds: 1_000_001))
        }
        let bundled = try LoadedGraph.bundled()
        let limit = SimulationOptions.maximumValues / bundled.nodeCount
        #expect(limit < SimulationOptions.maximumWorlds)
        #expect(throws: AnalysisError.invalidParameter(.uncertainty, value: "\(limit + 1)",
                                                       expected: "at most \(limit) for \(bundled.nodeCount) items (every world's value of every item is kept, at most 100000000 in all)")) {
            try bundled.centralityUncertainty(.pagerank, simulation: SimulationOptions(worlds: limit + 1))
        }
        let table = GraphTable(isDirected: true, nodeIDs: ["a", "b", "c"], sources: [0, 1], targets: [1, 2])
        let generic = LoadedGraph(table: table, name: "g")
        let spread = try generic.chokepointUncertainty(simulation: SimulationOptions(worlds: 50))
        // a -> b -> c: b costs a {b, c}; c costs a and b one each.
        #expect(spread.uncertainFacts == 0 && spread.items.map(\.id) == ["b", "c"] && spread.items.map(\.value) == [.constant(2), .constant(2)])
        let scenario = try generic.whatIfUncertainty(Scenario(name: "b", removeNodes: ["b"]), simulation: SimulationOptions(worlds: 50))
        #expect(scenario.lostPairs == .constant(2) && scenario.distribution == [LostPairsFrequency(lostPairs: 2, worlds: 50)])
    }

    @Test("the extended JSON keeps every key of the exact shape, in order, and adds `uncertainty` last")
    func extendedJSONKeepsTheExactKeys() throws {
        let graph = LoadedGraph(ecosystem: try supplyChain())
        let options = SimulationOptions(worlds: 4)
        func keys(_ value: OutputValue) -> [String] {
            guard case .map(let pairs) = value else { return [] }
            return pairs.map(\.0)
        }
        let ranking = try graph.centrality(.pagerank)
        #expect(keys(ranking.outputValue(uncertainty: try graph.centralityUncertainty(.pagerank, simulation: options))) == keys(ranking.outputValue) + ["uncertainty"])
        let report = try graph.chokepoints()
        #expect(keys(report.outputValue(uncertainty: try graph.chokepointUncertainty(simulation: options))) == keys(report.outputValue) + ["uncertainty"])
        let scenario = Scenario(name: "c", apply: ["ctrl-a"])
        let whatIf = try graph.whatIf(scenario)
        let spread = try graph.whatIfUncertainty(scenario, simulation: options)
        #expect(keys(whatIf.outputValue(uncertainty: spread)) == keys(whatIf.outputValue) + ["uncertainty"])
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(spread)) as? [String: Any])
        #expect(object["worlds"] as? Int == 4 && (object["lostPairs"] as? [String: Any])?["exact"] as? Double == Double(whatIf.lostPairs))
        #expect(Set(((object["consumers"] as? [[String: Any]]) ?? []).first?.keys.map { $0 } ?? [])
            == ["id", "label", "kind", "cutOffProbability", "exact", "mean", "low", "high"])
    }
}
