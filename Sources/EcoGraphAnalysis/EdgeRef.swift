import EcoGraphKernel

/// An edge in an analysis result, by node ids: `from -> to` (in the dependency view, `from` depends on `to`),
/// with the kind of the file edge behind it when the graph has edge kinds.
///
/// Results sort edges by `from`, then `to`, then kind.
public struct EdgeRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The source node's id.
    public var from: String
    /// The target node's id.
    public var to: String
    /// The edge's kind, when the graph has kinds (for a kernel edge that merges several file edges, the kind of
    /// the first of them in file order).
    public var kind: String?

    /// An edge between two ids.
    public init(from: String, to: String, kind: String? = nil) {
        self.from = from
        self.to = to
        self.kind = kind
    }

    /// The ids as a pair, `[from, to]`, as JSON results write an edge.
    public var ids: [String] { [from, to] }

    /// `from -> to`.
    public var description: String { "\(from) -> \(to)" }

    /// Orders by `from`, then `to`, then kind.
    public static func < (a: EdgeRef, b: EdgeRef) -> Bool {
        (a.from, a.to, a.kind ?? "") < (b.from, b.to, b.kind ?? "")
    }
}

extension LoadedGraph {
    /// Kernel edges (edge ids of `graph`) by the ids of their ends and their kinds, in the order given.
    /// - Complexity: `O(k)` without edge kinds; `O(k + m)` with them (one pass over the table's edges).
    public func edgeRefs(_ edges: [Int]) -> [EdgeRef] {
        edgeRefs(between: edges.map { (Int(graph.edgeSources[$0]), Int(graph.edgeTargets[$0])) })
    }

    /// Node pairs `(u, v)` as edges, with the kind of the first table edge `u -> v` (either way on an undirected
    /// graph, or with `eitherWay`) when the graph has kinds, in the order given.
    /// - Complexity: `O(k)` without edge kinds; `O(k + m)` with them.
    func edgeRefs(between pairs: [(Int, Int)], eitherWay: Bool = false) -> [EdgeRef] {
        guard let kinds = table.edgeKinds, !pairs.isEmpty else {
            return pairs.map { EdgeRef(from: id($0.0), to: id($0.1)) }
        }
        var first: [Pair: Int32] = [:]
        for (u, v) in pairs { first[Pair(u, v)] = -1 }
        for e in 0 ..< table.edgeCount {
            let u = Int(table.sources[e]), v = Int(table.targets[e])
            for key in graph.isDirected && !eitherWay ? [Pair(u, v)] : [Pair(u, v), Pair(v, u)] where first[key] == -1 {
                first[key] = kinds[e]
            }
        }
        return pairs.map { u, v in
            let code = first[Pair(u, v)] ?? -1
            return EdgeRef(from: id(u), to: id(v), kind: code >= 0 ? table.edgeKindNames[Int(code)] : nil)
        }
    }
}

/// A node pair as a dictionary key.
struct Pair: Hashable, Sendable {
    let u: Int32, v: Int32
    init(_ u: Int, _ v: Int) { self.u = Int32(truncatingIfNeeded: u); self.v = Int32(truncatingIfNeeded: v) }
}
