import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

@Suite("Reachability under removals")
struct ReachabilityTests {
    /// reach(C) without C, by a plain set-based search.
    static func naiveReach(_ graph: CSRGraph, _ c: Int, removedNodes: Set<Int> = [], removedEdges: Set<Int> = []) -> Set<Int> {
        var seen: Set<Int> = [c]
        var stack = [c]
        while let u = stack.popLast() {
            for arc in graph.outArcs(u) {
                let v = Int(graph.outTargets[arc])
                if removedNodes.contains(v) || removedEdges.contains(Int(graph.outEdges[arc])) { continue }
                if seen.insert(v).inserted { stack.append(v) }
            }
        }
        seen.remove(c)
        return seen
    }

    @Test("equal to naive searches on 200 random graphs with random removals; parallel equals serial")
    func againstNaive() throws {
        var generator = SeededGenerator(seed: 0x4EAC)
        for trial in 0 ..< 200 {
            let n = Int.random(in: 1 ... 30, using: &generator)
            let directed = trial % 4 != 0
            let graph = CutTestSupport.randomGraph(n: n, p: Double.random(in: 0.02 ... 0.3, using: &generator),
                                                   directed: directed, using: &generator)
            let removedNodes = (0 ..< n).filter { _ in Double.random(in: 0 ..< 1, using: &generator) < 0.1 }
            let removedEdges = (0 ..< graph.edgeCount).filter { _ in Double.random(in: 0 ..< 1, using: &generator) < 0.15 }
            var consumers = (0 ..< n).filter { _ in Double.random(in: 0 ..< 1, using: &generator) < 0.6 }
            if let c = consumers.first { consumers.append(c) }  // a repeat is answered again
            consumers.shuffle(using: &generator)
            let result = try graph.reachabilityLoss(consumers: consumers, removedNodes: removedNodes,
                                                    removedEdges: removedEdges, listLost: true, parallel: true)
            #expect(result == (try graph.reachabilityLoss(consumers: consumers, removedNodes: removedNodes,
                                                          removedEdges: removedEdges, listLost: true, parallel: false)))
            #expect(result.map(\.consumer) == consumers)
            for loss in result {
                let c = loss.consumer
                let before = Self.naiveReach(graph, c)
                #expect(loss.before == before.count, "trial \(trial) consumer \(c)")
                if removedNodes.contains(c) {
                    #expect(loss.isRemoved && loss.after == 0 && loss.lost == nil && loss.lostCount == 0)
                    continue
                }
                let after = Self.naiveReach(graph, c, removedNodes: Set(removedNodes), removedEdges: Set(removedEdges))
                #expect(!loss.isRemoved && loss.after == after.count, "trial \(trial) consumer \(c)")
                #expect(loss.lost == before.subtracting(after).sorted(), "trial \(trial) consumer \(c)")
                #expect(loss.lostCount == before.count - after.count)
            }
            // Without listLost, the same counts and no lists.
            let counts = try graph.reachabilityLoss(consumers: consumers, removedNodes: removedNodes, removedEdges: removedEdges)
            #expect(counts.map(\.after) == result.map(\.after) && counts.allSatisfy { $0.lost == nil })
        }
    }

    @Test("one removed node, all consumers: total loss = Σ_{C ≠ X} |reach(C)| - |reach_{G-X}(C)|", arguments: ReferenceGraph.names)
    func singleRemovalIdentity(name: String) throws {
        let graph = try ReferenceGraph(name).graph(weighted: false)
        let all = Array(0 ..< graph.nodeCount)
        for x in all {
            let total = try graph.reachabilityLoss(consumers: all, removedNodes: [x]).reduce(0) { $0 + $1.lostCount }
            var expected = 0
            for c in all where c != x {
                expected += Self.naiveReach(graph, c).count - Self.naiveReach(graph, c, removedNodes: [x]).count
            }
            #expect(total == expected, "\(name) removing \(x)")
        }
    }

    @Test("worked example: a chain loses everything past the removed node")
    func workedExample() throws {
        // 0 -> 1 -> 2 -> 3, and 0 -> 3 directly (edge id 1); 1 -> 1 self-loop.
        var builder = CSRGraphBuilder(nodeCount: 4, isDirected: true)
        for (u, v) in [(0, 1), (1, 2), (2, 3), (0, 3), (1, 1)] { try builder.addEdge(u, v) }
        let graph = builder.build()
        let loss = try graph.reachabilityLoss(consumers: [0, 1, 2], removedNodes: [2], listLost: true)
        #expect(loss == [
            ReachabilityLoss(consumer: 0, before: 3, after: 2, isRemoved: false, lost: [2]),
            ReachabilityLoss(consumer: 1, before: 2, after: 0, isRemoved: false, lost: [2, 3]),
            ReachabilityLoss(consumer: 2, before: 1, after: 0, isRemoved: true, lost: nil),
        ])
        let edgeLoss = try graph.reachabilityLoss(consumers: [0], removedEdges: [1], listLost: true)  // 0 -> 3
        #expect(edgeLoss == [ReachabilityLoss(consumer: 0, before: 3, after: 3, isRemoved: false, lost: [])])
        #expect(try graph.reachabilityLoss(consumers: []).isEmpty)
        #expect(throws: ReachabilityError.nodeOutOfRange(node: 4, nodeCount: 4)) { try graph.reachabilityLoss(consumers: [4]) }
        #expect(throws: ReachabilityError.nodeOutOfRange(node: -1, nodeCount: 4)) {
            try graph.reachabilityLoss(consumers: [0], removedNodes: [-1])
        }
        #expect(throws: ReachabilityError.edgeOutOfRange(edge: 5, edgeCount: 5)) {
            try graph.reachabilityLoss(consumers: [0], removedEdges: [5])
        }
    }

    @Test("removing an undirected edge removes both directions")
    func undirected() throws {
        var builder = CSRGraphBuilder(nodeCount: 3, isDirected: false)
        try builder.addEdge(0, 1)
        try builder.addEdge(1, 2)
        let graph = builder.build()
        let loss = try graph.reachabilityLoss(consumers: [0, 2], removedEdges: [1], listLost: true)
        #expect(loss.map(\.lost) == [[2], [0, 1]])
    }
}
