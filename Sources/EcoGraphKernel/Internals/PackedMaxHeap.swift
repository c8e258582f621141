/// A binary max-heap of packed `UInt64` keys (a priority in the high word, a tie-break and an index in the
/// low word), without decrease-key: callers push a new entry when a priority changes and skip stale entries
/// when they pop them.
///
/// Used by the adaptive degree attack (`DegreeAttack.swift`) and by the bottleneck searches of the robustness
/// curves (`ReachabilityDecay.swift`).
struct PackedMaxHeap {
    private var items: [UInt64] = []

    var isEmpty: Bool { items.isEmpty }

    /// Empties the heap, keeping its storage.
    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    /// Adds an entry.
    /// - Complexity: `O(log size)`.
    mutating func push(_ entry: UInt64) {
        items.append(entry)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if items[parent] >= entry { break }
            items[i] = items[parent]
            i = parent
        }
        items[i] = entry
    }

    /// Removes and returns the largest entry, `nil` when empty.
    /// - Complexity: `O(log size)`.
    mutating func pop() -> UInt64? {
        guard let last = items.popLast() else { return nil }
        guard !items.isEmpty else { return last }
        let top = items[0]
        var i = 0
        let count = items.count
        while true {
            var child = 2 * i + 1
            if child >= count { break }
            if child + 1 < count && items[child + 1] > items[child] { child += 1 }
            if items[child] <= last { break }
            items[i] = items[child]
            i = child
        }
        items[i] = last
        return top
    }
}
