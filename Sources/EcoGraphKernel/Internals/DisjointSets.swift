/// Disjoint sets over `0 ..< count` (union–find): union by size, path halving, so a sequence of `k`
/// operations costs `O(k α(n))` (Tarjan 1975).
///
/// One array: `link[x]` is `x`'s parent, or, for a root, minus the size of its set (half the memory of a parent
/// and a size array, which matters when every run of a robustness curve walks it at random). Used by
/// `CSRGraph.largestWeakComponentDecay(_:)`, which adds nodes and edges in reverse removal order; it works on
/// raw storage (no bounds or uniqueness checks in `find`), owned here and freed with the value.
struct DisjointSets: ~Copyable {
    private let link: UnsafeMutablePointer<Int32>
    private let count: Int

    /// `count` singletons.
    init(count: Int) {
        self.count = max(0, count)
        link = .allocate(capacity: max(1, count))
        link.initialize(repeating: -1, count: self.count)
    }

    deinit { link.deallocate() }

    /// The representative of `x`'s set (halving the path on the way); `x` in `0 ..< count`.
    func find(_ x: Int) -> Int {
        precondition(x >= 0 && x < count, "DisjointSets: \(x) is out of range 0..<\(count)")
        var x = x
        while link[x] >= 0 {
            let parent = Int(link[x])
            let grandparent = link[parent]
            if grandparent < 0 { return parent }
            link[x] = grandparent
            x = Int(grandparent)
        }
        return x
    }

    /// The size of the set whose representative is `root`.
    func size(ofRoot root: Int) -> Int { Int(-link[root]) }

    /// Joins the sets of two representatives (`find` results); returns the joined set's representative.
    func union(roots a: Int, _ b: Int) -> Int {
        if a == b { return a }
        let (big, small) = link[a] <= link[b] ? (a, b) : (b, a)  // sizes are negated: smaller is bigger
        link[big] += link[small]
        link[small] = Int32(big)
        return big
    }

    /// Joins the sets of `a` and `b`; returns the size of the joined set.
    @discardableResult
    func union(_ a: Int, _ b: Int) -> Int {
        size(ofRoot: union(roots: find(a), find(b)))
    }
}
