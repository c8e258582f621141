import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite("Robustness curves in the kernel: schedules, component and reachability decay, degree attack")
struct RobustnessDecayTests {
    /// A random schedule: each node removed with probability 0.7 at a random step, each edge (when `edges`)
    /// cut with probability 0.2.
    static func randomSchedule(_ graph: CSRGraph, steps: Int, edges: Bool, using generator: inout SeededGenerator) throws -> RemovalSchedule {
        var schedule = try RemovalSchedule(steps: steps, nodeCount: graph.nodeCount, edgeCount: edges ? graph.edgeCount : nil)
        guard steps > 0 else { return schedule }
        for v in 0 ..< graph.nodeCount where Double.random(in: 0 ..< 1, using: &generator) < 0.7 {
            try schedule.remove(node: v, atStep: Int.random(in: 1 ... steps, using: &generator))
        }
        if edges {
            for e in 0 ..< graph.edgeCount where Double.random(in: 0 ..< 1, using: &generator) < 0.2 {
                try schedule.cut(edge: e, atStep: Int.random(in: 1 ... steps, using: &generator))
            }
        }
        return schedule
    }

    /// The graph of checkpoint `k`: nodes and edges still present.
    static func present(_ schedule: RemovalSchedule, _ k: Int) -> (nodes: [Bool], edges: (Int) -> Bool) {
        let nodes = schedule.nodeStep.map { Int($0) > k }
        return (nodes, { e in schedule.edgeStep.map { Int($0[e]) > k } ?? true })
    }

    /// The largest weak component by a plain search over what is present.
    static func naiveLargest(_ graph: CSRGraph, nodes: [Bool], edge: (Int) -> Bool) -> Int {
        var label = [Int](repeating: -1, count: graph.nodeCount)
        var largest = 0
        for root in 0 ..< graph.nodeCount where nodes[root] && label[root] < 0 {
            label[root] = root
            var stack = [root], size = 0
            while let u = stack.popLast() {
                size += 1
                for (targets, edgeIDs, range) in [(graph.outTargets, graph.outEdges, graph.outArcs(u)), (graph.inSources, graph.inEdges, graph.inArcs(u))] {
                    for arc in range {
                        let v = Int(targets[arc])
                        if !nodes[v] || !edge(Int(edgeIDs[arc])) || label[v] >= 0 { continue }
                        label[v] = root
                        stack.append(v)
                    }
                }
            }
            largest = max(largest, size)
        }
        return largest
    }

    /// reach(c) without c over what is present (c itself present).
    static func naiveReach(_ graph: CSRGraph, _ c: Int, nodes: [Bool], edge: (Int) -> Bool) -> Set<Int> {
        var seen: Set<Int> = [c]
        var stack = [c]
        while let u = stack.popLast() {
            for arc in graph.outArcs(u) {
                let v = Int(graph.outTargets[arc])
                if !nodes[v] || !edge(Int(graph.outEdges[arc])) { continue }
                if seen.insert(v).inserted { stack.append(v) }
            }
        }
        seen.remove(c)
        return seen
    }

    @Test("the union-find series equals a fresh component search at every checkpoint (300 random graphs)")
    func componentDecayAgainstRecomputation() throws {
        var generator = SeededGenerator(seed: 0xDECA1)
        for trial in 0 ..< 300 {
            let n = Int.random(in: 0 ... 30, using: &generator)
            let graph = CutTestSupport.randomGraph(n: n, p: Double.random(in: 0.02 ... 0.25, using: &generator),
                                                   directed: trial % 3 != 0, using: &generator)
            let steps = Int.random(in: 0 ... 12, using: &generator)
            let schedule = try Self.randomSchedule(graph, steps: steps, edges: trial % 2 == 0, using: &generator)
            let series = try graph.largestWeakComponentDecay(schedule)
            #expect(series.count == steps + 1)
            for k in 0 ... steps {
                let (nodes, edge) = Self.present(schedule, k)
                #expect(series[k] == Self.naiveLargest(graph, nodes: nodes, edge: edge), "trial \(trial) checkpoint \(k)")
            }
            if steps == 0 || schedule.edgeStep == nil {
                #expect(series[0] == (graph.weaklyConnectedComponents().sizes.max() ?? 0))
            }
        }
    }

    @Test("reachable pairs and cut-off consumers equal searches at every checkpoint (300 random graphs); parallel equals serial")
    func reachabilityDecayAgainstSearches() throws {
        var generator = SeededGenerator(seed: 0xDECA2)
        for trial in 0 ..< 300 {
            let n = Int.random(in: 1 ... 25, using: &generator)
            let graph = CutTestSupport.randomGraph(n: n, p: Double.random(in: 0.03 ... 0.3, using: &generator),
                                                   directed: trial % 4 != 0, using: &generator)
            let steps = Int.random(in: 1 ... 10, using: &generator)
            let schedules = try (0 ..< Int.random(in: 1 ... 4, using: &generator)).map { _ in
                try Self.randomSchedule(graph, steps: steps + Int.random(in: 0 ... 3, using: &generator), edges: trial % 2 == 0, using: &generator)
            }
            var consumers = (0 ..< n).filter { _ in Double.random(in: 0 ..< 1, using: &generator) < 0.7 }
            if let c = consumers.first { consumers.append(c) }  // a repeat counts once
            let providers: [Bool]? = trial % 3 == 0 ? nil : (0 ..< n).map { _ in Double.random(in: 0 ..< 1, using: &generator) < 0.6 }
            let result = try graph.reachabilityDecay(consumers: consumers, providers: providers, schedules: schedules, parallel: true)
            #expect(result == (try graph.reachabilityDecay(consumers: consumers, providers: providers, schedules: schedules, parallel: false)))
            #expect(result.count == schedules.count)
            for (s, schedule) in schedules.enumerated() {
                let initial = Dictionary(uniqueKeysWithValues: Set(consumers).map { c in
                    (c, Self.naiveReach(graph, c, nodes: [Bool](repeating: true, count: n), edge: { _ in true }).filter { providers?[$0] ?? true })
                })
                for k in 0 ... schedule.steps {
                    let (nodes, edge) = Self.present(schedule, k)
                    var pairs = 0, cut = 0
                    for c in Set(consumers) where nodes[c] {
                        let now = Self.naiveReach(graph, c, nodes: nodes, edge: edge).filter { providers?[$0] ?? true }
                        pairs += now.count
                        if !initial[c]!.isSubset(of: now) { cut += 1 }
                    }
                    #expect(result[s].reachablePairs[k] == pairs, "trial \(trial) schedule \(s) checkpoint \(k)")
                    #expect(result[s].cutOffConsumers[k] == cut, "trial \(trial) schedule \(s) checkpoint \(k)")
                }
            }
        }
    }

    @Test("the adaptive degree attack equals recounting degrees in what remains before each step (200 random graphs)")
    func degreeAttackAgainstRecounting() throws {
        var generator = SeededGenerator(seed: 0xDECA3)
        for trial in 0 ..< 200 {
            let n = Int.random(in: 1 ... 25, using: &generator)
            let directed = trial % 3 != 0
            let graph = CutTestSupport.randomGraph(n: n, p: Double.random(in: 0.05 ... 0.3, using: &generator), directed: directed, using: &generator)
            let steps = Int.random(in: 1 ... n, using: &generator)
            let tieOrder = Array(0 ..< n).shuffled(using: &generator)
            let order = try graph.adaptiveDegreeOrder(tieOrder: tieOrder, steps: steps)
            // Naive: before each step, count each present node's degree (in + out arcs to present nodes, a self-loop 2).
            var present = [Bool](repeating: true, count: n)
            var expected: [Int] = []
            let position = Dictionary(uniqueKeysWithValues: tieOrder.enumerated().map { ($1, $0) })
            for k in 1 ... steps {
                let take = RemovalSchedule.removedCount(atCheckpoint: k, of: n, steps: steps) - RemovalSchedule.removedCount(atCheckpoint: k - 1, of: n, steps: steps)
                func degree(_ v: Int) -> Int {
                    var d = 0
                    for e in 0 ..< graph.edgeCount {
                        let a = Int(graph.edgeSources[e]), b = Int(graph.edgeTargets[e])
                        guard present[a] && present[b] else { continue }
                        if a == v { d += 1 }
                        if b == v { d += 1 }
                    }
                    return d
                }
                let ranked = (0 ..< n).filter { present[$0] }.sorted { degree($0) != degree($1) ? degree($0) > degree($1) : position[$0]! < position[$1]! }
                for v in ranked.prefix(take) { expected.append(v) }
                for v in ranked.prefix(take) { present[v] = false }
            }
            #expect(order == expected, "trial \(trial)")
        }
    }

    @Test("a star and a triangle: the degree attack's worked example")
    func degreeAttackExample() throws {
        var builder = CSRGraphBuilder(nodeCount: 4, isDirected: false)
        for (u, v) in [(0, 1), (0, 2), (0, 3), (2, 3)] { try builder.addEdge(u, v) }
        #expect(try builder.build().adaptiveDegreeOrder(tieOrder: [0, 1, 2, 3], steps: 4) == [0, 2, 1, 3])
    }

    @Test("checkpoints are evenly spaced over an order, and an entry's step is the first checkpoint that removes it")
    func checkpointArithmetic() throws {
        for length in 1 ... 40 {
            for steps in 1 ... 45 {
                #expect(RemovalSchedule.removedCount(atCheckpoint: 0, of: length, steps: steps) == 0)
                #expect(RemovalSchedule.removedCount(atCheckpoint: steps, of: length, steps: steps) == length)
                for j in 0 ..< length {
                    let step = RemovalSchedule.step(ofEntry: j, of: length, steps: steps)
                    #expect(RemovalSchedule.removedCount(atCheckpoint: step, of: length, steps: steps) > j)
                    #expect(RemovalSchedule.removedCount(atCheckpoint: step - 1, of: length, steps: steps) <= j)
                }
            }
        }
        let schedule = try RemovalSchedule(nodeOrder: [2, 0, 1], nodeCount: 3, steps: 3)
        #expect(schedule.nodeStep == [2, 3, 1])
        #expect(try RemovalSchedule(nodeOrder: [2, 0, 1], nodeCount: 3, steps: 1).nodeStep == [1, 1, 1])
        #expect(try RemovalSchedule(nodeOrder: [2], nodeCount: 3, steps: 1).nodeStep == [2, 2, 1])
    }

    @Test("random orders: permutations, fixed by (seed, run), independent of the other runs; pinned values")
    func randomOrders() throws {
        for n in [0, 1, 2, 17, 100] {
            for run in 0 ..< 5 {
                let order = RemovalSchedule.randomOrder(nodeCount: n, seed: 42, run: run)
                #expect(order.sorted() == Array(0 ..< n))
                #expect(order == RemovalSchedule.randomOrder(nodeCount: n, seed: 42, run: run))
            }
        }
        #expect(RemovalSchedule.randomOrder(nodeCount: 50, seed: 1, run: 0) != RemovalSchedule.randomOrder(nodeCount: 50, seed: 1, run: 1))
        #expect(RemovalSchedule.randomOrder(nodeCount: 50, seed: 1, run: 0) != RemovalSchedule.randomOrder(nodeCount: 50, seed: 2, run: 0))
        // The same draws written out by hand: SplitMix64 seeded by the run's seed, Fisher–Yates with Lemire's draw.
        func splitmix(_ state: inout UInt64) -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for run in 0 ..< 3 {
            var seeding: UInt64 = 7
            var runSeed: UInt64 = 0
            for _ in 0 ... run { runSeed = splitmix(&seeding) }
            var state = runSeed
            var order = Array(0 ..< 30)
            for i in stride(from: 29, through: 1, by: -1) {
                let bound = UInt64(i + 1)
                var product = splitmix(&state).multipliedFullWidth(by: bound)
                let threshold = (0 &- bound) % bound
                while product.low < threshold { product = splitmix(&state).multipliedFullWidth(by: bound) }
                order.swapAt(i, Int(product.high))
            }
            #expect(RemovalSchedule.randomOrder(nodeCount: 30, seed: 7, run: run) == order)
        }
    }

    @Test("schedules are checked against the graph and their own steps")
    func scheduleErrors() throws {
        var builder = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        try builder.addEdge(0, 1)
        let graph = builder.build()
        #expect(throws: RemovalScheduleError.negativeSteps(-1)) { try RemovalSchedule(steps: -1, nodeCount: 3) }
        var schedule = try RemovalSchedule(steps: 2, nodeCount: 3)
        #expect(throws: RemovalScheduleError.stepOutOfRange(step: 3, steps: 2)) { try schedule.remove(node: 0, atStep: 3) }
        #expect(throws: RemovalScheduleError.nodeOutOfRange(node: 3, nodeCount: 3)) { try schedule.remove(node: 3, atStep: 1) }
        #expect(throws: RemovalScheduleError.edgeOutOfRange(edge: 0, edgeCount: 0)) { try schedule.cut(edge: 0, atStep: 1) }
        let other = try RemovalSchedule(steps: 2, nodeCount: 4)
        #expect(throws: RemovalScheduleError.self) { try graph.largestWeakComponentDecay(other) }
        #expect(throws: RemovalScheduleError.self) { try graph.reachabilityDecay(consumers: [0], schedules: [other]) }
        #expect(throws: RemovalScheduleError.nodeOutOfRange(node: 5, nodeCount: 3)) {
            try graph.reachabilityDecay(consumers: [5], schedules: [try RemovalSchedule(steps: 1, nodeCount: 3)])
        }
        #expect(throws: RemovalScheduleError.self) { try graph.adaptiveDegreeOrder(tieOrder: [0, 1], steps: 1) }
    }

    @Test("a worked example: app → lib → core, app → util → core")
    func workedExample() throws {
        var builder = CSRGraphBuilder(nodeCount: 4, isDirected: true)
        for (u, v) in [(0, 1), (1, 2), (0, 3), (3, 2)] { try builder.addEdge(u, v) }
        let graph = builder.build()
        // Remove lib (1), then util (3), then core (2), one a step.
        let schedule = try RemovalSchedule(nodeOrder: [1, 3, 2], nodeCount: 4, steps: 3)
        #expect(try graph.largestWeakComponentDecay(schedule) == [4, 3, 1, 1])
        let decay = try graph.reachabilityDecay(consumers: Array(0 ..< 4), schedules: [schedule])[0]
        // Pairs: app→{lib, util, core}, lib→core, util→core = 5; without lib: 3; without util: app→core? no path: 0.
        #expect(decay.reachablePairs == [5, 3, 0, 0])
        // Cut off: app loses lib at 1; util loses core at 3; app is cut off from 1 on.
        #expect(decay.cutOffConsumers == [0, 1, 1, 1])
    }
}
