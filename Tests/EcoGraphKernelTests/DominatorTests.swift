import EcoGraphKernel
import EcoGraphTestSupport
import Foundation
import Testing

/// Helpers shared by the dominance-family tests (dominators, chokepoints, biconnectivity, strong cuts).
enum DominanceTestSupport {
    /// The reference graphs that are directed.
    static let directedNames = ["directed_cycles", "directed_random", "dag", "selfloops_directed"]

    static func expected(_ graph: String) throws -> [String: Any] {
        try expectedValues(family: "dominance", graph: graph)
    }

    /// A list of optional node indices (JSON `null` as -1).
    static func indices(_ value: Any?) -> [Int32] {
        (value as! [Any]).map { ($0 as? NSNumber).map { Int32($0.intValue) } ?? -1 }
    }

    static func ints(_ value: Any?) -> [Int] { (value as! [NSNumber]).map(\.intValue) }

    static func pairs(_ value: Any?) -> [[Int]] { (value as! [[NSNumber]]).map { $0.map(\.intValue) } }

    /// A small random graph: `n` in `1 ... maxNodes`, each ordered pair (self-loops included) an edge with a
    /// probability drawn per graph; sometimes a Hamiltonian cycle is added so strong components are large.
    static func randomGraph(seed: UInt64, maxNodes: Int = 11, directed: Bool = true) -> CSRGraph {
        var generator = SeededGenerator(seed: seed)
        let n = Int.random(in: 1 ... maxNodes, using: &generator)
        let p = Double.random(in: 0.05 ... 0.45, using: &generator)
        var builder = CSRGraphBuilder(nodeCount: n, isDirected: directed)
        for u in 0 ..< n {
            for v in 0 ..< n where Double.random(in: 0 ..< 1, using: &generator) < (u == v ? p / 3 : p) {
                try! builder.addEdge(u, v)
            }
        }
        if Int.random(in: 0 ..< 3, using: &generator) == 0 {
            let order = (0 ..< n).shuffled(using: &generator)
            for i in 0 ..< n where n > 1 { try! builder.addEdge(order[i], order[(i + 1) % n]) }
        }
        return builder.build()
    }

    /// The nodes reachable from `source` (itself included) avoiding `removedNode` and `removedEdge`,
    /// following out-arcs, or in-arcs when `backward`.
    static func reach(
        _ graph: CSRGraph, from source: Int, removedNode: Int = -1, removedEdge: Int = -1, backward: Bool = false
    ) -> Set<Int> {
        guard source != removedNode else { return [] }
        var seen: Set<Int> = [source]
        var stack = [source]
        while let u = stack.popLast() {
            let arcs = backward ? graph.inArcs(u) : graph.outArcs(u)
            for arc in arcs {
                let edge = Int(backward ? graph.inEdges[arc] : graph.outEdges[arc])
                let v = Int(backward ? graph.inSources[arc] : graph.outTargets[arc])
                if edge == removedEdge || v == removedNode || seen.contains(v) { continue }
                seen.insert(v)
                stack.append(v)
            }
        }
        return seen
    }

    /// The number of strongly connected components (connected components when undirected) of the graph
    /// minus a node or an edge, by mutual reachability.
    static func componentCount(_ graph: CSRGraph, removedNode: Int = -1, removedEdge: Int = -1) -> Int {
        let reaches = (0 ..< graph.nodeCount).map {
            reach(graph, from: $0, removedNode: removedNode, removedEdge: removedEdge)
        }
        var assigned = Set<Int>()
        var count = 0
        for u in 0 ..< graph.nodeCount where u != removedNode && !assigned.contains(u) {
            count += 1
            for v in reaches[u] where reaches[v].contains(u) { assigned.insert(v) }
        }
        return count
    }
}

@Suite struct DominatorTests {
    @Test(arguments: DominanceTestSupport.directedNames)
    func matchesNetworkX(name: String) throws {
        let graph = try ReferenceGraph(name).graph(weighted: false)
        let expected = try DominanceTestSupport.expected(name)
        let dominators = expected["immediate_dominators"] as! [String: Any]
        for (rootText, values) in dominators {
            let root = Int(rootText)!
            #expect(try graph.dominatorTree(from: root).immediateDominator == DominanceTestSupport.indices(values),
                    "\(name) from \(root)")
        }
        let postDominators = expected["immediate_post_dominators"] as! [String: Any]
        for (rootText, values) in postDominators {
            let root = Int(rootText)!
            #expect(try graph.postDominatorTree(to: root).immediateDominator == DominanceTestSupport.indices(values),
                    "\(name) towards \(root)")
        }
    }

    /// Undirected reference graphs: the tree from a node is the block-cut structure, checked by brute force.
    @Test(arguments: ReferenceGraph.names)
    func allReferenceGraphsByBruteForce(name: String) throws {
        let graph = try ReferenceGraph(name).graph(weighted: false)
        for root in Set([0, graph.nodeCount / 2, graph.nodeCount - 1]) {
            try Self.checkAgainstDefinition(graph, root: root)
        }
    }

    @Test func workedExample() throws {
        // NetworkX's docstring example: 1 -> 2 -> 5, 1 -> 3 -> 4 -> 5 (nodes 1...5 as 0...4).
        var builder = CSRGraphBuilder(nodeCount: 6, isDirected: true)
        for (u, v) in [(0, 1), (0, 2), (1, 4), (2, 3), (3, 4)] { try builder.addEdge(u, v) }
        let tree = try builder.build().dominatorTree(from: 0)
        #expect(tree.immediateDominator == [0, 0, 0, 2, 0, -1])
        #expect(tree.subtreeSize == [5, 1, 2, 1, 1, 0])
        #expect(tree.preorder == [0, 1, 4, 2, 3])
        #expect(tree.children(of: 0) == [1, 2, 4])
        #expect(tree.dominators(of: 3) == [3, 2, 0])
        #expect(tree.dominators(of: 5) == [])
        #expect(Set(tree.dominatedNodes(by: 2)) == [2, 3])
        #expect(tree.dominates(2, 3) && !tree.dominates(3, 2) && !tree.dominates(1, 4) && !tree.dominates(0, 5))
        #expect(tree.reachableCount == 5)
    }

    @Test func degenerateInputs() throws {
        let single = CSRGraphBuilder(nodeCount: 1, isDirected: true).build()
        let tree = try single.dominatorTree(from: 0)
        #expect(tree.immediateDominator == [0] && tree.subtreeSize == [1] && tree.preorder == [0])
        #expect(throws: CSRGraphError.nodeOutOfRange(node: 3, nodeCount: 1)) { try single.dominatorTree(from: 3) }
        #expect(throws: CSRGraphError.nodeOutOfRange(node: -1, nodeCount: 0)) {
            try CSRGraphBuilder(nodeCount: 0, isDirected: true).build().dominatorTree(from: -1)
        }
        // A self-loop at the root and elsewhere changes nothing.
        var builder = CSRGraphBuilder(nodeCount: 3, isDirected: true)
        for (u, v) in [(0, 0), (0, 1), (1, 1), (1, 2), (2, 2)] { try builder.addEdge(u, v) }
        #expect(try builder.build().dominatorTree(from: 0).immediateDominator == [0, 0, 1])
    }

    /// A long path and a long cycle: the iterative search and path compression must not recurse.
    @Test func deepGraphs() throws {
        let n = 200_000
        var builder = CSRGraphBuilder(nodeCount: n, isDirected: true)
        for v in 0 ..< n { try builder.addEdge(v, (v + 1) % n) }
        // Back edges from every node to node 1 make the semi-dominator paths long.
        for v in stride(from: 2, to: n, by: 7) { try builder.addEdge(v, 1) }
        let tree = try builder.build().dominatorTree(from: 0)
        #expect(tree.reachableCount == n)
        #expect(tree.immediateDominator[n - 1] == Int32(n - 2))
        #expect(tree.subtreeSize[1] == Int32(n - 1))
    }

    /// The definition: `d` dominates `t` iff `t` is unreachable from the root in `G - d` (for `d ≠ root`).
    @Test func bruteForceOnRandomDigraphs() throws {
        for seed in 1 ... 250 as ClosedRange<UInt64> {
            let graph = DominanceTestSupport.randomGraph(seed: seed, directed: seed % 10 != 0)
            for root in 0 ..< graph.nodeCount {
                try Self.checkAgainstDefinition(graph, root: root)
            }
            // Post-dominators are dominators of the reversal.
            let exit = Int(seed) % graph.nodeCount
            #expect(try graph.postDominatorTree(to: exit) == graph.reversed.dominatorTree(from: exit))
        }
    }

    static func checkAgainstDefinition(_ graph: CSRGraph, root: Int) throws {
        let tree = try graph.dominatorTree(from: root)
        let n = graph.nodeCount
        let reachable = DominanceTestSupport.reach(graph, from: root)
        #expect(Set(tree.preorder.map(Int.init)) == reachable)
        #expect(tree.preorder.first.map(Int.init) == root)
        // dominated[d]: the nodes d dominates.
        var dominated = [Set<Int>](repeating: [], count: n)
        for d in reachable {
            dominated[d] = d == root
                ? reachable : reachable.subtracting(DominanceTestSupport.reach(graph, from: root, removedNode: d))
        }
        for t in 0 ..< n {
            guard reachable.contains(t) else {
                #expect(tree.immediateDominator[t] == DominatorTree.unreachable)
                #expect(tree.subtreeSize[t] == 0 && tree.dominatedNodes(by: t).isEmpty)
                continue
            }
            let strict = Set(reachable.filter { $0 != t && dominated[$0].contains(t) })
            #expect(Set(tree.dominators(of: t).dropFirst()) == strict, "root \(root) node \(t)")
            if t == root {
                #expect(tree.immediateDominator[t] == Int32(root))
            } else {
                // The immediate dominator is the strict dominator that all others dominate.
                let idom = Int(tree.immediateDominator[t])
                #expect(strict.contains(idom) && strict.allSatisfy { dominated[$0].contains(idom) })
            }
            #expect(Set(tree.dominatedNodes(by: t).map(Int.init)) == dominated[t])
            #expect(Int(tree.subtreeSize[t]) == dominated[t].count)
            for d in reachable { #expect(tree.dominates(d, t) == dominated[d].contains(t)) }
        }
    }
}
