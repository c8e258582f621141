import EcoGraphAnalysis
import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite("Robustness curves")
struct RobustnessTests {
    /// A reference graph as a loaded generic graph, its node names as ids.
    static func loaded(_ name: String) throws -> LoadedGraph {
        let reference = try ReferenceGraph(name)
        let table = GraphTable(isDirected: reference.isDirected, nodeIDs: reference.nodes,
                               sources: reference.edges.map { Int32($0.0) }, targets: reference.edges.map { Int32($0.1) },
                               weights: reference.edges.map(\.2))
        return LoadedGraph(table: table, name: name)
    }

    static func selection(_ value: Any?) -> NodeSelection {
        (value as? [String]).map { NodeSelection.ids($0) } ?? .all
    }

    @Test("every order, static and adaptive, and seeded random runs agree with NetworkX on the reference graphs", arguments: ReferenceGraph.names)
    func againstNetworkX(name: String) throws {
        let graph = try Self.loaded(name)
        let expected = try expectedValues(family: "robustness", graph: name)
        let curves = try #require(expected["curves"] as? [[String: Any]])
        #expect(curves.count == 13)
        for item in curves {
            let orderName = item["order"] as! String
            let adaptive = item["adaptive"] as! Bool
            let order: RemovalOrder = orderName == "random" ? .random : .measure(RobustnessMeasure(rawValue: orderName)!, adaptive: adaptive)
            let options = RobustnessOptions(order: order, steps: item["steps"] as? Int, runs: item["runs"] as? Int ?? 100,
                                            seed: UInt64(item["seed"] as? Int ?? 0),
                                            consumers: Self.selection(item["consumers"]), providers: Self.selection(item["providers"]))
            let curve = try graph.robustness(options)
            let label = "\(name) \(orderName)\(adaptive ? " adaptive" : "") steps \(String(describing: item["steps"]))"
            let k = min(item["steps"] as? Int ?? graph.nodeCount, graph.nodeCount)
            #expect(curve.points.count == k + 1, "\(label)")
            for quantity in RobustnessQuantity.allCases {
                if orderName == "random" {
                    let stats = try #require(item[quantity.key] as? [String: [Double]])
                    #expect(curve.points.map { quantity.value(at: $0).mean } == stats["mean"], "\(label) \(quantity.key) mean")
                    #expect(curve.points.map { quantity.value(at: $0).low } == stats["p5"], "\(label) \(quantity.key) p5")
                    #expect(curve.points.map { quantity.value(at: $0).high } == stats["p95"], "\(label) \(quantity.key) p95")
                } else {
                    let values = try #require(item[quantity.key] as? [Int])
                    #expect(curve.points.map { Int(quantity.value(at: $0).mean) } == values, "\(label) \(quantity.key)")
                    #expect(curve.points.allSatisfy { quantity.value(at: $0).low == quantity.value(at: $0).high }, "\(label)")
                }
            }
            if orderName != "random" {
                #expect(curve.points.flatMap(\.removedNow) == item["removed"] as? [String], "\(label) order")
                #expect(curve.runs == 1 && curve.seed == nil && curve.adaptive == adaptive)
            } else {
                #expect(curve.runs == item["runs"] as? Int && curve.points.allSatisfy(\.removedNow.isEmpty))
            }
        }
    }

    private func supplyChain() throws -> LoadedGraph {
        try LoadedGraph.load(path: Fixtures.path("ecosystems/supply-chain.yaml"))
    }

    /// What a consumer reaches (providers only, itself excluded) without some nodes and kernel edges.
    static func reach(_ graph: LoadedGraph, _ c: Int, removedNodes: Set<Int>, removedEdges: Set<Int>, providers: Set<Int>) -> Set<Int> {
        let g = graph.graph
        var seen: Set<Int> = [c], stack = [c]
        while let u = stack.popLast() {
            for arc in g.outArcs(u) {
                let v = Int(g.outTargets[arc])
                if removedNodes.contains(v) || removedEdges.contains(Int(g.outEdges[arc])) { continue }
                if seen.insert(v).inserted { stack.append(v) }
            }
        }
        seen.remove(c)
        return seen.intersection(providers)
    }

    /// The largest weak component without some nodes and edges, by a plain search.
    static func largest(_ graph: LoadedGraph, removedNodes: Set<Int>, removedEdges: Set<Int>) -> Int {
        let g = graph.graph
        var seen = Set<Int>(), best = 0
        for root in 0 ..< g.nodeCount where !removedNodes.contains(root) && !seen.contains(root) {
            seen.insert(root)
            var stack = [root], size = 0
            while let u = stack.popLast() {
                size += 1
                for arc in g.outArcs(u) where !removedEdges.contains(Int(g.outEdges[arc])) {
                    let v = Int(g.outTargets[arc])
                    if !removedNodes.contains(v), seen.insert(v).inserted { stack.append(v) }
                }
                for arc in g.inArcs(u) where !removedEdges.contains(Int(g.inEdges[arc])) {
                    let v = Int(g.inSources[arc])
                    if !removedNodes.contains(v), seen.insert(v).inserted { stack.append(v) }
                }
            }
            best = max(best, size)
        }
        return best
    }

    /// A policy order checked step by step against scenarios: at each checkpoint the entries applied so far are one
    /// scenario (`whatIf` for the cut-off consumers and the lost pairs, searches for the components).
    func checkAgainstScenarios(_ graph: LoadedGraph, ids: [String], steps: Int?, consumers: NodeSelection, providers: NodeSelection) throws {
        let file = RemovalOrderFile(file: "order.txt", entries: ids.enumerated().map { .init(id: $1, position: FilePosition(line: $0 + 1, column: 1)) })
        let curve = try graph.robustness(RobustnessOptions(order: .list(file), steps: steps, consumers: consumers, providers: providers))
        let consumerNodes = try graph.nodes(in: consumers)
        let providerNodes = Set(try graph.nodes(in: providers))
        let index = graph.nodeIndex()
        let start = Dictionary(uniqueKeysWithValues: consumerNodes.map { ($0, Self.reach(graph, $0, removedNodes: [], removedEdges: [], providers: providerNodes)) })
        let k = min(steps ?? ids.count, ids.count)
        #expect(curve.points.count == k + 1 && curve.length == ids.count && curve.steps == k)
        for point in curve.points {
            let applied = Array(ids.prefix(point.removed))
            #expect(point.removed == point.step * ids.count / k)
            let scenario = Scenario(name: "step \(point.step)", removeNodes: applied.filter { index[$0] != nil },
                                    apply: applied.filter { index[$0] == nil })
            let whatIf = try graph.whatIf(scenario, options: ChokepointOptions(consumers: consumers, providers: providers))
            let resolved = try graph.resolve(scenario)
            let removedNodes = Set(resolved.removedNodes), removedEdges = Set(resolved.removedEdges)
            let present = consumerNodes.filter { !removedNodes.contains($0) }
            let pairsAtStart = present.reduce(0) { $0 + start[$1]!.count }
            let searched = present.reduce(0) { $0 + Self.reach(graph, $1, removedNodes: removedNodes, removedEdges: removedEdges, providers: providerNodes).count }
            #expect(point.cutOffConsumers == RobustnessValue(exact: whatIf.affected.count), "step \(point.step)")
            #expect(point.reachablePairs == RobustnessValue(exact: pairsAtStart - whatIf.lostPairs), "step \(point.step)")
            #expect(point.reachablePairs == RobustnessValue(exact: searched), "step \(point.step)")
            #expect(point.largestComponent == RobustnessValue(exact: Self.largest(graph, removedNodes: removedNodes, removedEdges: removedEdges)), "step \(point.step)")
        }
        #expect(curve.points.flatMap(\.removedNow) == ids)
    }

    @Test("a policy file on the supply chain equals applying its prefixes as scenarios with whatIf")
    func policyOrderOnTheSupplyChain() throws {
        let graph = try supplyChain()
        let ids = ["ctrl-a", "lab", "list-lab", "ban-x", "chipco", "model-y", "fab"]
        for steps in [nil, 3, 1] {
            try checkAgainstScenarios(graph, ids: ids, steps: steps, consumers: .all, providers: .all)
            try checkAgainstScenarios(graph, ids: ids, steps: steps, consumers: NodeSelection("kenya,model-x,model-y"), providers: NodeSelection("technology"))
        }
        // The restrictions alone: cut edges, no node goes.
        try checkAgainstScenarios(graph, ids: ["ctrl-a", "ban-x", "list-lab"], steps: nil, consumers: .all, providers: .all)
    }

    @Test("the bundled graph's export controls and bans, then the suppliers, equal scenarios step by step")
    func policyOrderOnTheBundledGraph() throws {
        let graph = try LoadedGraph.bundled()
        let ids = ["us-bis-2022-10-a100", "us-bis-2022-10-h100", "us-bis-2023-10-h800", "us-2025-04-h20", "us-bis-2024-12-hbm",
                   "us-entity-list-2019-huawei", "nl-2023-09-duv", "nvidia", "it-garante-2025-01-deepseek", "hugging-face-hub", "tsmc"]
        try checkAgainstScenarios(graph, ids: ids, steps: nil, consumers: .all, providers: .all)
        try checkAgainstScenarios(graph, ids: ids, steps: 4, consumers: NodeSelection("country"), providers: NodeSelection("model"))
    }

    @Test("seeded random runs are identical across calls and serial or parallel; other seeds differ")
    func randomRunsAreDeterministic() throws {
        let graph = try LoadedGraph.bundled()
        let options = RobustnessOptions(order: .random, steps: 20, runs: 37, seed: 99)
        let parallel = try graph.robustness(options)
        var serial = options
        serial.parallel = false
        #expect(try graph.robustness(serial) == parallel)
        #expect(try graph.robustness(options) == parallel)
        #expect(parallel.outputValue.json == (try graph.robustness(serial)).outputValue.json)
        var other = options
        other.seed = 100
        #expect(try graph.robustness(other).points != parallel.points)
        // The first runs of a longer series are the same runs: 1 run of 37 equals a series of 1 run.
        let one = try graph.robustness(RobustnessOptions(order: .random, steps: 20, runs: 1, seed: 99))
        let file = RemovalOrderFile(file: "run0", entries: RemovalSchedule.randomOrder(nodeCount: graph.nodeCount, seed: 99, run: 0)
            .map { .init(id: graph.id($0), position: FilePosition(line: 1)) })
        let asFile = try graph.robustness(RobustnessOptions(order: .list(file), steps: 20))
        #expect(one.points.map(\.largestComponent) == asFile.points.map(\.largestComponent))
        #expect(one.points.map(\.reachablePairs) == asFile.points.map(\.reachablePairs))
        #expect(one.points.map(\.cutOffConsumers) == asFile.points.map(\.cutOffConsumers))
    }

    @Test("percentiles interpolate linearly between order statistics and are rounded once")
    func percentiles() {
        #expect(RobustnessValue(sample: [7]) == RobustnessValue(mean: 7, low: 7, high: 7))
        // 21 values 0, 10, ..., 200: the 5th percentile is at position 1 (10), the 95th at 19 (190).
        #expect(RobustnessValue(sample: (0 ... 20).map { $0 * 10 }.reversed()) == RobustnessValue(mean: 100, low: 10, high: 190))
        // 20 values 1 ... 20: positions 0.95 and 18.05.
        #expect(RobustnessValue(sample: Array(1 ... 20)) == RobustnessValue(mean: 10.5, low: 1.95, high: 19.05))
        #expect(RobustnessValue(sample: [3, 1]) == RobustnessValue(mean: 2, low: 1.1, high: 2.9))
    }

    @Test("bad input: steps or runs below 1, an unknown id, a non-restriction edge, one clear error each")
    func badInput() throws {
        let graph = try supplyChain()
        #expect(throws: AnalysisError.invalidParameter(.steps, value: "0", expected: "at least 1")) {
            try graph.robustness(RobustnessOptions(order: .random, steps: 0))
        }
        #expect(throws: AnalysisError.invalidParameter(.runs, value: "-3", expected: "at least 1")) {
            try graph.robustness(RobustnessOptions(order: .random, runs: -3))
        }
        let unknown = RemovalOrderFile(file: "o.txt", entries: [.init(id: "lab", position: FilePosition(line: 1, column: 1)),
                                                                   .init(id: "atlantis", position: FilePosition(line: 3, column: 2))])
        let error = AnalysisError.removalOrder(file: "o.txt", position: FilePosition(line: 3, column: 2), .unknownNodeOrEdge("atlantis"))
        #expect(throws: error) { try graph.robustness(RobustnessOptions(order: .list(unknown))) }
        #expect(error.description == "o.txt:3:2: 'atlantis' is neither a node id nor an edge id of the graph")
        // An edge id that is not a restriction.
        var ecosystem = try EcosystemFile.read(contentsOf: Fixtures.path("ecosystems/supply-chain.yaml"))
        ecosystem.edges[0].id = "made-by"
        let named = LoadedGraph(ecosystem: ecosystem)
        let notRestriction = RemovalOrderFile(file: "o.txt", entries: [.init(id: "made-by", position: FilePosition(line: 2, column: 1))])
        #expect(throws: AnalysisError.removalOrder(file: "o.txt", position: FilePosition(line: 2, column: 1),
                                                   .notARestriction(edgeID: "made-by", kind: "develops"))) {
            try named.robustness(RobustnessOptions(order: .list(notRestriction)))
        }
        #expect(throws: AnalysisError.unknownNode("atlantis")) {
            try graph.robustness(RobustnessOptions(order: .random, consumers: NodeSelection("id:atlantis")))
        }
    }

    @Test("a restriction not in force cuts nothing and is listed as skipped")
    func skippedRestriction() throws {
        var ecosystem = try EcosystemFile.read(contentsOf: Fixtures.path("ecosystems/supply-chain.yaml"))
        let i = try #require(ecosystem.edges.firstIndex { $0.id == "ctrl-a" })
        ecosystem.edges[i].lifted = EcoDate("2020-01-01")
        let graph = LoadedGraph(ecosystem: ecosystem)
        let file = RemovalOrderFile(file: "o.txt", entries: [.init(id: "ctrl-a", position: FilePosition(line: 1))])
        let curve = try graph.robustness(RobustnessOptions(order: .list(file)))
        #expect(curve.skipped.map(\.id) == ["ctrl-a"])
        #expect(curve.points[1].reachablePairs == curve.points[0].reachablePairs)
        #expect(curve.points[1].cutOffConsumers == RobustnessValue(exact: 0))
    }

    @Test("steps above the order's length count as its length; every node goes by the last checkpoint")
    func stepsAreClamped() throws {
        let graph = try supplyChain()
        let curve = try graph.robustness(RobustnessOptions(order: .measure(.impact), steps: 1000))
        #expect(curve.steps == graph.nodeCount && curve.points.count == graph.nodeCount + 1)
        let last = try #require(curve.points.last)
        #expect(last.largestComponent.mean == 0 && last.reachablePairs.mean == 0 && last.cutOffConsumers.mean == 0)
        #expect(Set(curve.points.flatMap(\.removedNow)).count == graph.nodeCount)
    }

    @Test("JSON: exact values and removed ids for a fixed order; means with p5 and p95 for random")
    func jsonShape() throws {
        let graph = try supplyChain()
        let fixed = try graph.robustness(RobustnessOptions(order: .measure(.degree), steps: 2))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fixed.outputValue.json.utf8)) as? [String: Any])
        #expect(object["order"] as? String == "degree" && object["runs"] as? Int == 1 && object["seed"] == nil)
        let points = try #require(object["points"] as? [[String: Any]])
        #expect(points.count == 3 && points[0]["removedIds"] as? [String] == [] && points[2]["largestComponent"] as? Int == 0)
        #expect((points[1]["removedIds"] as? [String])?.count == graph.nodeCount / 2)
        let random = try graph.robustness(RobustnessOptions(order: .random, steps: 2, runs: 10, seed: 5))
        let sampled = try #require(try JSONSerialization.jsonObject(with: Data(random.outputValue.json.utf8)) as? [String: Any])
        #expect(sampled["seed"] as? String == "5" && sampled["runs"] as? Int == 10)
        let point = try #require((sampled["points"] as? [[String: Any]])?[1])
        #expect(point["removedIds"] == nil)
        #expect(point["reachablePairs"] as? Double == random.points[1].reachablePairs.mean)
        #expect(point["reachablePairsP5"] as? Double == random.points[1].reachablePairs.low)
        #expect(point["cutOffConsumersP95"] as? Double == random.points[1].cutOffConsumers.high)
        #expect(random.table.headers.count == 2 + 9 && fixed.table.headers.last == "removed ids")
    }
}
