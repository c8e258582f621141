/// A partition of the nodes into components: `component[v]` is the component of node `v`, numbered
/// `0 ..< count` in order of each component's smallest node.
public struct Components: Sendable, Equatable {
    /// The component of each node.
    public let component: [Int32]
    /// The number of components.
    public let count: Int

    /// The nodes of each component, each list in increasing order.
    public var members: [[Int]] {
        var members = Array(repeating: [Int](), count: count)
        for (node, c) in component.enumerated() { members[Int(c)].append(node) }
        return members
    }

    /// The size of each component.
    public var sizes: [Int] {
        var sizes = Array(repeating: 0, count: count)
        for c in component { sizes[Int(c)] += 1 }
        return sizes
    }

    /// Renumbers an arbitrary labelling so that components are numbered by their smallest node.
    init(labels: [Int32]) {
        var renumber = [Int32](repeating: -1, count: labels.count)
        var next: Int32 = 0
        var component = [Int32](repeating: 0, count: labels.count)
        for v in labels.indices {
            let label = Int(labels[v])
            if renumber[label] < 0 { renumber[label] = next; next += 1 }
            component[v] = renumber[label]
        }
        self.component = component
        self.count = Int(next)
    }
}

extension CSRGraph {
    /// Weakly connected components (connected components for an undirected graph).
    ///
    /// Matches NetworkX's `weakly_connected_components` / `connected_components` as a partition.
    /// - Complexity: `O(n + m)` time, `O(n)` extra space (breadth-first search over out- and in-arcs).
    public func weaklyConnectedComponents() -> Components {
        var label = [Int32](repeating: -1, count: nodeCount)
        var queue = [Int32](repeating: 0, count: nodeCount)
        for root in 0 ..< nodeCount where label[root] < 0 {
            label[root] = Int32(root)
            queue[0] = Int32(root)
            var head = 0, tail = 1
            while head < tail {
                let u = Int(queue[head]); head += 1
                for v in successors(of: u) where label[Int(v)] < 0 {
                    label[Int(v)] = Int32(root); queue[tail] = v; tail += 1
                }
                if isDirected {
                    for v in predecessors(of: u) where label[Int(v)] < 0 {
                        label[Int(v)] = Int32(root); queue[tail] = v; tail += 1
                    }
                }
            }
        }
        return Components(labels: label)
    }

    /// Strongly connected components (Tarjan 1972, iterative: no recursion on user-sized graphs).
    ///
    /// For an undirected graph these are the connected components. Matches NetworkX's
    /// `strongly_connected_components` as a partition.
    /// - Complexity: `O(n + m)` time, `O(n)` extra space.
    public func stronglyConnectedComponents() -> Components {
        guard isDirected else { return weaklyConnectedComponents() }
        let n = nodeCount
        var index = [Int32](repeating: -1, count: n)
        var lowlink = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var label = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        // Call stack of (node, next arc position to look at).
        var callStack: [(node: Int, arc: Int)] = []
        var counter: Int32 = 0
        for root in 0 ..< n where index[root] < 0 {
            callStack.append((root, outOffsets[root]))
            index[root] = counter; lowlink[root] = counter; counter += 1
            stack.append(Int32(root)); onStack[root] = true
            while let (u, arc) = callStack.last {
                let end = outOffsets[u + 1]
                if arc < end {
                    callStack[callStack.count - 1].arc = arc + 1
                    let v = Int(outTargets[arc])
                    if index[v] < 0 {
                        index[v] = counter; lowlink[v] = counter; counter += 1
                        stack.append(Int32(v)); onStack[v] = true
                        callStack.append((v, outOffsets[v]))
                    } else if onStack[v] {
                        lowlink[u] = min(lowlink[u], index[v])
                    }
                    continue
                }
                callStack.removeLast()
                if let parent = callStack.last?.node { lowlink[parent] = min(lowlink[parent], lowlink[u]) }
                if lowlink[u] == index[u] {
                    while true {
                        let w = Int(stack.removeLast())
                        onStack[w] = false
                        label[w] = Int32(u)
                        if w == u { break }
                    }
                }
            }
        }
        return Components(labels: label)
    }
}
