import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

/// Helpers shared by the cut, cascade and reachability tests.
enum CutTestSupport {
    /// A random graph on `n` nodes, each ordered pair (or unordered for undirected) an edge with
    /// probability `p`, self-loops included now and then; optional integer weights 0 ... 4.
    static func randomGraph(
        n: Int, p: Double, directed: Bool, weighted: Bool = false, using generator: inout SeededGenerator
    ) -> CSRGraph {
        var builder = CSRGraphBuilder(nodeCount: n, isDirected: directed)
        for u in 0 ..< n {
            for v in (directed ? 0 : u) ..< n {
                let chance = u == v ? p / 4 : p
                if Double.random(in: 0 ..< 1, using: &generator) < chance {
                    let w = weighted ? Double(Int.random(in: 0 ... 4, using: &generator)) : nil
                    try! builder.addEdge(u, v, weight: w)
                }
            }
        }
        return builder.build()
    }

    /// Whether some node of `sources` reaches some node of `targets` without the removed nodes and edges
    /// (a removed source or target cannot be used).
    static func connects(
        _ graph: CSRGraph, _ sources: [Int], _ targets: [Int],
        removedNodes: Set<Int> = [], removedEdges: Set<Int> = []
    ) -> Bool {
        let isTarget = Set(targets)
        var seen = Set(sources.filter { !removedNodes.contains($0) })
        var stack = Array(seen)
        while let u = stack.popLast() {
            if isTarget.contains(u) { return true }
            for arc in graph.outArcs(u) {
                let v = Int(graph.outTargets[arc])
                if removedEdges.contains(Int(graph.outEdges[arc])) || removedNodes.contains(v) { continue }
                if seen.insert(v).inserted { stack.append(v) }
            }
        }
        return false
    }

    /// All `k`-subsets of `items`, calling `body` until it returns true; returns whether it did.
    static func anySubset(of items: [Int], size k: Int, _ body: ([Int]) -> Bool) -> Bool {
        var chosen: [Int] = []
        func recurse(_ start: Int) -> Bool {
            if chosen.count == k { return body(chosen) }
            if items.count - start < k - chosen.count { return false }
            for i in start ..< items.count {
                chosen.append(items[i])
                if recurse(i + 1) { return true }
                chosen.removeLast()
            }
            return false
        }
        return recurse(0)
    }

    /// The smallest number of items whose removal (as judged by `disconnects`) separates, by brute force.
    static func bruteForceMinimum(_ items: [Int], _ disconnects: (Set<Int>) -> Bool) -> Int {
        for k in 0 ... items.count where anySubset(of: items, size: k, { disconnects(Set($0)) }) { return k }
        return items.count + 1
    }

    /// The least total cost of a disconnecting subset, over all `2^|items|` subsets.
    static func bruteForceCheapest(_ items: [Int], cost: (Int) -> Double, _ disconnects: (Set<Int>) -> Bool) -> Double {
        var best = Double.infinity
        for mask in 0 ..< (1 << items.count) {
            var chosen = Set<Int>(), total = 0.0
            for (i, item) in items.enumerated() where mask & (1 << i) != 0 { chosen.insert(item); total += cost(item) }
            if total < best && disconnects(chosen) { best = total }
        }
        return best
    }

    /// Two disjoint random non-empty node sets of at most `maxSize` nodes each.
    static func randomSets(n: Int, maxSize: Int, using generator: inout SeededGenerator) -> ([Int], [Int]) {
        let pool = Array(0 ..< n).shuffled(using: &generator)
        let a = Int.random(in: 1 ... min(maxSize, n - 1), using: &generator)
        let b = Int.random(in: 1 ... min(maxSize, n - a), using: &generator)
        return (Array(pool[0 ..< a]), Array(pool[a ..< a + b]))
    }
}

@Suite("Minimum cuts and maximum flow")
struct MinimumCutTests {
    typealias Support = CutTestSupport

    @Test("sizes equal NetworkX's minimum_node_cut / minimum_edge_cut / maximum_flow_value", arguments: ReferenceGraph.names)
    func reference(name: String) throws {
        let expected = try expectedValues(family: "cuts", graph: name)
        let reference = try ReferenceGraph(name)
        let graph = try reference.graph(weighted: false)
        let weighted = try reference.graph(weighted: true)
        for pair in expected["pairs"] as! [[String: Any]] {
            let s = pair["s"] as! Int, t = pair["t"] as! Int
            let context = "\(name) \(s) -> \(t)"
            let edgeCut = try graph.minimumEdgeCut(from: s, to: t)
            #expect(edgeCut.size == pair["edge_cut_size"] as! Int, "\(context) edge cut \(edgeCut.edges)")
            #expect(edgeCut.capacity == Double(edgeCut.size), "\(context)")
            #expect(!Support.connects(graph, [s], [t], removedEdges: Set(edgeCut.edges)), "\(context) edge cut does not cut")
            if pair["node_cut_exists"] as! Bool {
                let nodeCut = try graph.minimumNodeCut(from: s, to: t)
                #expect(nodeCut.size == pair["node_cut_size"] as! Int, "\(context) node cut \(nodeCut.nodes)")
                #expect(!nodeCut.nodes.contains(s) && !nodeCut.nodes.contains(t), "\(context)")
                #expect(!Support.connects(graph, [s], [t], removedNodes: Set(nodeCut.nodes)), "\(context) node cut does not cut")
            } else {
                #expect(pair["adjacent"] as! Bool)
                #expect(throws: MinimumCutError.self, "\(context)") { try graph.minimumNodeCut(from: s, to: t) }
                do {
                    _ = try graph.minimumNodeCut(from: s, to: t)
                } catch {
                    guard case let .sourceAdjacentToTarget(source, target, edge) = error else {
                        Issue.record("\(context): \(error)"); continue
                    }
                    #expect(source == s && target == t, "\(context)")
                    #expect(graph.isDirected
                            ? (Int(graph.edgeSources[edge]), Int(graph.edgeTargets[edge])) == (s, t)
                            : Set([Int(graph.edgeSources[edge]), Int(graph.edgeTargets[edge])]) == Set([s, t]))
                }
            }
            if let flow = pair["max_flow"] as? Double {
                expectClose(try weighted.maximumFlowValue(from: s, to: t), flow, tolerance: 1e-12, context)
                let cut = try weighted.minimumEdgeCut(from: s, to: t, weighted: true)
                expectClose(cut.edges.reduce(0) { $0 + weighted.weight(ofEdge: $1) }, flow, tolerance: 1e-12, context)
                #expect(!Support.connects(weighted, [s], [t], removedEdges: Set(cut.edges)), "\(context)")
            }
        }
        for pair in expected["set_pairs"] as! [[String: Any]] {
            let sources = pair["sources"] as! [Int], targets = pair["targets"] as! [Int]
            let cut = try graph.minimumEdgeCut(sources: sources, targets: targets)
            #expect(cut.size == pair["edge_cut_size"] as! Int, "\(name) \(sources) -> \(targets)")
            #expect(!Support.connects(graph, sources, targets, removedEdges: Set(cut.edges)))
        }
    }

    @Test("worked example: two node-disjoint routes need two cut nodes; the cut nearest the source")
    func workedExample() throws {
        // 0 -> {1, 2} -> 3 -> 4 and 2 -> 4: cutting {1, 2} or {2, 3} separates 0 from 4.
        var builder = CSRGraphBuilder(nodeCount: 5, isDirected: true)
        for (u, v) in [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (2, 4)] { try builder.addEdge(u, v) }
        let graph = builder.build()
        let nodeCut = try graph.minimumNodeCut(from: 0, to: 4)
        #expect(nodeCut.nodes == [1, 2] && nodeCut.capacity == 2)
        // Now the closest cut to the source side is {1, 2}; with 3 uncuttable... node capacities move it.
        let weightedCut = try graph.minimumNodeCut(sources: [0], targets: [4], nodeCapacities: [1, 5, 1, 1, 1])
        #expect(weightedCut.nodes == [2, 3] && weightedCut.capacity == 2)
        let edgeCut = try graph.minimumEdgeCut(from: 0, to: 4)
        #expect(edgeCut.edges.map { [Int(graph.edgeSources[$0]), Int(graph.edgeTargets[$0])] } == [[0, 1], [0, 2]])
        // Reversed: nothing reaches 4 -> 0 in the original direction, so the cuts are empty.
        #expect(try graph.minimumNodeCut(from: 4, to: 0).nodes == [])
        #expect(try graph.minimumEdgeCut(from: 4, to: 0).edges == [])
        // Sets: separating {0} from {3, 4} needs only 1, 2 again; {1, 2} -> {4} needs 3 and (2 -> 4).
        #expect(try graph.minimumNodeCut(sources: [0], targets: [3, 4]).nodes == [1, 2])
        #expect(try graph.minimumEdgeCut(sources: [1, 2], targets: [4]).size == 2)
        #expect(throws: MinimumCutError.sourceAdjacentToTarget(source: 2, target: 4, edge: 4)) {
            try graph.minimumNodeCut(sources: [1, 2], targets: [4])
        }
    }

    @Test("errors are values")
    func errors() throws {
        var builder = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        try builder.addEdge(0, 1, weight: -1)
        try builder.addEdge(1, 2, weight: 1)
        let graph = builder.build()
        #expect(throws: MinimumCutError.emptySet(which: "source")) { try graph.minimumNodeCut(sources: [], targets: [1]) }
        #expect(throws: MinimumCutError.emptySet(which: "target")) { try graph.minimumEdgeCut(sources: [1], targets: []) }
        #expect(throws: MinimumCutError.nodeOutOfRange(node: 3, nodeCount: 3)) { try graph.minimumNodeCut(from: 0, to: 3) }
        #expect(throws: MinimumCutError.sourceIsTarget(node: 1)) { try graph.minimumEdgeCut(sources: [0, 1], targets: [1]) }
        #expect(throws: MinimumCutError.invalidCapacity(what: "edge", index: 0, value: -1)) {
            try graph.minimumEdgeCut(from: 0, to: 2, weighted: true)
        }
        #expect(throws: MinimumCutError.invalidCapacity(what: "node", index: 1, value: -2)) {
            try graph.minimumNodeCut(sources: [0], targets: [2], nodeCapacities: [1, -2, 1])
        }
        #expect(throws: MinimumCutError.noFiniteCut) {
            try graph.minimumNodeCut(sources: [0], targets: [2], nodeCapacities: [1, .infinity, 1])
        }
        #expect(try graph.minimumEdgeCut(from: 0, to: 2).size == 1)
        #expect(MinimumCutError.sourceAdjacentToTarget(source: 0, target: 1, edge: 0).description.contains("edge cut"))
    }

    @Test("brute force: node and edge cuts are valid and minimal on 240 random small graphs")
    func bruteForce() throws {
        var generator = SeededGenerator(seed: 0xC075)
        var checkedNode = 0, checkedEdge = 0, adjacentCases = 0
        for trial in 0 ..< 240 {
            let directed = trial % 3 != 0
            let n = Int.random(in: 3 ... 8, using: &generator)
            let graph = Support.randomGraph(n: n, p: Double.random(in: 0.15 ... 0.5, using: &generator),
                                            directed: directed, using: &generator)
            let (sources, targets) = Support.randomSets(n: n, maxSize: 2, using: &generator)
            let context = "trial \(trial) n=\(n) directed=\(directed) \(sources) -> \(targets)"
            let terminals = Set(sources + targets)
            // Node cut.
            let adjacent = (0 ..< graph.edgeCount).contains { e in
                let u = Int(graph.edgeSources[e]), v = Int(graph.edgeTargets[e])
                return (sources.contains(u) && targets.contains(v)) || (!directed && sources.contains(v) && targets.contains(u))
            }
            if adjacent {
                adjacentCases += 1
                #expect(throws: MinimumCutError.self, "\(context)") { try graph.minimumNodeCut(sources: sources, targets: targets) }
            } else {
                let cut = try graph.minimumNodeCut(sources: sources, targets: targets)
                let candidates = (0 ..< n).filter { !terminals.contains($0) }
                let minimum = Support.bruteForceMinimum(candidates) {
                    !Support.connects(graph, sources, targets, removedNodes: $0)
                }
                #expect(cut.size == minimum, "\(context) node cut \(cut.nodes)")
                #expect(Set(cut.nodes).isDisjoint(with: terminals) && cut.nodes == cut.nodes.sorted(), "\(context)")
                #expect(!Support.connects(graph, sources, targets, removedNodes: Set(cut.nodes)), "\(context)")
                #expect(cut == (try graph.minimumNodeCut(sources: sources.reversed(), targets: targets.reversed())))
                // Node capacities 0 ... 3: the cheapest disconnecting set.
                let costs = (0 ..< n).map { _ in Double(Int.random(in: 0 ... 3, using: &generator)) }
                let weightedCut = try graph.minimumNodeCut(sources: sources, targets: targets, nodeCapacities: costs)
                let cheapest = Support.bruteForceCheapest(candidates, cost: { costs[$0] }) {
                    !Support.connects(graph, sources, targets, removedNodes: $0)
                }
                #expect(weightedCut.capacity == cheapest, "\(context) weighted node cut \(weightedCut.nodes)")
                #expect(weightedCut.nodes.reduce(0) { $0 + costs[$1] } == cheapest, "\(context)")
                #expect(!Support.connects(graph, sources, targets, removedNodes: Set(weightedCut.nodes)), "\(context)")
                checkedNode += 1
            }
            // Edge cut, unit and weighted.
            let cut = try graph.minimumEdgeCut(sources: sources, targets: targets)
            let edges = Array(0 ..< graph.edgeCount)
            let minimum = Support.bruteForceMinimum(edges) {
                !Support.connects(graph, sources, targets, removedEdges: $0)
            }
            #expect(cut.size == minimum, "\(context) edge cut \(cut.edges)")
            #expect(!Support.connects(graph, sources, targets, removedEdges: Set(cut.edges)), "\(context)")
            if graph.edgeCount <= 14 {
                var builder = CSRGraphBuilder(nodeCount: n, isDirected: directed)
                for e in edges {
                    try builder.addEdge(Int(graph.edgeSources[e]), Int(graph.edgeTargets[e]),
                                        weight: Double(Int.random(in: 0 ... 4, using: &generator)))
                }
                let weighted = builder.build()
                let weightedCut = try weighted.minimumEdgeCut(sources: sources, targets: targets, weighted: true)
                let cheapest = Support.bruteForceCheapest(edges, cost: { weighted.weight(ofEdge: $0) }) {
                    !Support.connects(weighted, sources, targets, removedEdges: $0)
                }
                #expect(weightedCut.capacity == cheapest, "\(context) weighted edge cut")
                #expect(weightedCut.edges.reduce(0) { $0 + weighted.weight(ofEdge: $1) } == cheapest, "\(context)")
                #expect(!Support.connects(weighted, sources, targets, removedEdges: Set(weightedCut.edges)), "\(context)")
            }
            checkedEdge += 1
        }
        #expect(checkedNode >= 100 && checkedEdge >= 200 && adjacentCases > 10)
    }

    @Test("max-flow engine: Int and Double capacities agree, flow is conserved and feasible")
    func maxFlowEngine() throws {
        var generator = SeededGenerator(seed: 77)
        for trial in 0 ..< 120 {
            let n = Int.random(in: 2 ... 14, using: &generator)
            var tails: [Int] = [], heads: [Int] = [], caps: [Int] = []
            for _ in 0 ..< Int.random(in: 0 ... 4 * n, using: &generator) {
                tails.append(Int.random(in: 0 ..< n, using: &generator))
                heads.append(Int.random(in: 0 ..< n, using: &generator))
                caps.append(Int.random(in: 0 ... 9, using: &generator))
            }
            let integral = try FlowNetwork(nodeCount: n, tails: tails, heads: heads, capacities: caps)
            let real = try FlowNetwork(nodeCount: n, tails: tails, heads: heads, capacities: caps.map(Double.init))
            let flow = try integral.maximumFlow(from: 0, to: n - 1)
            let flowReal = try real.maximumFlow(from: 0, to: n - 1)
            #expect(Double(flow.value) == flowReal.value, "trial \(trial)")
            #expect(flow.sourceSide == flowReal.sourceSide, "trial \(trial)")
            var balance = [Int](repeating: 0, count: n)
            var cutCapacity = 0
            for i in tails.indices {
                let f = flow.flow(onArc: i, of: integral)
                #expect(f >= 0 && f <= caps[i], "trial \(trial) arc \(i)")
                balance[tails[i]] -= f
                balance[heads[i]] += f
                if flow.sourceSide[tails[i]] && !flow.sourceSide[heads[i]] { cutCapacity += caps[i] }
            }
            for v in 1 ..< n - 1 { #expect(balance[v] == 0, "trial \(trial) node \(v)") }
            #expect(balance[n - 1] == flow.value && cutCapacity == flow.value, "trial \(trial)")
            #expect(flow.sourceSide[0] && !flow.sourceSide[n - 1])
        }
        let unbounded = try FlowNetwork(nodeCount: 3, tails: [0, 1], heads: [1, 2], capacities: [Int.infiniteCapacity, .infiniteCapacity])
        #expect(throws: FlowError.unbounded) { try unbounded.maximumFlow(from: 0, to: 2) }
        #expect(throws: FlowError.sourceIsSink(node: 1)) { try unbounded.maximumFlow(from: 1, to: 1) }
        #expect(throws: FlowError.invalidCapacity(what: "arc", index: 0, value: -1)) {
            try FlowNetwork(nodeCount: 2, tails: [0], heads: [1], capacities: [-1.0])
        }
        // An infinite arc followed by a finite one: the finite one bounds the flow; the infinite one stays infinite.
        let mixed = try FlowNetwork(nodeCount: 3, tails: [0, 1], heads: [1, 2], capacities: [Double.infinity, 2.5])
        let result = try mixed.maximumFlow(from: 0, to: 2)
        #expect(result.value == 2.5 && result.sourceSide == [true, true, false])
    }
}
