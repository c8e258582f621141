/// Disjoint sets over `0 ..< count` (union–find): union by size, path halving, so a sequence of `k`
/// operations costs `O(k α(n))` (Tarjan 1975).
///
/// Used by `CSRGraph.largestWeakComponentDecay(_:)`, which adds nodes and edges in reverse removal order.
struct DisjointSets {
    private var parent: [Int32]
    private var size: [Int32]

    /// `count` singletons.
    init(count: Int) {
        parent = (0 ..< count).map { Int32($0) }
        size = [Int32](repeating: 1, count: count)
    }

    /// The representative of `x`'s set (halving the path on the way).
    mutating func find(_ x: Int) -> Int {
        var x = x
        while Int(parent[x]) != x {
            let grandparent = parent[Int(parent[x])]
            parent[x] = grandparent
            x = Int(grandparent)
        }
        return x
    }

    /// Joins the sets of `a` and `b`; returns the size of the joined set.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Int {
        var ra = find(a), rb = find(b)
        if ra == rb { return Int(size[ra]) }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = Int32(ra)
        size[ra] += size[rb]
        return Int(size[ra])
    }
}
