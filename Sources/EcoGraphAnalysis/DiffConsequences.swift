import EcoGraphKernel
import EcoGraphModel

// What the changes between two maps do to the analyses: rankings by a measure and by chokepoint impact that
// moved, and the (consumer, provider) pairs of the dependency view lost or gained.

/// What a diff compares beyond the facts.
public struct DiffOptions: Sendable, Equatable {
    /// The measure whose ranking is compared (default `CentralityMeasure.defaultRanking`).
    public var measure: CentralityMeasure
    /// The measure's parameters.
    public var centrality: CentralityOptions
    /// The size of the top compared: an item is in the top when its competition rank is at most this.
    public var top: Int
    /// Consumers, providers and impact model of the chokepoint ranking and of the reach comparison.
    public var dependency: ChokepointOptions
    /// The providers each consumer lost or gained are listed when they number at most this many over all
    /// consumers (`nil`: always); past it only their counts are given (`DiffConsequences.pairsListed`).
    public var pairLimit: Int?

    /// The default `pairLimit`: a hundred thousand pairs, a few megabytes of JSON.
    public static let defaultPairLimit = 100_000

    /// Options: PageRank's top 10, chokepoints and reach over every consumer and provider, unless told otherwise.
    public init(measure: CentralityMeasure = .defaultRanking, centrality: CentralityOptions = .init(), top: Int = 10,
                dependency: ChokepointOptions = .init(), pairLimit: Int? = DiffOptions.defaultPairLimit) {
        self.measure = measure
        self.centrality = centrality
        self.top = top
        self.dependency = dependency
        self.pairLimit = pairLimit
    }
}

/// How an item's place in a top-K ranking changed.
public struct RankShift: Sendable, Hashable {
    /// How it moved.
    public enum Movement: String, Sendable, Hashable, CaseIterable {
        /// In the top after, not before (absent before, or ranked lower).
        case entered
        /// In the top before, not after (ranked lower after, or gone).
        case left
        /// In the top on both sides, at another rank.
        case moved
    }

    /// The node's id, or for an edge measure the edge's source.
    public var id: String
    /// For an edge measure, the edge's target.
    public var target: String?
    /// The label after (before, for an item gone).
    public var label: String
    /// The node's kind, when the graph has kinds (`nil` for edges).
    public var kind: String?
    /// How it moved.
    public var movement: Movement
    /// Its competition rank before, or `nil` when it was not ranked (absent, or without impact).
    public var rankBefore: Int?
    /// Its competition rank after, or `nil` when it is not ranked.
    public var rankAfter: Int?
    /// Its score (or impact) before, when ranked.
    public var scoreBefore: Double?
    /// Its score (or impact) after, when ranked.
    public var scoreAfter: Double?
}

/// One consumer's reachable providers lost and gained.
public struct ReachChange: Sendable, Hashable {
    /// The consumer's id.
    public var consumer: String
    /// Its label after.
    public var label: String
    /// Its kind after, when the graph has kinds.
    public var kind: String?
    /// How many providers it reached before and no longer reaches.
    public var lostCount: Int
    /// How many providers it reaches now and did not before.
    public var gainedCount: Int
    /// Those providers, by id (empty when the pairs are not listed: `DiffConsequences.pairsListed`).
    public var lost: [String]
    /// Those providers, by id (empty when the pairs are not listed).
    public var gained: [String]
}

/// The analytic consequences of a diff: the top of a measure's ranking and of the chokepoint ranking, and
/// reachability, each compared before and after.
public struct DiffConsequences: Sendable, Equatable {
    /// The measure compared.
    public var measure: CentralityMeasure
    /// The size of the top compared.
    public var top: Int
    /// The measure's top-`top` items that entered, left or moved, by their better rank, then id.
    public var rankShifts: [RankShift]
    /// The consumers, providers and model of the chokepoint ranking and the reach comparison.
    public var dependency: ChokepointOptions
    /// The chokepoint ranking's (nodes with impact > 0, by impact) top-`top` nodes that entered, left or moved.
    public var impactShifts: [RankShift]
    /// The consumers (on both sides, selected on either) whose reachable providers changed, most changed
    /// first, then by id.
    public var reach: [ReachChange]
    /// The number of consumers compared.
    public var consumersCompared: Int
    /// Whether `reach` lists the providers lost and gained (they number at most `DiffOptions.pairLimit`), or
    /// only their counts.
    public var pairsListed: Bool
    /// Σ lostCount over `reach`: the (consumer, provider) pairs cut off.
    public var lostPairs: Int { reach.reduce(0) { $0 + $1.lostCount } }
    /// Σ gainedCount over `reach`: the pairs newly connected.
    public var gainedPairs: Int { reach.reduce(0) { $0 + $1.gainedCount } }
}

/// One side of a diff, for titles: the file and the day it is read as of.
public struct DiffSide: Sendable, Hashable, CustomStringConvertible {
    /// Where the graph came from (its file).
    public var name: String
    /// The day it is read as of, if any.
    public var asOf: EcoDate?

    /// A side.
    public init(name: String, asOf: EcoDate? = nil) {
        self.name = name
        self.asOf = asOf
    }

    /// `FILE`, or `FILE as of DATE`.
    public var description: String { asOf.map { "\(name) as of \($0)" } ?? name }

    /// Two sides in one line: `A → B`, or for one file `FILE: as of D1 → as of D2` (`whole record` for a side
    /// without a day).
    public static func heading(_ before: DiffSide, _ after: DiffSide) -> String {
        guard before.name == after.name else { return "\(before) → \(after)" }
        func day(_ side: DiffSide) -> String { side.asOf.map { "as of \($0)" } ?? "whole record" }
        return "\(before.name): \(day(before)) → \(day(after))"
    }
}

/// Two maps compared: their facts and the consequences for the analyses.
public struct GraphDiff: Sendable, Equatable {
    /// The side changes are counted from.
    public var before: DiffSide
    /// The side changes are counted to.
    public var after: DiffSide
    /// Nodes and edges added, removed and changed.
    public var facts: EcosystemDiff
    /// Rankings and reachability compared.
    public var consequences: DiffConsequences
}

extension LoadedGraph {
    /// This graph compared with another: the facts added, removed and changed (`EcosystemDiff`) and what that
    /// does to the analyses (`diffConsequences(to:options:)`).
    ///
    /// - Throws: `AnalysisError` for a `top` below 1, a selection that names nothing on either side, or a
    ///   measure that fails on one side.
    /// - Complexity: the fact diff, plus the measure and a chokepoint analysis on each side, plus two searches
    ///   per consumer.
    public func diff(to after: LoadedGraph, options: DiffOptions = .init()) throws(AnalysisError) -> GraphDiff {
        GraphDiff(before: DiffSide(name: name, asOf: filter.asOf), after: DiffSide(name: after.name, asOf: after.filter.asOf),
                  facts: EcosystemDiff(before: self, after: after),
                  consequences: try diffConsequences(to: after, options: options))
    }

    /// What changes between this graph and another do to the analyses, both read in the dependency view:
    ///
    /// - **Measure**: each side ranked by `options.measure` (`ranking`, competition ranks); the items whose
    ///   rank is at most `top` on one side and not the other (entered, left) or on both at different ranks
    ///   (moved). Items are nodes by id, or for an edge measure edges by their ends.
    /// - **Chokepoints**: the same for the nodes with impact > 0 ranked by impact (`chokepoints`, under
    ///   `options.dependency`: its consumers, providers and model).
    /// - **Reach**: for each consumer present on both sides and selected on either, the providers it reaches
    ///   (not itself) on one side and not the other; a pair counts on a side when its provider is selected
    ///   there. `lost(C) = (reach_before(C) ∩ providers_before) \ (reach_after(C) ∩ providers_after)`, and
    ///   `gained` the other way. A node present on one side only is an added or removed node, not a consumer
    ///   cut off; a provider gone is a pair lost.
    ///
    /// A selection is resolved on each side; it may name nothing on one of them (a node added later), but not on
    /// both.
    /// Lists of providers are kept up to `options.pairLimit` pairs in all (see `DiffOptions.pairLimit`).
    /// - Throws: `AnalysisError.invalidParameter` for `top` below 1; an unknown id, kind or group named on
    ///   neither side; a measure that fails on either side.
    /// - Complexity: the measure and one chokepoint analysis per side, and `O(k (n + m))` for `k` consumers.
    public func diffConsequences(to after: LoadedGraph, options: DiffOptions = .init()) throws(AnalysisError) -> DiffConsequences {
        guard options.top >= 1 else { throw .invalidParameter(.top, value: "\(options.top)", expected: "at least 1") }
        let a = projected(to: .dependency), b = after.projected(to: .dependency)
        let consumers = try Self.resolve(options.dependency.consumers, a, b)
        let providers = options.dependency.providers == .all ? nil : try Self.resolve(options.dependency.providers, a, b)

        // The measure.
        let rankingBefore = try a.centrality(options.measure, options: options.centrality)
        let rankingAfter = try b.centrality(options.measure, options: options.centrality)
        func ranked(_ ranking: CentralityRanking) -> [RankedItem] {
            ranking.scores.map { RankedItem(id: $0.id, target: $0.target, label: $0.label, kind: $0.kind, score: $0.score, rank: $0.rank) }
        }
        let rankShifts = Self.shifts(ranked(rankingBefore), ranked(rankingAfter), top: options.top)

        // Chokepoint impact, over each side's own resolution of the selections.
        func impactRanking(_ graph: LoadedGraph, consumers: [Int], providers: [Int]?) throws(AnalysisError) -> [RankedItem] {
            var chokepointOptions = options.dependency
            chokepointOptions.detailLimit = 0
            if options.dependency.consumers != .all { chokepointOptions.consumers = .ids(consumers.map(graph.id)) }
            if let providers { chokepointOptions.providers = .ids(providers.map(graph.id)) }
            let entries = try graph.chokepoints(chokepointOptions).chokepoints.filter { $0.impact > 0 }
            var items: [RankedItem] = []
            for (i, entry) in entries.enumerated() {
                let rank = i > 0 && entries[i - 1].impact == entry.impact ? items[i - 1].rank : i + 1
                items.append(RankedItem(id: entry.id, target: nil, label: entry.label, kind: entry.kind, score: Double(entry.impact), rank: rank))
            }
            return items
        }
        let impactShifts = Self.shifts(try impactRanking(a, consumers: consumers.before, providers: providers?.before),
                                       try impactRanking(b, consumers: consumers.after, providers: providers?.after), top: options.top)

        // Reach, on node indices shared by both sides: before's, then the nodes only after.
        var unionIndex = a.nodeIndex()
        var unionIDs = a.table.nodeIDs
        let afterToUnion: [Int] = (0 ..< b.nodeCount).map { v in
            if let u = unionIndex[b.id(v)] { return u }
            unionIndex[b.id(v)] = unionIDs.count
            unionIDs.append(b.id(v))
            return unionIDs.count - 1
        }
        let bIndex = b.nodeIndex()
        var compared = Set<Int>()
        for c in consumers.before where bIndex[a.id(c)] != nil { compared.insert(c) }
        for c in consumers.after { if let u = unionIndex[b.id(c)], u < a.nodeCount { compared.insert(u) } }
        let consumerList = compared.sorted()
        let gb = b.graph.unweighted
        var builder = CSRGraphBuilder(nodeCount: unionIDs.count, isDirected: gb.isDirected)
        builder.reserveCapacity(gb.edgeCount)
        for e in 0 ..< gb.edgeCount {
            do { try builder.addEdge(afterToUnion[Int(gb.edgeSources[e])], afterToUnion[Int(gb.edgeTargets[e])]) }
            catch { preconditionFailure("a remapped edge is out of range: \(error)") }
        }
        let afterOnUnion = builder.build()
        var counted: [Bool]? = nil, otherCounted: [Bool]? = nil
        if let providers {
            var mask = [Bool](repeating: false, count: a.nodeCount)
            for p in providers.before { mask[p] = true }
            counted = mask
            var otherMask = [Bool](repeating: false, count: unionIDs.count)
            for p in providers.after { otherMask[afterToUnion[p]] = true }
            otherCounted = otherMask
        }
        let differences = try kernelCall { () throws(ReachabilityError) in
            try a.graph.unweighted.reachabilityDifference(to: afterOnUnion, consumers: consumerList, counted: counted, otherCounted: otherCounted,
                                                          listLimit: options.pairLimit)
        }
        var reach: [ReachChange] = []
        for difference in differences where difference.lostCount > 0 || difference.gainedCount > 0 {
            let consumerID = unionIDs[difference.consumer]
            let v = bIndex[consumerID]!
            reach.append(ReachChange(consumer: consumerID, label: b.label(v), kind: b.kind(v),
                                     lostCount: difference.lostCount, gainedCount: difference.gainedCount,
                                     lost: (difference.lost ?? []).map { unionIDs[$0] }.sorted(),
                                     gained: (difference.gained ?? []).map { unionIDs[$0] }.sorted()))
        }
        reach.sort { x, y in
            let (nx, ny) = (x.lostCount + x.gainedCount, y.lostCount + y.gainedCount)
            return nx != ny ? nx > ny : x.consumer < y.consumer
        }
        return DiffConsequences(measure: options.measure, top: options.top, rankShifts: rankShifts, dependency: options.dependency,
                                impactShifts: impactShifts, reach: reach, consumersCompared: consumerList.count,
                                pairsListed: differences.allSatisfy { $0.lost != nil })
    }

    /// A selection resolved on each side: it may name nothing on one side, not on both (then the error of the
    /// side after). Ids are checked against both sides together: each must be a node of one of them.
    private static func resolve(_ selection: NodeSelection, _ a: LoadedGraph, _ b: LoadedGraph) throws(AnalysisError) -> (before: [Int], after: [Int]) {
        if case .ids(let ids) = selection {
            let ia = a.nodeIndex(), ib = b.nodeIndex()
            for id in ids where ia[id] == nil && ib[id] == nil { throw .unknownNode(id) }
            return (Array(Set(ids.compactMap { ia[$0] })).sorted(), Array(Set(ids.compactMap { ib[$0] })).sorted())
        }
        var before: [Int]? = nil, after: [Int]? = nil
        var failure: AnalysisError? = nil
        do { before = try a.nodes(in: selection) } catch { failure = error }
        do { after = try b.nodes(in: selection) } catch { failure = error }
        if before == nil && after == nil, let failure { throw failure }
        return (before ?? [], after ?? [])
    }

    /// The items in the top `top` (rank ≤ top) on either side that entered, left or moved, by their better
    /// rank, then id and target.
    private static func shifts(_ before: [RankedItem], _ after: [RankedItem], top: Int) -> [RankShift] {
        var old: [RankedItem.Key: RankedItem] = [:]
        for item in before { old[item.key] = item }
        var new: [RankedItem.Key: RankedItem] = [:]
        for item in after { new[item.key] = item }
        var result: [RankShift] = []
        for key in Set(old.keys).union(new.keys) {
            let x = old[key], y = new[key]
            let wasIn = (x?.rank ?? Int.max) <= top, isIn = (y?.rank ?? Int.max) <= top
            let movement: RankShift.Movement
            switch (wasIn, isIn) {
            case (false, true): movement = .entered
            case (true, false): movement = .left
            case (true, true) where x!.rank != y!.rank: movement = .moved
            default: continue
            }
            let shown = y ?? x!
            result.append(RankShift(id: key.id, target: key.target, label: shown.label, kind: shown.kind, movement: movement,
                                    rankBefore: x?.rank, rankAfter: y?.rank, scoreBefore: x?.score, scoreAfter: y?.score))
        }
        return result.sorted { p, q in
            let rp = min(p.rankBefore ?? Int.max, p.rankAfter ?? Int.max), rq = min(q.rankBefore ?? Int.max, q.rankAfter ?? Int.max)
            if rp != rq { return rp < rq }
            if p.id != q.id { return p.id < q.id }
            return (p.target ?? "") < (q.target ?? "")
        }
    }
}

/// A ranked node or edge, for comparing two rankings.
private struct RankedItem {
    struct Key: Hashable { var id: String, target: String? }
    var id: String
    var target: String?
    var label: String
    var kind: String?
    var score: Double
    var rank: Int
    var key: Key { Key(id: id, target: target) }
}
