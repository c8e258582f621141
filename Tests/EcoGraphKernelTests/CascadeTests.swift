import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite("Cascading failure")
struct CascadeTests {
    /// The definition, computed the slow way: synchronous rounds, each re-evaluating every node's rule
    /// against the failures of all previous rounds, until nothing changes.
    static func naiveCascade(
        nodeCount n: Int, records: [CascadeDependency], removing: [Int], threshold: Double?
    ) -> [[Int]] {
        var failed = Set(removing)
        var rounds = [failed.sorted()]
        while true {
            var newlyFailed: [Int] = []
            for v in 0 ..< n where !failed.contains(v) {
                let mine = records.filter { $0.dependent == v }
                let groups = Dictionary(grouping: mine, by: \.group)
                var fails = groups.values.contains { $0.allSatisfy { failed.contains($0.dependency) } }
                if let threshold {
                    let total = mine.reduce(0) { $0 + $1.weight }
                    let lost = mine.filter { failed.contains($0.dependency) }.reduce(0) { $0 + $1.weight }
                    if total > 0 && lost >= threshold * total { fails = true }
                }
                if fails { newlyFailed.append(v) }
            }
            if newlyFailed.isEmpty { return rounds }
            rounds.append(newlyFailed)
            failed.formUnion(newlyFailed)
        }
    }

    static func randomRecords(n: Int, using generator: inout SeededGenerator) -> [CascadeDependency] {
        var records: [CascadeDependency] = []
        for _ in 0 ..< Int.random(in: 0 ... 3 * n, using: &generator) {
            records.append(CascadeDependency(
                dependent: Int.random(in: 0 ..< n, using: &generator),
                dependency: Int.random(in: 0 ..< n, using: &generator),
                group: Int32.random(in: -1 ... 2, using: &generator),
                weight: Double(Int.random(in: 0 ... 3, using: &generator))))
        }
        return records
    }

    @Test("round by round equal to the naive fixed point, on 300 random models with groups and thresholds")
    func againstNaive() throws {
        var generator = SeededGenerator(seed: 0xCA5C)
        let thresholds: [Double?] = [nil, 1, 0.5, 1.0 / 3, 0.25, 0.75]
        for trial in 0 ..< 300 {
            let n = Int.random(in: 1 ... 24, using: &generator)
            let records = Self.randomRecords(n: n, using: &generator)
            let model = try CascadeModel(nodeCount: n, dependencies: records)
            for threshold in thresholds {
                let removing = (0 ..< Int.random(in: 0 ... 3, using: &generator)).map { _ in Int.random(in: 0 ..< n, using: &generator) }
                let result = try model.run(removing: removing, threshold: threshold)
                let expected = Self.naiveCascade(nodeCount: n, records: records, removing: removing, threshold: threshold)
                #expect(result.rounds == expected, "trial \(trial) threshold \(String(describing: threshold)) removing \(removing)")
                let failed = Set(expected.joined())
                #expect(result.failed == (0 ..< n).map { failed.contains($0) }, "trial \(trial)")
                #expect(result.failedNodes == failed.sorted() && result.failedCount == failed.count)
            }
            // Impact: per removed node, failed consumers other than itself; parallel equals serial.
            let consumers = (0 ..< n).filter { _ in Bool.random(using: &generator) }
            let threshold = thresholds.randomElement(using: &generator)!
            let impact = try model.cascadeImpact(consumers: consumers, threshold: threshold, parallel: true)
            #expect(impact == (try model.cascadeImpact(consumers: consumers, threshold: threshold, parallel: false)))
            let isConsumer = Set(consumers)
            let expectedImpact = (0 ..< n).map { x in
                Self.naiveCascade(nodeCount: n, records: records, removing: [x], threshold: threshold)
                    .joined().filter { $0 != x && isConsumer.contains($0) }.count
            }
            #expect(impact == expectedImpact, "trial \(trial) impact")
        }
    }

    @Test("an OR-group survives the loss of one alternative and fails on losing all; AND-groups fail on any")
    func orGroups() throws {
        // Node 0 needs (1 or 2) and 3; node 4 needs 0.
        let records = [
            CascadeDependency(dependent: 0, dependency: 1, group: 7),
            CascadeDependency(dependent: 0, dependency: 2, group: 7),
            CascadeDependency(dependent: 0, dependency: 3, group: 8),
            CascadeDependency(dependent: 4, dependency: 0, group: 0),
        ]
        let model = try CascadeModel(nodeCount: 5, dependencies: records)
        #expect(model.groupCount == 3)
        #expect(try model.run(removing: [1]).rounds == [[1]])
        #expect(try model.run(removing: [2]).rounds == [[2]])
        #expect(try model.run(removing: [2, 1]).rounds == [[1, 2], [0], [4]])
        #expect(try model.run(removing: [3]).rounds == [[3], [0], [4]])
        #expect(try model.run(removing: [3]).failed == [true, false, false, true, true])
        // Threshold: losing 1 of node 0's 3 units is 1/3 of its weight.
        #expect(try model.run(removing: [1], threshold: 0.3).rounds == [[1], [0], [4]])
        #expect(try model.run(removing: [1], threshold: 0.5).rounds == [[1]])
        #expect(try model.run(removing: [1, 2], threshold: 1).rounds == [[1, 2], [0], [4]])
        // Impact with every node a consumer: removing 3 fails 0 and 4; removing 1 or 2 fails nothing.
        #expect(try model.cascadeImpact() == [1, 0, 0, 2, 0])
        #expect(try model.cascadeImpact(consumers: [4]) == [1, 0, 0, 1, 0])
        // Under reachability, losing 1 alone already costs node 0 and node 4 access to it.
        var builder = CSRGraphBuilder(nodeCount: 5, isDirected: true)
        for r in records { try builder.addEdge(r.dependent, r.dependency) }
        let loss = try builder.build().reachabilityLoss(consumers: [0, 4], removedNodes: [1])
        #expect(loss.map(\.lostCount) == [1, 1])
    }

    @Test("a chain fails one node per round; nodes without dependencies never fail unless removed")
    func rounds() throws {
        var builder = CSRGraphBuilder(nodeCount: 5, isDirected: true)
        for (u, v) in [(3, 2), (2, 1), (1, 0)] { try builder.addEdge(u, v) }
        let model = try CascadeModel(graph: builder.build())
        #expect(try model.run(removing: [0]).rounds == [[0], [1], [2], [3]])
        #expect(try model.run(removing: [2, 2]).rounds == [[2], [3]])
        #expect(try model.run(removing: []).rounds == [[]])
        #expect(try model.run(removing: [4]).rounds == [[4]])
        #expect(try model.cascadeImpact() == [3, 2, 1, 0, 0])
        // A cycle fails together once entered; self-dependencies never trigger on their own.
        let cycle = try CascadeModel(nodeCount: 3, dependencies: [
            CascadeDependency(dependent: 0, dependency: 1, group: 0),
            CascadeDependency(dependent: 1, dependency: 0, group: 0),
            CascadeDependency(dependent: 2, dependency: 2, group: 0),
            CascadeDependency(dependent: 2, dependency: 0, group: 0),
        ])
        #expect(try cycle.run(removing: [1]).rounds == [[1], [0]])
        #expect(try cycle.run(removing: [0]).rounds == [[0], [1]])
    }

    @Test("every edge its own group: the failed set is everything that reaches a removed node", arguments: ReferenceGraph.names)
    func plainGraph(name: String) throws {
        let graph = try ReferenceGraph(name).graph(weighted: false)
        let model = try CascadeModel(graph: graph)
        for x in 0 ..< graph.nodeCount {
            let result = try model.run(removing: [x])
            // Nodes that reach x: BFS on the reversed graph; round k = distance k.
            var distance = [Int](repeating: -1, count: graph.nodeCount)
            distance[x] = 0
            var queue = [x], head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                for v in graph.predecessors(of: u) where distance[Int(v)] < 0 {
                    distance[Int(v)] = distance[u] + 1; queue.append(Int(v))
                }
            }
            let depth = distance.max()!
            let expected = (0 ... depth).map { k in (0 ..< graph.nodeCount).filter { distance[$0] == k } }
            #expect(result.rounds == expected, "\(name) removing \(x)")
        }
        let weighted = try ReferenceGraph(name).graph(weighted: true)
        let weightedModel = try CascadeModel(graph: weighted)
        #expect(try weightedModel.cascadeImpact(threshold: 0.5, parallel: true)
                == weightedModel.cascadeImpact(threshold: 0.5, parallel: false))
    }

    @Test("errors are values")
    func errors() throws {
        #expect(throws: CascadeError.nodeOutOfRange(node: 2, nodeCount: 2)) {
            try CascadeModel(nodeCount: 2, dependencies: [CascadeDependency(dependent: 0, dependency: 2, group: 0)])
        }
        #expect(throws: CascadeError.invalidWeight(record: 0, weight: -1)) {
            try CascadeModel(nodeCount: 2, dependencies: [CascadeDependency(dependent: 0, dependency: 1, group: 0, weight: -1)])
        }
        let model = try CascadeModel(nodeCount: 2, dependencies: [CascadeDependency(dependent: 0, dependency: 1, group: 0)])
        for bad in [0, 1.5, -0.1, .nan] {
            #expect(throws: CascadeError.self) { try model.run(removing: [1], threshold: bad) }
        }
        #expect(throws: CascadeError.nodeOutOfRange(node: -1, nodeCount: 2)) { try model.run(removing: [-1]) }
        #expect(throws: CascadeError.nodeOutOfRange(node: 5, nodeCount: 2)) { try model.cascadeImpact(consumers: [5]) }
        #expect(CascadeError.invalidThreshold(0).description.contains("(0, 1]"))
    }
}
