/// Which facts of an ecosystem an analysis reads: those alive on a day (`asOf`), at least as confident as
/// a floor, stated rather than inferred. A node that is left out takes its edges with it; an OR-group
/// (`alternatives`) keeps the members that stay.
///
/// The default keeps every fact: the whole record, where only restrictions that were `lifted` are not in
/// force.
public struct FactFilter: Sendable, Hashable {
    /// The day the map is read as of: only facts alive then, only restrictions in force then. `nil`: the
    /// whole record.
    public var asOf: EcoDate?
    /// Facts (nodes and edges) with a lower confidence are left out.
    public var minConfidence: Double
    /// Whether facts marked `inferred` are left out.
    public var excludeInferred: Bool

    /// A filter; by default it keeps everything.
    public init(asOf: EcoDate? = nil, minConfidence: Double = 0, excludeInferred: Bool = false) {
        self.asOf = asOf
        self.minConfidence = minConfidence
        self.excludeInferred = excludeInferred
    }

    /// The filter that keeps every fact.
    public static let everything = FactFilter()

    /// Whether the filter keeps every fact of any ecosystem.
    public var keepsEverything: Bool { asOf == nil && minConfidence <= 0 && !excludeInferred }

    /// Why a node is left out, or `nil` when it is kept.
    public func exclusion(of node: EcosystemNode) -> FactExclusion? {
        if let asOf, !node.lifetime.contains(asOf) { return .notAlive(node.lifetime, asOf) }
        if node.confidence < minConfidence { return .belowConfidence(node.confidence) }
        if excludeInferred && node.inferred { return .inferred }
        return nil
    }

    /// Why an edge is left out on its own account (its ends aside), or `nil` when it is kept.
    public func exclusion(of edge: EcosystemEdge) -> FactExclusion? {
        if let asOf {
            if !edge.lifetime.contains(asOf) { return .notAlive(edge.lifetime, asOf) }
            if let lifted = edge.lifted, lifted.firstDay <= asOf.firstDay { return .lifted(lifted) }
        }
        if edge.confidence < minConfidence { return .belowConfidence(edge.confidence) }
        if excludeInferred && edge.inferred { return .inferred }
        return nil
    }
}

/// Why a filter leaves a fact out.
public enum FactExclusion: Sendable, Hashable, CustomStringConvertible {
    /// The fact is not alive on the day (its lifetime, the day).
    case notAlive(Lifetime, EcoDate)
    /// The restriction was lifted on or before the day.
    case lifted(EcoDate)
    /// The fact's confidence is below the floor.
    case belowConfidence(Double)
    /// The fact is inferred and inferred facts are left out.
    case inferred
    /// An end of the edge is left out (its id, and why).
    indirect case endpoint(String, FactExclusion)

    /// The reason in words: "not yet in force on 2022-01-01 (since 2023-10-17)", "lifted on 2025-04-28".
    public var description: String {
        switch self {
        case .notAlive(let lifetime, let day):
            if let since = lifetime.since, day.firstDay < since.firstDay { "not yet in effect on \(day) (since \(since))" }
            else if let until = lifetime.until { "no longer in effect on \(day) (until \(until))" }
            else { "not in effect on \(day)" }
        case .lifted(let day): "lifted on \(day)"
        case .belowConfidence(let confidence): "confidence \(FactExclusion.format(confidence)) is below the floor"
        case .inferred: "inferred, and inferred facts are excluded"
        case .endpoint(let id, let reason): "'\(id)' is left out: \(reason)"
        }
    }

    private static func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}

extension EcosystemEdge {
    /// Whether a restriction is in force on a day, as far as its own dates say: alive then and not lifted by
    /// then. Without a day (the whole record), whether it was never lifted.
    public func isInForce(on day: EcoDate?) -> Bool {
        guard let day else { return lifted == nil }
        return lifetime.contains(day) && (lifted.map { day.firstDay < $0.firstDay } ?? true)
    }

    /// The lifetime with a lifting as its end: when the edge is in force.
    public var effectiveLifetime: Lifetime {
        guard let lifted else { return lifetime }
        return lifetime.clamped(to: Lifetime(until: lifted))
    }
}

extension Ecosystem {
    /// The ecosystem with only the facts a filter keeps, in the same order; references and kinds stay.
    /// With `asOf`, this is the map as it stood that day.
    /// - Complexity: `O(n + m)`.
    public func filtered(_ filter: FactFilter) -> Ecosystem {
        guard !filter.keepsEverything else { return self }
        var result = self
        result.nodes = nodes.filter { filter.exclusion(of: $0) == nil }
        let kept = Set(result.nodes.map(\.id))
        result.edges = edges.filter { filter.exclusion(of: $0) == nil && kept.contains($0.from) && kept.contains($0.to) }
        return result
    }

    /// The map as it stood on a day: `filtered(FactFilter(asOf: day))`.
    public func snapshot(on day: EcoDate) -> Ecosystem { filtered(FactFilter(asOf: day)) }

    /// Why a filter leaves an edge out, its ends included, or `nil` when it is kept.
    /// - Complexity: `O(n)` for the ends' look-up.
    public func exclusion(ofEdge index: Int, by filter: FactFilter) -> FactExclusion? {
        let edge = edges[index]
        if let reason = filter.exclusion(of: edge) { return reason }
        for end in [edge.from, edge.to] {
            if let node = nodes.first(where: { $0.id == end }), let reason = filter.exclusion(of: node) {
                return .endpoint(end, reason)
            }
        }
        return nil
    }

    /// Every date the ecosystem names in a lifetime or a lifting, sorted, without repeats: the days on
    /// which its map can change.
    public var changeDates: [EcoDate] {
        var dates = Set<EcoDate>()
        for node in nodes { if let d = node.lifetime.since { dates.insert(d) }; if let d = node.lifetime.until { dates.insert(d) } }
        for edge in edges {
            if let d = edge.lifetime.since { dates.insert(d) }
            if let d = edge.lifetime.until { dates.insert(d) }
            if let d = edge.lifted { dates.insert(d) }
        }
        return dates.sorted()
    }
}
