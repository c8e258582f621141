import EcoGraphKernel

/// What a timeline follows: chokepoint impact, or a node measure of the measure table.
public enum TimelineMeasure: Sendable, Hashable, CustomStringConvertible {
    /// Chokepoint impact (`ChokepointEntry.impact`): under the reach model the (consumer, provider) pairs lost
    /// if the node disappears, under the cascade model the consumers that fail.
    case impact
    /// A centrality measure that scores nodes (edge betweenness scores edges, so a timeline cannot follow it).
    case centrality(CentralityMeasure)

    /// The measure a name spells: `impact`, or a centrality measure's name (`pagerank`, `in-degree`, ...).
    public init?(name: String) {
        if name == "impact" { self = .impact } else if let measure = CentralityMeasure(rawValue: name) { self = .centrality(measure) } else { return nil }
    }

    /// The measure's name as `init(name:)` reads it.
    public var name: String {
        switch self {
        case .impact: "impact"
        case .centrality(let measure): measure.rawValue
        }
    }

    /// The measure's name in reports (`Chokepoint impact`, `PageRank`).
    public var displayName: String {
        switch self {
        case .impact: "Chokepoint impact"
        case .centrality(let measure): measure.displayName
        }
    }

    /// `name`.
    public var description: String { name }

    /// Every measure a timeline can follow: impact, then the node measures in the measure table's order.
    public static var all: [TimelineMeasure] {
        [.impact] + CentralityMeasure.allCases.filter { !$0.scoresEdges }.map { .centrality($0) }
    }
}

/// How a timeline computes its measure.
public struct TimelineOptions: Sendable, Equatable {
    /// The options of a centrality measure (their `parallel` is decided by `parallel` below).
    public var centrality: CentralityOptions
    /// Consumers, providers and model of chokepoint impact. Selections are resolved once, on the whole record
    /// (see `LoadedGraph.timeline(measure:dates:options:)`); `detailLimit` is not read.
    public var dependency: ChokepointOptions
    /// Use all cores: dates in parallel when there are two snapshots or more to compute, else the measure's
    /// own parallel kernel. The result is the same either way.
    public var parallel: Bool

    /// Options; NetworkX's defaults for centrality, every node a consumer and a provider under the reach model.
    public init(centrality: CentralityOptions = .init(), dependency: ChokepointOptions = .init(), parallel: Bool = true) {
        self.centrality = centrality
        self.dependency = dependency
        self.parallel = parallel
    }
}

/// A node's value and rank on one date.
public struct TimelinePoint: Sendable, Equatable {
    /// The measure's value (impact as a whole number).
    public var value: Double
    /// Competition rank ("1224") among the nodes alive that day: 1 + the number of them with a strictly
    /// higher value.
    public var rank: Int

    /// A point.
    public init(value: Double, rank: Int) {
        self.value = value
        self.rank = rank
    }
}

/// A node followed over a timeline.
public struct TimelineNode: Sendable, Equatable {
    /// The node's id.
    public var id: String
    /// The node's label.
    public var label: String
    /// The node's kind, for typed ecosystems.
    public var kind: String?
    /// The node's value and rank on each date, by date index; `nil` where the node is not alive, or the
    /// measure failed that day.
    public var points: [TimelinePoint?]
}

/// One date of a timeline: the map's size that day, and whether its result was reused or failed.
public struct TimelineSnapshot: Sendable, Equatable {
    /// The date.
    public var date: EcoDate
    /// The nodes alive that day.
    public var nodeCount: Int
    /// The edges of the view alive that day between live nodes.
    public var edgeCount: Int
    /// The index of the earlier date whose snapshot has exactly these nodes and edges, when there is one: its
    /// result is this date's, copied rather than computed again.
    public var sameAs: Int?
    /// Why the measure could not be computed that day (a spectral measure that does not converge), if so.
    public var failure: AnalysisError?
}

/// A measure followed over dates: each node's value and rank on the map as it stood on each date.
public struct Timeline: Sendable, Equatable {
    /// The measure followed.
    public let measure: TimelineMeasure
    /// The options it was computed with.
    public let options: TimelineOptions
    /// The dates, in the order asked for, with the map's size on each.
    public let snapshots: [TimelineSnapshot]
    /// Every node alive on at least one of the dates, in the graph's node order.
    public let nodes: [TimelineNode]
    /// For each date, the nodes with a value (indices into `nodes`) by rank, then id.
    let rankings: [[Int]]

    /// The dates, in the order asked for.
    public var dates: [EcoDate] { snapshots.map(\.date) }

    /// The nodes with a value on a date (indices into `nodes`), by rank, then id.
    /// - Complexity: `O(1)`: the order is kept from the computation.
    public func ranked(at date: Int) -> [Int] { rankings[date] }

    /// The nodes (indices into `nodes`) among the first `k` of `ranked(at:)` on at least one date, ordered by
    /// their rank on the last date they are among the first `k` (latest dates first), then by id: the lines of
    /// a bump chart.
    /// - Complexity: `O(d · n log n)` for `d` dates.
    public func top(_ k: Int) -> [Int] {
        var lastSeen: [Int: (date: Int, rank: Int)] = [:]
        for date in snapshots.indices {
            for node in ranked(at: date).prefix(max(0, k)) { lastSeen[node] = (date, nodes[node].points[date]!.rank) }
        }
        return lastSeen.keys.sorted { a, b in
            let x = lastSeen[a]!, y = lastSeen[b]!
            if x.date != y.date { return x.date > y.date }
            if x.rank != y.rank { return x.rank < y.rank }
            return nodes[a].id < nodes[b].id
        }
    }

    /// Every node, ordered by rank on the last date (nodes without a value then last), then by id.
    /// - Complexity: `O(n + a log a)` for the `a` nodes without a value on the last date.
    public var orderedByLatestRank: [Int] {
        let ranked = rankings.last ?? []
        var listed = [Bool](repeating: false, count: nodes.count)
        for node in ranked { listed[node] = true }
        return ranked + nodes.indices.filter { !listed[$0] }.sorted { nodes[$0].id < nodes[$1].id }
    }
}

extension LoadedGraph {
    /// Every day on which the map can change, sorted, without repeats: the dates of the record's lifetimes and
    /// liftings (`Ecosystem.changeDates`), or, for a generic graph, of its table's lifetimes. Empty for a graph
    /// without dates.
    /// - Complexity: `O((n + m) log(n + m))`.
    public var changeDates: [EcoDate] {
        if let record { return record.changeDates }
        var dates = Set<EcoDate>()
        for lifetime in (table.nodeLifetimes ?? []) + (table.edgeLifetimes ?? []) {
            if let since = lifetime.since { dates.insert(since) }
            if let until = lifetime.until { dates.insert(until) }
        }
        return dates.sorted()
    }

    /// A measure on each of some dates: every node's value and rank on the map as it stood that day.
    ///
    /// The map on a day is what `FactFilter(asOf:)` keeps (with this graph's confidence floor and inferred
    /// setting): the nodes alive then and the edges of the view alive then between them, a restriction only
    /// while in force. Each date's result equals the measure computed on
    /// `LoadedGraph(ecosystem: record.snapshot(on: day), view: view)` — exactly for impact and for every
    /// measure on the same graph, since the snapshot graph is built identically (same nodes in the same order,
    /// same edges in the same order). A graph without dates gives the same values on every date. A generic
    /// graph is read from its table's lifetimes; one loaded as of a day has only that day's facts left.
    ///
    /// Consumers and providers of impact are resolved once, on the whole record: a date on which none of them
    /// is alive gives impact 0 to every node, rather than an unknown-kind error.
    ///
    /// **Work shared between dates.** The file is read and projected once: the projection's table carries
    /// each node's and edge's lifetime (`GraphTable.nodeLifetimes`, `.edgeLifetimes`), turned once into day
    /// numbers. A date's snapshot is then two flag arrays (alive nodes; alive edges between alive nodes) and a
    /// sub-table taken by index (`GraphTable.restricted(nodes:edges:)`) — no re-reading, re-projection or
    /// id look-up — from which the kernel graph is built. When a date's flags equal the previous date's (no
    /// fact began or ended in between, or only ones that change nothing), its result is copied, not computed
    /// again (`TimelineSnapshot.sameAs`). The distinct snapshots are independent: they are spread over the
    /// cores with `SourcePartitions` (each computes its measure on one core), and their results go to fixed
    /// slots, so a parallel run equals a serial one exactly. Results are not warm-started from the previous
    /// date (a PageRank vector, say): each date equals its independent computation, not an approximation of it.
    ///
    /// - Parameters:
    ///   - measure: impact, or a node measure.
    ///   - dates: the dates, in any order (repeats allowed); a result is reused only from the date just before.
    ///   - options: the measure's options and the parallelism.
    /// - Throws: `AnalysisError.invalidParameter` for an edge measure, or a parameter out of range on some
    ///   date (a sample larger than that day's map); an unknown consumer or provider selection; the first
    ///   date's error when the measure fails on every date (a measure failing on some dates only is recorded in
    ///   `TimelineSnapshot.failure`).
    /// - Complexity: `O(d · (n + m))` for the flags, plus, per distinct snapshot, `O(n + m log m)` to build it
    ///   and the measure's own cost; `O(n + m)` extra space per core, and `O(d · n)` for the result.
    public func timeline(measure: TimelineMeasure, dates: [EcoDate], options: TimelineOptions = .init()) throws(AnalysisError) -> Timeline {
        if case .centrality(let centrality) = measure, centrality.scoresEdges {
            throw .invalidParameter(.measure, value: centrality.rawValue, expected: "impact or a measure that scores nodes")
        }
        // The whole record under this graph's confidence and inferred settings: what each date filters.
        let base = filter.asOf == nil
            ? self : refiltered(FactFilter(minConfidence: filter.minConfidence, excludeInferred: filter.excludeInferred))
        let lifetimes = LifetimeDays(base.table)
        // The table the snapshots are cut from: what a measure reads (ids, ends, weights). The lifetimes are read
        // once above; labels and kinds are the whole record's (`base`), where the result takes them from.
        var lean = base.table
        (lean.nodeLifetimes, lean.edgeLifetimes, lean.nodeLabels, lean.nodeKinds, lean.edgeKinds) = (nil, nil, nil, nil, nil)
        // Each node's place in id order: ties in value are ranked by id.
        var idOrder = [Int32](repeating: 0, count: base.nodeCount)
        for (place, node) in (0 ..< base.nodeCount).sorted(by: { base.id($0) < base.id($1) }).enumerated() { idOrder[node] = Int32(place) }

        var consumers: [Bool]?, providers: [Bool]?
        if measure == .impact {
            consumers = Self.flags(try base.nodes(in: options.dependency.consumers), count: base.nodeCount)
            if options.dependency.providers != .all {
                providers = Self.flags(try base.nodes(in: options.dependency.providers), count: base.nodeCount)
            }
        }

        // Pass 1: each date's flags against the previous date's; the dates whose snapshot must be computed.
        var snapshots: [TimelineSnapshot] = []
        var computed: [Int] = []
        var everAlive = [Bool](repeating: false, count: base.nodeCount)
        var previous: (nodes: [Bool], edges: [Bool], date: Int)?
        for (i, date) in dates.enumerated() {
            let flags = lifetimes.flags(on: date.firstDay, table: base.table)
            for node in 0 ..< base.nodeCount where flags.nodes[node] { everAlive[node] = true }
            var sameAs: Int?
            if let previous, previous.nodes == flags.nodes, previous.edges == flags.edges { sameAs = previous.date }
            if sameAs == nil {
                computed.append(i)
                previous = (flags.nodes, flags.edges, i)
            }
            snapshots.append(TimelineSnapshot(date: date, nodeCount: flags.nodeCount, edgeCount: flags.edgeCount, sameAs: sameAs))
        }

        // Pass 2: the distinct snapshots, over the cores, one measure per core.
        let acrossDates = options.parallel && computed.count > 1
        var inner = options
        inner.parallel = options.parallel && !acrossDates
        let partials = SourcePartitions.map(sources: computed, parallel: acrossDates) { partition in
            partition.map { i in
                Result { () throws(AnalysisError) in
                    let flags = lifetimes.flags(on: dates[i].firstDay, table: base.table)
                    return try base.snapshotValues(measure, of: lean, on: dates[i], nodes: flags.nodes, edges: flags.edges,
                                                   consumers: consumers, providers: providers, idOrder: idOrder, options: inner)
                }
            }
        }
        var results = [Result<SnapshotValues, AnalysisError>?](repeating: nil, count: dates.count)
        for (p, partial) in partials.enumerated() {
            for (k, result) in partial.enumerated() { results[computed[p + k * partials.count]] = result }
        }

        // Errors: a parameter out of range is the caller's; a measure failing on every date is the timeline's.
        var firstFailure: AnalysisError?
        for i in computed {
            guard case .failure(let error) = results[i]! else { continue }
            if case .invalidParameter = error { throw error }
            if firstFailure == nil { firstFailure = error }
        }
        if let firstFailure, computed.allSatisfy({ if case .failure = results[$0]! { true } else { false } }) { throw firstFailure }

        // The nodes alive on some date, and their points (gathered flat, by node then date, then cut per node).
        var position = [Int](repeating: -1, count: base.nodeCount)
        var alive: [Int] = []
        for node in 0 ..< base.nodeCount where everAlive[node] {
            position[node] = alive.count
            alive.append(node)
        }
        let d = dates.count
        var points = [TimelinePoint?](repeating: nil, count: alive.count * d)
        var rankings = [[Int]](repeating: [], count: d)
        for i in dates.indices {
            if let source = snapshots[i].sameAs {
                snapshots[i].failure = snapshots[source].failure
                rankings[i] = rankings[source]
                for k in rankings[i] { points[k * d + i] = points[k * d + source] }
                continue
            }
            switch results[i]! {
            case .failure(let error):
                snapshots[i].failure = error
            case .success(let values):
                for (k, node) in values.nodes.enumerated() {
                    points[position[node] * d + i] = TimelinePoint(value: values.values[k], rank: values.ranks[k])
                }
                rankings[i] = values.order.map { position[values.nodes[$0]] }
            }
        }
        let nodes = alive.enumerated().map { k, node in
            TimelineNode(id: base.id(node), label: base.label(node), kind: base.kind(node), points: Array(points[k * d ..< (k + 1) * d]))
        }
        return Timeline(measure: measure, options: options, snapshots: snapshots, nodes: nodes, rankings: rankings)
    }

    /// A flag per node: set for the nodes listed.
    private static func flags(_ nodes: [Int], count: Int) -> [Bool] {
        var flags = [Bool](repeating: false, count: count)
        for node in nodes { flags[node] = true }
        return flags
    }

    /// The measure on one day's snapshot of this (whole-record) graph, cut from `lean` (its table without
    /// lifetimes): values and competition ranks of the live nodes, by their index in this graph.
    private func snapshotValues(_ measure: TimelineMeasure, of lean: GraphTable, on day: EcoDate, nodes nodeFlags: [Bool], edges edgeFlags: [Bool],
                                consumers: [Bool]?, providers: [Bool]?, idOrder: [Int32], options: TimelineOptions) throws(AnalysisError) -> SnapshotValues {
        let (sub, keptNodes, keptEdges) = lean.restricted(nodes: nodeFlags, edges: edgeFlags)
        guard !keptNodes.isEmpty else { return SnapshotValues(nodes: [], values: [], ranks: [], order: []) }
        // The cascade model reads OR-groups from the ecosystem's edges: only it needs the day's ecosystem.
        let typed = measure == .impact && options.dependency.model == .cascade
        let (ecosystem, origins) = typed ? snapshotEcosystem(on: day, nodes: nodeFlags, tableEdges: keptEdges) : (nil, nil)
        let snapshot = LoadedGraph(
            table: sub, ecosystem: ecosystem, record: record,
            filter: FactFilter(asOf: day, minConfidence: filter.minConfidence, excludeInferred: filter.excludeInferred),
            view: view, edgeOrigins: origins, name: name)

        let values: [Double]
        switch measure {
        case .centrality(let centrality):
            var centralityOptions = options.centrality
            centralityOptions.parallel = options.parallel
            values = try snapshot.centralityScores(centrality, options: centralityOptions)
        case .impact:
            let liveConsumers = keptNodes.indices.filter { consumers?[keptNodes[$0]] ?? true }
            let liveProviders = providers.map { flags in keptNodes.map { flags[$0] } }
            values = try snapshot.impactAndDependents(consumers: liveConsumers, providers: liveProviders, options: options.dependency,
                                                      parallel: options.parallel).impact.map(Double.init)
        }
        // By value, descending, then id; competition ranks: ties share the best rank.
        let order = keptNodes.indices.sorted { a, b in
            values[a] != values[b] ? values[a] > values[b] : idOrder[keptNodes[a]] < idOrder[keptNodes[b]]
        }
        var ranks = [Int](repeating: 0, count: keptNodes.count)
        for (position, k) in order.enumerated() {
            ranks[k] = position > 0 && values[order[position - 1]] == values[k] ? ranks[order[position - 1]] : position + 1
        }
        return SnapshotValues(nodes: keptNodes, values: values, ranks: ranks, order: order)
    }

    /// The ecosystem as it stood on a day (`ecosystem.snapshot(on:)`, taken by index from the live-node flags),
    /// and the index in it of each kept table edge.
    private func snapshotEcosystem(on day: EcoDate, nodes nodeFlags: [Bool], tableEdges: [Int]) -> (Ecosystem?, [Int]?) {
        guard var result = ecosystem, let edgeOrigins else { return (nil, nil) }
        let full = result
        let index = full.nodeIndex()
        result.nodes = full.nodes.indices.filter { nodeFlags[$0] }.map { full.nodes[$0] }
        let onDay = FactFilter(asOf: day)
        var newEdge = [Int](repeating: -1, count: full.edges.count)
        result.edges = []
        for (e, edge) in full.edges.enumerated() {
            guard onDay.exclusion(of: edge) == nil, let u = index[edge.from], let v = index[edge.to], nodeFlags[u], nodeFlags[v] else { continue }
            newEdge[e] = result.edges.count
            result.edges.append(edge)
        }
        return (result, tableEdges.map { newEdge[edgeOrigins[$0]] })
    }
}

/// One snapshot's result: the live nodes (by index in the whole-record graph), their values and ranks, and
/// their order by rank, then id (as positions in `nodes`).
private struct SnapshotValues: Sendable {
    var nodes: [Int]
    var values: [Double]
    var ranks: [Int]
    var order: [Int]
}

/// Each node's and edge's lifetime as day numbers (open ends as the extreme integers), read once from a
/// table, so that a date's flags cost two comparisons per fact.
private struct LifetimeDays: Sendable {
    let nodeSince: [Int]?, nodeUntil: [Int]?
    let edgeSince: [Int]?, edgeUntil: [Int]?

    init(_ table: GraphTable) {
        nodeSince = table.nodeLifetimes?.map { $0.since?.firstDay ?? Int.min }
        nodeUntil = table.nodeLifetimes?.map { $0.until?.firstDay ?? Int.max }
        edgeSince = table.edgeLifetimes?.map { $0.since?.firstDay ?? Int.min }
        edgeUntil = table.edgeLifetimes?.map { $0.until?.firstDay ?? Int.max }
    }

    /// The live nodes, and the live edges between live nodes, on a day (as `Lifetime.contains` reads it).
    func flags(on day: Int, table: GraphTable) -> (nodes: [Bool], edges: [Bool], nodeCount: Int, edgeCount: Int) {
        var nodes = [Bool](repeating: true, count: table.nodeCount)
        var nodeCount = table.nodeCount
        if let nodeSince, let nodeUntil {
            nodeCount = 0
            for i in nodes.indices {
                nodes[i] = nodeSince[i] <= day && day < nodeUntil[i]
                if nodes[i] { nodeCount += 1 }
            }
        }
        var edges = [Bool](repeating: true, count: table.edgeCount)
        var edgeCount = 0
        for e in edges.indices {
            let alive = (edgeSince.map { $0[e] <= day } ?? true) && (edgeUntil.map { day < $0[e] } ?? true)
            edges[e] = alive && nodes[Int(table.sources[e])] && nodes[Int(table.targets[e])]
            if edges[e] { edgeCount += 1 }
        }
        return (nodes, edges, nodeCount, edgeCount)
    }
}
