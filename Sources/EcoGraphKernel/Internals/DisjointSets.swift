/// Disjoint sets over `0 ..< count` (union–find): union by size, path halving, so a sequence of `k`
/// operations costs `O(k α(n))` (Tarjan 1975).
///
/// Used by `CSRGraph.largestWeakComponentDecay(_:)`, which adds nodes and edges in reverse removal order once
/// per run of a robustness curve; it works on raw storage (no bounds or uniqueness checks in `find`), owned
/// here and freed with the value.
struct DisjointSets: ~Copyable {
    private let parent: UnsafeMutablePointer<Int32>
    private let size: UnsafeMutablePointer<Int32>
    private let count: Int

    /// `count` singletons.
    init(count: Int) {
        self.count = max(0, count)
        parent = .allocate(capacity: max(1, count))
        size = .allocate(capacity: max(1, count))
        for i in 0 ..< self.count { parent[i] = Int32(i) }
        size.initialize(repeating: 1, count: self.count)
    }

    deinit {
        parent.deallocate()
        size.deallocate()
    }

    /// The representative of `x`'s set (halving the path on the way); `x` in `0 ..< count`.
    func find(_ x: Int) -> Int {
        precondition(x >= 0 && x < count, "DisjointSets: \(x) is out of range 0..<\(count)")
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
    func union(_ a: Int, _ b: Int) -> Int {
        var ra = find(a), rb = find(b)
        if ra == rb { return Int(size[ra]) }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = Int32(ra)
        size[ra] += size[rb]
        return Int(size[ra])
    }
}
