// Dominator trees of flow graphs (semi-NCA), shared by the chokepoint and strong-connectivity families.
//
// The public surface is `DominatorTree` and `CSRGraph.dominatorTree(from:)`; the work happens in
// `DominatorWorkspace`, a flat, preallocated workspace that the per-consumer loop of `Chokepoints.swift` reuses
// for all consumers of a partition, clearing only what the previous run touched. The unsafe pointer code of
// the dominance family is confined to this file.

/// The dominator tree of a flow graph: a graph and a root.
///
/// Node `d` *dominates* node `t` when every path from the root to `t` passes through `d` (every node
/// dominates itself; only nodes reachable from the root are considered). The *immediate dominator* of a
/// reachable `t != root` is its closest strict dominator; these links form a tree rooted at the root, and
/// `d` dominates `t` exactly when `d` is an ancestor of `t` in it. In the dependency view (`u -> v`: `u`
/// depends on `v`) the subtree of `d` in the tree from consumer `c` is what `c` loses if `d` disappears.
///
/// Post-dominators are the dominators of the reversed graph: `graph.reversed.dominatorTree(from: exit)`
/// (`postDominatorTree(to:)`).
///
/// - SeeAlso: NetworkX `immediate_dominators(G, start)` (whose dict leaves out `start`; here
///   `immediateDominator[root] == root`, as NetworkX before 3.5 did).
public struct DominatorTree: Sendable, Equatable {
    /// The marker of nodes the root does not reach, in `immediateDominator`.
    public static let unreachable: Int32 = -1

    /// The root of the flow graph.
    public let root: Int
    /// The immediate dominator of each node, by node index: the root's is the root itself, and a node the
    /// root does not reach has `DominatorTree.unreachable` (-1).
    public let immediateDominator: [Int32]
    /// The nodes the root reaches, in depth-first preorder from the root (arcs taken in CSR order, so by
    /// increasing target). The root comes first, and every node comes after its immediate dominator.
    public let preorder: [Int32]
    /// The size of each node's subtree in the dominator tree, by node index: the number of nodes it
    /// dominates, itself included. 0 for an unreachable node; the root's is `preorder.count`.
    public let subtreeSize: [Int32]
    /// The reachable nodes in a preorder of the dominator tree itself: the subtree of `d` is the slice
    /// `treeOrder[treePosition[d] ..< treePosition[d] + subtreeSize[d]]`.
    public let treeOrder: [Int32]
    /// The position of each node in `treeOrder`, -1 for an unreachable node.
    public let treePosition: [Int32]

    /// The number of nodes the root reaches (the root included).
    public var reachableCount: Int { preorder.count }

    /// Whether the root reaches `node`.
    public func isReachable(_ node: Int) -> Bool { immediateDominator[node] >= 0 }

    /// Whether `dominator` dominates `node` (both reachable; a node dominates itself). `false` when either
    /// is unreachable.
    ///
    /// - Complexity: `O(1)` (an interval test on `treePosition`).
    public func dominates(_ dominator: Int, _ node: Int) -> Bool {
        let d = Int(treePosition[dominator]), t = Int(treePosition[node])
        guard d >= 0, t >= 0 else { return false }
        return d <= t && t < d + Int(subtreeSize[dominator])
    }

    /// The dominators of `node`, from `node` itself up to the root (empty when unreachable).
    ///
    /// - Complexity: `O(depth of node in the dominator tree)`.
    public func dominators(of node: Int) -> [Int] {
        guard isReachable(node) else { return [] }
        var chain = [node]
        var current = node
        while current != root {
            current = Int(immediateDominator[current])
            chain.append(current)
        }
        return chain
    }

    /// The nodes `node` dominates, itself included, in a preorder of the dominator tree (empty when
    /// unreachable). With the root a consumer, these are the nodes it can no longer reach without `node`.
    ///
    /// - Complexity: `O(1)` (a slice of `treeOrder`).
    public func dominatedNodes(by node: Int) -> ArraySlice<Int32> {
        let start = Int(treePosition[node])
        guard start >= 0 else { return [] }
        return treeOrder[start ..< start + Int(subtreeSize[node])]
    }

    /// The children of `node` in the dominator tree (the nodes it immediately dominates), increasing.
    ///
    /// - Complexity: `O(subtreeSize[node])`.
    public func children(of node: Int) -> [Int] {
        guard isReachable(node) else { return [] }
        var result: [Int] = []
        var position = Int(treePosition[node]) + 1
        let end = Int(treePosition[node]) + Int(subtreeSize[node])
        while position < end {
            let child = Int(treeOrder[position])
            result.append(child)
            position += Int(subtreeSize[child])
        }
        return result.sorted()
    }
}

extension CSRGraph {
    /// The dominator tree of the flow graph from `root`, over the nodes `root` reaches.
    ///
    /// Semi-NCA (Georgiadis's SNCA): an iterative depth-first search numbers the reachable nodes; semi-
    /// dominators are computed in reverse preorder with iterative path compression (Lengauer and Tarjan's
    /// `eval` without balanced linking), then each immediate dominator is the nearest common ancestor of
    /// the node's DFS parent and its semi-dominator, found by walking up the partial dominator tree.
    /// Self-loops never matter; an undirected graph is read with each edge both ways.
    ///
    /// - Throws: `CSRGraphError.nodeOutOfRange` when `root` is not a node.
    /// - Complexity: `O(r + a log r)` for the search and path compression plus the NCA walks, where the
    ///   root reaches `r` nodes with `a` out-arcs among them (in-arcs are never read); the walks are `O(r²)`
    ///   in the worst case but short in practice (Georgiadis, Tarjan and Werneck measure SNCA as the
    ///   fastest method on real flow graphs). `O(n + a)` extra space, `O(n)` for the result.
    /// - SeeAlso: L. Georgiadis, R. E. Tarjan, R. F. Werneck, "Finding dominators in practice", JGAA 10(1)
    ///   2006; T. Lengauer, R. E. Tarjan, "A fast algorithm for finding dominators in a flowgraph", TOPLAS
    ///   1979; NetworkX `immediate_dominators`.
    public func dominatorTree(from root: Int) throws(CSRGraphError) -> DominatorTree {
        guard root >= 0, root < nodeCount else { throw .nodeOutOfRange(node: root, nodeCount: nodeCount) }
        return dominatorTree(uncheckedRoot: root)
    }

    /// `dominatorTree(from:)` for a root known to be a node.
    func dominatorTree(uncheckedRoot root: Int) -> DominatorTree {
        var workspace = DominatorWorkspace(nodeCount: nodeCount)
        withDominanceView { view in workspace.run(from: root, view) }
        return workspace.tree(root: root, nodeCount: nodeCount)
    }

    /// The post-dominator tree towards `exit`: the dominator tree of the reversed graph from `exit`.
    ///
    /// `d` post-dominates `t` when every path from `t` to `exit` passes through `d`; only nodes that reach
    /// `exit` are in the tree. In the dependency view, the post-dominators of `t` towards provider `p` are
    /// the nodes every dependency chain from `t` to `p` goes through.
    ///
    /// - Throws: `CSRGraphError.nodeOutOfRange` when `exit` is not a node.
    /// - Complexity: as `dominatorTree(from:)`.
    public func postDominatorTree(to exit: Int) throws(CSRGraphError) -> DominatorTree {
        try reversed.dominatorTree(from: exit)
    }

    /// Calls `body` with unsafe views of the adjacency arrays a dominator computation reads.
    func withDominanceView<Result>(_ body: (DominanceView) -> Result) -> Result {
        outOffsets.withUnsafeBufferPointer { outOffsets in
            outTargets.withUnsafeBufferPointer { outTargets in
                body(DominanceView(outOffsets: outOffsets, outTargets: outTargets))
            }
        }
    }
}

/// Read-only unsafe views of a graph's out-adjacency, valid inside `CSRGraph.withDominanceView`.
///
/// Only out-arcs are read: the predecessors a flow graph needs are those among the reached nodes, which the
/// search records as it crosses their arcs.
struct DominanceView {
    let outOffsets: UnsafeBufferPointer<Int>
    let outTargets: UnsafeBufferPointer<Int32>
}

/// A reusable workspace for semi-NCA dominator trees from one root at a time.
///
/// Every array but `number` is indexed by DFS preorder number (`0 ..< reached`, 0 the root) and fully
/// rewritten by each run; `number` (by node) is cleared at the start of the next run, only at the `reached`
/// nodes the previous run numbered. Predecessors are not read from the graph's in-adjacency (a base library
/// has tens of thousands of reverse dependencies, nearly all unreached) but collected from the out-arcs the
/// search crosses. A run from a root that reaches `r` nodes with `a` out-arcs among them therefore costs
/// `O(r + a log r)` (see `dominatorTree(from:)`), independent of the size of the graph.
///
/// - Complexity: memory `52 n` bytes plus `12` bytes per arc of the largest reach seen (grown on demand).
struct DominatorWorkspace: ~Copyable {
    /// The preorder number of each node reached by the last run, -1 elsewhere.
    let number: UnsafeMutablePointer<Int32>
    /// The node of each preorder number.
    let vertex: UnsafeMutablePointer<Int32>
    /// The DFS parent of each number (the root's is 0).
    let parent: UnsafeMutablePointer<Int32>
    /// The semi-dominator of each number.
    let semi: UnsafeMutablePointer<Int32>
    /// The smallest semi-dominator on the compressed path from a number up to (excluding) `ancestor`.
    let label: UnsafeMutablePointer<Int32>
    /// The compressed-path link of each number.
    let ancestor: UnsafeMutablePointer<Int32>
    /// The immediate dominator of each number, as a number (the root's is 0).
    let idom: UnsafeMutablePointer<Int32>
    /// The dominator subtree size of each number.
    let size: UnsafeMutablePointer<Int32>
    /// The DFS stack of nodes, reused as the path-compression stack.
    private let stack: UnsafeMutablePointer<Int32>
    /// The next arc position to look at, for each DFS stack level.
    private let cursor: UnsafeMutablePointer<Int>
    /// Where each number's predecessors start in `predecessors` (`reached + 1` entries used).
    private let predecessorStart: UnsafeMutablePointer<Int>
    /// The arcs among reached nodes, as (source number, target number), in DFS order; then the
    /// predecessors of each number, grouped by `predecessorStart`. Grown on demand (`arcCapacity`).
    private var arcSource: UnsafeMutablePointer<Int32>
    private var arcTarget: UnsafeMutablePointer<Int32>
    private var predecessors: UnsafeMutablePointer<Int32>
    private var arcCapacity: Int
    /// The number of nodes the last run reached.
    private(set) var reached = 0

    init(nodeCount: Int) {
        let capacity = max(1, nodeCount)
        number = .allocate(capacity: capacity)
        number.initialize(repeating: -1, count: capacity)
        vertex = .allocate(capacity: capacity)
        parent = .allocate(capacity: capacity)
        semi = .allocate(capacity: capacity)
        label = .allocate(capacity: capacity)
        ancestor = .allocate(capacity: capacity)
        idom = .allocate(capacity: capacity)
        size = .allocate(capacity: capacity)
        stack = .allocate(capacity: capacity)
        cursor = .allocate(capacity: capacity)
        predecessorStart = .allocate(capacity: capacity + 1)
        arcCapacity = 1024
        arcSource = .allocate(capacity: arcCapacity)
        arcTarget = .allocate(capacity: arcCapacity)
        predecessors = .allocate(capacity: arcCapacity)
    }

    deinit {
        number.deallocate()
        vertex.deallocate()
        parent.deallocate()
        semi.deallocate()
        label.deallocate()
        ancestor.deallocate()
        idom.deallocate()
        size.deallocate()
        stack.deallocate()
        cursor.deallocate()
        predecessorStart.deallocate()
        arcSource.deallocate()
        arcTarget.deallocate()
        predecessors.deallocate()
    }

    /// Doubles the arc buffers, keeping the first `count` recorded arcs.
    private mutating func growArcs(keeping count: Int) {
        let capacity = 2 * arcCapacity
        let source = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        let target = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        source.update(from: arcSource, count: count)
        target.update(from: arcTarget, count: count)
        arcSource.deallocate()
        arcTarget.deallocate()
        predecessors.deallocate()
        arcSource = source
        arcTarget = target
        predecessors = .allocate(capacity: capacity)
        arcCapacity = capacity
    }

    /// Computes the dominator tree from `root`: afterwards `vertex[0 ..< reached]` are the reached nodes in
    /// preorder, `idom` and `size` the tree by number.
    mutating func run(from root: Int, _ view: DominanceView) {
        // Clear what the previous run touched.
        for i in 0 ..< reached { number[Int(vertex[i])] = -1 }

        // 1. Iterative depth-first search: preorder numbers, DFS parents.
        var count: Int32 = 1
        number[root] = 0
        vertex[0] = Int32(truncatingIfNeeded: root)
        parent[0] = 0
        //    Every arc leaving a reached node is recorded by number: the predecessors that matter are the
        //    reached ones, and reading a node's whole in-adjacency instead would cost its in-degree (in a
        //    dependency graph, tens of thousands of reverse dependencies of a base library).
        var depth = 1
        var arcs = 0
        stack[0] = Int32(truncatingIfNeeded: root)
        cursor[0] = view.outOffsets[root]
        while depth > 0 {
            let u = Int(stack[depth - 1])
            let arc = cursor[depth - 1]
            if arc < view.outOffsets[u + 1] {
                cursor[depth - 1] = arc + 1
                let v = Int(view.outTargets[arc])
                if v == u { continue }  // self-loops never matter
                let from = number[u]
                var to = number[v]
                if to < 0 {
                    to = count
                    number[v] = count
                    vertex[Int(count)] = Int32(truncatingIfNeeded: v)
                    parent[Int(count)] = from
                    count += 1
                    stack[depth] = Int32(truncatingIfNeeded: v)
                    cursor[depth] = view.outOffsets[v]
                    depth += 1
                }
                if arcs == arcCapacity { growArcs(keeping: arcs) }
                arcSource[arcs] = from
                arcTarget[arcs] = to
                arcs += 1
            } else {
                depth -= 1
            }
        }
        let r = Int(count)
        reached = r
        // Group the recorded arcs by target number (a counting sort).
        for i in 0 ... r { predecessorStart[i] = 0 }
        for k in 0 ..< arcs { predecessorStart[Int(arcTarget[k]) + 1] += 1 }
        for i in 0 ..< r { predecessorStart[i + 1] += predecessorStart[i] }
        for k in 0 ..< arcs {
            let t = Int(arcTarget[k])
            predecessors[predecessorStart[t]] = arcSource[k]
            predecessorStart[t] += 1
        }
        // predecessorStart[t] now holds the end of t's group, which is the start of t + 1's.
        var i = r
        while i > 0 { predecessorStart[i] = predecessorStart[i - 1]; i -= 1 }
        predecessorStart[0] = 0

        // 2. Semi-dominators in reverse preorder. A number `x > i` has been processed and linked to its
        //    parent (`ancestor[x] = parent[x]` initially); `label[x] = semi[x]` once processed.
        for i in 0 ..< r {
            ancestor[i] = parent[i]
            label[i] = Int32(truncatingIfNeeded: i)
        }
        i = r - 1
        while i >= 1 {
            var s = parent[i]
            let current = Int32(truncatingIfNeeded: i)
            for k in predecessorStart[i] ..< predecessorStart[i + 1] {
                let v = predecessors[k]
                let candidate: Int32
                if v <= current {
                    candidate = v
                } else {
                    compress(Int(v), above: current)
                    candidate = label[Int(v)]
                }
                if candidate < s { s = candidate }
            }
            semi[i] = s
            label[i] = s
            i -= 1
        }

        // 3. Immediate dominators: the nearest common ancestor of parent and semi-dominator, in preorder.
        idom[0] = 0
        semi[0] = 0
        if r > 1 {
            for i in 1 ..< r {
                var d = parent[i]
                let s = semi[i]
                while d > s { d = idom[Int(d)] }
                idom[i] = d
            }
        }

        // 4. Subtree sizes: an immediate dominator precedes its nodes in preorder.
        for i in 0 ..< r { size[i] = 1 }
        i = r - 1
        while i >= 1 {
            size[Int(idom[i])] += size[i]
            i -= 1
        }
    }

    /// Path compression (Lengauer–Tarjan `eval`), iterative: afterwards `ancestor[v] <= current` and
    /// `label[v]` is the smallest semi-dominator on the tree path from `v` up to, excluding, its first
    /// ancestor numbered `<= current`. Precondition: `v > current`.
    @inline(__always)
    private func compress(_ v: Int, above current: Int32) {
        var top = 0
        var x = v
        while ancestor[x] > current {
            stack[top] = Int32(truncatingIfNeeded: x)
            top += 1
            x = Int(ancestor[x])
        }
        while top > 0 {
            top -= 1
            let y = Int(stack[top])
            let a = Int(ancestor[y])
            if label[a] < label[y] { label[y] = label[a] }
            ancestor[y] = ancestor[a]
        }
    }

    /// The public tree of the last run.
    func tree(root: Int, nodeCount n: Int) -> DominatorTree {
        let r = reached
        var immediateDominator = [Int32](repeating: DominatorTree.unreachable, count: n)
        var subtreeSize = [Int32](repeating: 0, count: n)
        var treePosition = [Int32](repeating: -1, count: n)
        var treeOrder = [Int32](repeating: 0, count: r)
        var preorder = [Int32](repeating: 0, count: r)
        // Tree preorder without a stack: a node's children get consecutive blocks after it, sized by their
        // subtrees; DFS preorder visits every node after its immediate dominator.
        var nextFree = [Int32](repeating: 0, count: r)
        for i in 0 ..< r {
            let node = Int(vertex[i])
            preorder[i] = vertex[i]
            immediateDominator[node] = vertex[Int(idom[i])]
            subtreeSize[node] = size[i]
            let position: Int32
            if i == 0 {
                position = 0
            } else {
                let d = Int(idom[i])
                position = nextFree[d]
                nextFree[d] += size[i]
            }
            nextFree[i] = position + 1
            treePosition[node] = position
            treeOrder[Int(position)] = vertex[i]
        }
        return DominatorTree(
            root: root, immediateDominator: immediateDominator, preorder: preorder,
            subtreeSize: subtreeSize, treeOrder: treeOrder, treePosition: treePosition)
    }
}
