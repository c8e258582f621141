import Dispatch

/// Spreads per-source work (one BFS or Dijkstra per source) over all cores, deterministically.
///
/// The sources are dealt round-robin into a fixed number of partitions, independent of the machine's core
/// count; each partition runs its sources in increasing order into its own partial result and workspace,
/// and the caller combines the partials in partition order. A serial run walks the same partitions one
/// after another, so parallel and serial runs give bit-for-bit identical results on any machine.
public enum SourcePartitions {
    /// Number of partitions: enough to balance a few cores, few enough that one partial result per
    /// partition (typically `n` doubles) stays small.
    public static let count = 8

    /// Runs `body(partition, sources)` for each partition, in parallel when `parallel` is set, and returns
    /// the partials in partition order.
    ///
    /// - Parameters:
    ///   - sources: the sources to process, in the order a serial run would take them.
    ///   - body: processes the sources of one partition (a strided slice of `sources`) into a partial result.
    public static func map<Partial>(
        sources: [Int], parallel: Bool = true,
        _ body: (_ partitionSources: StrideSlice) -> Partial
    ) -> [Partial] {
        let partitions = max(1, min(count, sources.count))
        return withoutActuallyEscaping(body) { body in
            let slots = Slots<Partial>(count: partitions)
            let work = UncheckedSendable(body)
            let run = { @Sendable (p: Int) in
                slots.store(p, work.value(StrideSlice(base: sources, start: p, step: partitions)))
            }
            if parallel && partitions > 1 {
                DispatchQueue.concurrentPerform(iterations: partitions, execute: run)
            } else {
                for p in 0 ..< partitions { run(p) }
            }
            return slots.values()
        }
    }

    /// The sources `start, start + step, ...` of a list.
    public struct StrideSlice: Sequence, Sendable {
        let base: [Int]
        let start: Int
        let step: Int
        /// The number of sources in the slice.
        public var count: Int { base.count > start ? (base.count - start + step - 1) / step : 0 }
        /// The sources, in order.
        public func makeIterator() -> some IteratorProtocol<Int> {
            stride(from: start, to: base.count, by: step).lazy.map { [base] in base[$0] }.makeIterator()
        }
    }
}

/// One slot per partition, each written by exactly one task.
/// (A raw buffer rather than an array property: concurrent writes to distinct elements of a class's array
/// property would trip Swift's dynamic exclusivity checks.)
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>
    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    func store(_ index: Int, _ value: Value) { storage[index] = value }
    func values() -> [Value] { storage.map { $0! } }
}

struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
