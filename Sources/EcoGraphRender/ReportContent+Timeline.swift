import EcoGraphAnalysis

extension ReportContent {
    /// One row of a ranking on one date.
    public struct DatedEntry: Sendable, Equatable {
        /// The node, as an index into `ReportContent.nodes`.
        public var node: Int
        /// The score (for impact: the lost pairs, or failed consumers).
        public var score: Double
        /// Competition rank among the nodes alive that day.
        public var rank: Int
        /// A row.
        public init(node: Int, score: Double, rank: Int) {
            self.node = node
            self.score = score
            self.rank = rank
        }
    }

    /// The first entries of one measure's ranking on one date.
    public struct DatedRanking: Sendable, Equatable {
        /// The measure's `Measure.key`.
        public var key: String
        /// The first entries, by rank, then id.
        public var entries: [DatedEntry]
        /// A dated ranking.
        public init(key: String, entries: [DatedEntry]) {
            self.key = key
            self.entries = entries
        }
    }

    /// The map and its rankings on one date.
    public struct DatedSnapshot: Sendable, Equatable {
        /// The date as written (`2024`, `2024-10`).
        public var date: String
        /// The nodes alive that day, as indices into `ReportContent.nodes`, increasing.
        public var nodes: [Int]
        /// The edges alive that day (between live nodes; a restriction while in force), as indices into
        /// `ReportContent.edges`, increasing.
        public var edges: [Int]
        /// The first entries of each measure's ranking that day, in `measures` order; a measure that failed
        /// that day has none.
        public var rankings: [DatedRanking]
        /// The first entries of chokepoint impact that day.
        public var impact: [DatedEntry]

        /// A snapshot.
        public init(date: String, nodes: [Int], edges: [Int], rankings: [DatedRanking] = [], impact: [DatedEntry] = []) {
            self.date = date
            self.nodes = nodes
            self.edges = edges
            self.rankings = rankings
            self.impact = impact
        }
    }

    /// Snapshots of the map at a series of dates, which the page's date slider switches between.
    public struct DatedSnapshots: Sendable, Equatable {
        /// The step between dates (`year`, `quarter`, `month`), for the slider's caption.
        public var step: String
        /// The snapshots, in date order.
        public var snapshots: [DatedSnapshot]
        /// What was skipped, and why (one sentence each).
        public var notes: [String]
        /// Snapshots.
        public init(step: String, snapshots: [DatedSnapshot], notes: [String] = []) {
            self.step = step
            self.snapshots = snapshots
            self.notes = notes
        }
    }
}

extension LoadedGraph {
    /// The report's date slider: for each date, which of the report's nodes and edges were alive, and the
    /// first `top` of each measure's ranking and of chokepoint impact on the map as it stood that day
    /// (`LoadedGraph.timeline(measure:dates:options:)`, one timeline per measure).
    ///
    /// Call on the graph the report was made from, without a day in its filter: the indices refer to
    /// `content.nodes` and `content.edges`, which hold the whole record (nodes matched by id).
    ///
    /// A measure that fails on every date is left out with a note; one that fails on some dates has no ranking
    /// on those dates, also with a note.
    ///
    /// - Parameters:
    ///   - dates: the dates, in order.
    ///   - step: the step's name, shown by the slider.
    ///   - content: the report's content (its measures, nodes and edges).
    ///   - top: how many entries each ranking lists.
    ///   - centrality: options of the measures.
    ///   - dependency: consumers, providers and model of the impact.
    /// - Throws: `AnalysisError` when a selection names unknown nodes, or a parameter is out of range.
    /// - Complexity: one timeline per measure of the report, plus impact; `O(d · (n + m))` for the live sets.
    public func datedSnapshots(dates: [EcoDate], step: String, for content: ReportContent, top: Int,
                               centrality: CentralityOptions = .init(), dependency: ChokepointOptions = .init()) throws(AnalysisError)
        -> ReportContent.DatedSnapshots
    {
        let position = Dictionary(content.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var notes: [String] = []
        /// The first `top` of a timeline on each date, as entries on `content.nodes`.
        func firsts(_ timeline: Timeline) -> [[ReportContent.DatedEntry]] {
            timeline.dates.indices.map { date in
                timeline.ranked(at: date).prefix(top).compactMap { k in
                    let node = timeline.nodes[k], point = node.points[date]!
                    return position[node.id].map { ReportContent.DatedEntry(node: $0, score: point.value, rank: point.rank) }
                }
            }
        }
        func failures(_ timeline: Timeline, _ name: String) {
            let failed = timeline.snapshots.filter { $0.failure != nil }.map(\.date.description)
            if !failed.isEmpty { notes.append("\(name) could not be computed on \(failed.joined(separator: ", ")).") }
        }

        var rankings: [(key: String, entries: [[ReportContent.DatedEntry]])] = []
        for measure in content.measures {
            guard let centralityMeasure = CentralityMeasure(rawValue: measure.key), !centralityMeasure.scoresEdges else { continue }
            do {
                let timeline = try self.timeline(measure: .centrality(centralityMeasure), dates: dates,
                                                 options: TimelineOptions(centrality: centrality, dependency: dependency))
                failures(timeline, measure.name)
                rankings.append((measure.key, firsts(timeline)))
            } catch {
                if case .invalidParameter = error { throw error }
                notes.append("\(measure.name) is left out of the dated rankings: \(error)")
            }
        }
        let impactTimeline = try timeline(measure: .impact, dates: dates, options: TimelineOptions(centrality: centrality, dependency: dependency))
        failures(impactTimeline, "Chokepoint impact")
        let impact = firsts(impactTimeline)

        // Which of the report's nodes and edges are alive on each date.
        let snapshots = dates.enumerated().map { i, date in
            let (nodes, edges) = liveParts(of: content, on: date, position: position)
            return ReportContent.DatedSnapshot(date: date.description, nodes: nodes, edges: edges,
                                               rankings: rankings.compactMap { ranking in
                                                   ranking.entries[i].isEmpty ? nil : ReportContent.DatedRanking(key: ranking.key, entries: ranking.entries[i])
                                               }, impact: impact[i])
        }
        return ReportContent.DatedSnapshots(step: step, snapshots: snapshots, notes: notes)
    }

    /// The report's nodes and edges alive on a day: for a typed ecosystem as `Ecosystem.snapshot(on:)` keeps
    /// them (edges as written, a restriction while in force), for a generic graph by its table's lifetimes.
    private func liveParts(of content: ReportContent, on day: EcoDate, position: [String: Int]) -> (nodes: [Int], edges: [Int]) {
        var alive = [Bool](repeating: false, count: content.nodes.count)
        if let ecosystem {
            let snapshot = ecosystem.snapshot(on: day)
            for node in snapshot.nodes { if let k = position[node.id] { alive[k] = true } }
            let onDay = FactFilter(asOf: day)
            // `content.edges` are the ecosystem's edges, in order.
            let edges = ecosystem.edges.indices.filter { e in
                let edge = ecosystem.edges[e]
                return e < content.edges.count && onDay.exclusion(of: edge) == nil
                    && position[edge.from].map { alive[$0] } == true && position[edge.to].map { alive[$0] } == true
            }
            return (alive.indices.filter { alive[$0] }, edges)
        }
        let (_, nodes, edges) = table.snapshot(on: day)
        for node in nodes { if let k = position[id(node)] { alive[k] = true } }
        return (alive.indices.filter { alive[$0] }, edges.filter { $0 < content.edges.count })
    }
}
