import ArgumentParser
import EcoGraph
import Foundation

extension TimelineMeasure: ExpressibleByArgument {
    /// `impact` or a node measure's name.
    public init?(argument: String) {
        guard let measure = TimelineMeasure(name: argument), TimelineMeasure.all.contains(measure) else { return nil }
        self = measure
    }
    /// The names `--measure` takes, in the order `--help` lists them.
    public static var allValueStrings: [String] { all.map(\.name) }
    /// `--help` lists each measure with its summary.
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: all.map { measure in
            switch measure {
            case .impact: (measure.name, "Chokepoint impact: the (consumer, provider) pairs lost if the node disappears (--consumers, --providers, --model).")
            case .centrality(let centrality): (measure.name, "\(centrality.displayName): \(centrality.reportSummary)")
            }
        })
    }
    /// The name, as `--help` shows a default.
    public var defaultValueDescription: String { name }
}

extension DateStep: ExpressibleByArgument {}

/// `ecograph timeline`: a measure on each date of a series, on the map as it stood that day.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Follow a measure over time: each node's value and rank on the map as it stood on each date.",
        discussion: """
            The dates run from --from, one --step apart, up to and including the period --to names (--to 2026 with --step month ends at 2026-12). Without --from and --to they span the file's own dates: from the period of its first date to its last. On each date the map is read as --as-of would read it: the nodes alive then and the dependency edges alive then between them. Ranks are competition ranks ("1224") among the nodes alive that day. Work is shared between dates: the file is read once, each date's map is cut from it, a date whose map equals the previous date's reuses its result, and dates run in parallel.

            Output: a table of the first --top nodes of each date (10 by default); --format csv gives every node on every date in long form (date,id,label,kind,value,rank; --wide: one row per node, a value and a rank column per date); --format json gives the dates, each date's map size, and every node's values and ranks (null where it is not alive). With --top, CSV and JSON keep the first K of each date. --chart FILE also writes a bump chart of the first K (default 10) as SVG.

            Examples:
              ecograph timeline deps.yaml --measure pagerank --from 2019 --to 2026
              ecograph timeline deps.yaml --measure impact --consumers country --top 5
              ecograph timeline deps.yaml --measure pagerank --step month --format csv
              ecograph timeline deps.yaml --measure impact --top 8 --chart ranks.svg
              ecograph timeline deps.yaml --measure katz --step quarter --format json
            """
    )

    /// At most this many dates: a longer series is a mistake in --from, --to or --step, not a wish.
    static let maxDates = 10_000

    @OptionGroup var input: GraphInput

    @Option(help: "The measure: impact or a node centrality measure.")
    var measure: TimelineMeasure

    @Option(help: ArgumentHelp("The first date (YYYY, YYYY-MM or YYYY-MM-DD). Default: the period of the file's first date.", valueName: "date"))
    var from: DateArgument?

    @Option(help: ArgumentHelp("The last period, included (YYYY, YYYY-MM, YYYY-MM-DD or today). Default: the file's last date.", valueName: "date"))
    var to: DateArgument?

    @Option(help: "The step between dates.")
    var step: DateStep = .year

    @OptionGroup var dependency: DependencyOptions

    @Flag(help: "Use edge weights (distances for shortest-path measures, strengths for spectral ones).")
    var weighted = false

    @Option(help: "Estimate betweenness from K sampled sources, rescaled by n/K (K must not exceed any date's node count).")
    var samples: Int?

    @Option(help: "Seed of the betweenness source sample.")
    var seed: UInt64 = 0

    @Option(help: "PageRank's damping factor (default 0.85) or Katz's attenuation (default 0.1).")
    var alpha: Double?

    @Option(help: "Katz's constant term.")
    var beta: Double = 1

    @Flag(help: "Raw betweenness and Katz scores instead of normalised ones.")
    var raw = false

    @OptionGroup var output: OutputOptions

    @Flag(help: "With --format csv: one row per node, with a value column and a rank column per date.")
    var wide = false

    @Option(help: "Only the first K nodes of each date (the table shows 10 without it).")
    var top: Int?

    @Option(help: ArgumentHelp("Also write a bump chart of the first K nodes (--top, default 10) as SVG to this file.", valueName: "file"))
    var chart: String?

    func validate() throws {
        if input.facts.asOf != nil {
            throw ValidationError("--as-of does not apply to timeline: it reads the map as of each date from --from to --to")
        }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if wide && output.format != .csv { throw ValidationError("--wide applies to --format csv") }
        if case .centrality(let centrality) = measure, samples != nil, !centrality.definition.samplesSources {
            throw ValidationError("--samples applies to \(CentralityMeasure.allCases.filter(\.definition.samplesSources).map(\.rawValue).joined(separator: " and ")) only")
        }
        if measure != .impact, dependency.consumers != "all" || dependency.providers != "all" || dependency.model != .reach {
            throw ValidationError("--consumers, --providers and --model apply to --measure impact")
        }
        if let from, let to, from.date.firstDay > to.date.lastDay {
            throw ValidationError("--from \(from.date) is after --to \(to.date)")
        }
        if let chart, chart.isEmpty { throw ValidationError("--chart must name a file") }
    }

    var options: TimelineOptions {
        TimelineOptions(centrality: CentralityOptions(weighted: weighted, normalized: !raw, samples: samples, seed: seed, alpha: alpha, beta: beta),
                        dependency: dependency.options)
    }

    func run() throws {
        try reportingErrors {
            let graph = try input.load(view: .dependency)
            let dates = try Self.dates(from: from?.date, to: to?.date, step: step, graph: graph, flags: ("--from", "--to", "--step"), limit: Self.maxDates)
            let timeline = try graph.timeline(measure: measure, dates: dates, options: options)
            for snapshot in timeline.snapshots where snapshot.sameAs == nil {
                if let failure = snapshot.failure { printError("ecograph: note: \(snapshot.date): \(describe(failure))") }
            }
            if let chart {
                let k = top ?? 10
                try AtomicFile.write(BumpChart.svg(timeline, top: k), to: chart)
                printError("wrote \(chart): the first \(k) of \(timeline.dates.count) dates, \(timeline.top(k).count) lines")
            }
            printOut(Self.render(timeline, format: output.format, top: top, wide: wide))
        }
    }

    /// The dates of a series, its ends defaulting to the graph's first and last change dates.
    /// - Throws: `CLIError` for an undated graph without both ends, an empty series, or one of more than `limit` dates.
    static func dates(from: EcoDate?, to: EcoDate?, step: DateStep, graph: LoadedGraph, flags: (from: String, to: String, step: String),
                      limit: Int) throws -> [EcoDate] {
        var start = from, end = to
        if start == nil || end == nil {
            let changes = graph.changeDates
            guard let first = changes.first, let last = changes.last else {
                throw CLIError("\(graph.name) has no dates: give \(flags.from) and \(flags.to)")
            }
            start = start ?? first.truncated(to: step)
            end = end ?? last
        }
        let count = EcoDate.seriesCount(from: start!, to: end!, step: step)
        guard count > 0 else { throw CLIError("\(flags.from) \(start!) is after \(flags.to) \(end!)") }
        guard count <= limit else {
            throw CLIError("\(start!) to \(end!) by \(step.rawValue) is \(count) dates; at most \(limit) (a longer \(flags.step), or a shorter span)")
        }
        return EcoDate.series(from: start!, to: end!, step: step)
    }

    // MARK: Output

    /// A value as text: impact as a whole number; scores in full (CSV, JSON) or six digits (table).
    static func value(_ x: Double, exact: Bool) -> String {
        exact ? (x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)) : CentralityCommand.formatScore(x)
    }

    static func render(_ timeline: Timeline, format: OutputFormat, top: Int?, wide: Bool) -> String {
        let dates = timeline.dates.map(\.description)
        // The first K of each date, or everything.
        func shown(_ date: Int) -> [Int] {
            let ranked = timeline.ranked(at: date)
            return top.map { Array(ranked.prefix($0)) } ?? ranked
        }
        let nodes = top.map { k in Set(timeline.top(k)) }.map { kept in timeline.orderedByLatestRank.filter(kept.contains) } ?? timeline.orderedByLatestRank
        switch format {
        case .json:
            return timeline.outputValue(nodes: nodes).json
        case .csv where wide:
            let rows = nodes.map { index in
                let node = timeline.nodes[index]
                return [node.id, node.label, node.kind ?? ""]
                    + node.points.map { $0.map { value($0.value, exact: true) } ?? "" }
                    + node.points.map { $0.map { "\($0.rank)" } ?? "" }
            }
            return TextTable(headers: ["id", "label", "kind"] + dates.map { "value \($0)" } + dates.map { "rank \($0)" }, rows: rows).csv
        case .csv:
            // Written straight into one string (a row per node and date can be millions of rows); fields quoted
            // as `TextTable.csv` quotes them, each node's once.
            let described = timeline.nodes.map { node in [node.id, node.label, node.kind ?? ""].map(TextTable.csvField).joined(separator: ",") }
            var out = "date,id,label,kind,value,rank\n"
            out.reserveCapacity(dates.indices.reduce(0) { $0 + shown($1).count } * 64)
            for date in dates.indices {
                let day = TextTable.csvField(dates[date])
                for index in shown(date) {
                    let point = timeline.nodes[index].points[date]!
                    out += day
                    out += ","
                    out += described[index]
                    out += ","
                    out += value(point.value, exact: true)
                    out += ","
                    out += String(point.rank)
                    out += "\n"
                }
            }
            return out
        case .table:
            var rows: [[String]] = []
            for date in dates.indices {
                let snapshot = timeline.snapshots[date]
                if let failure = snapshot.failure {
                    rows.append([dates[date], "", "", "(failed: \(describe(failure)))", "", ""])
                    continue
                }
                for (position, index) in timeline.ranked(at: date).prefix(top ?? 10).enumerated() {
                    let node = timeline.nodes[index], point = node.points[date]!
                    rows.append([position == 0 ? dates[date] : "", "\(point.rank)", node.id, node.label, node.kind ?? "", value(point.value, exact: false)])
                }
                if snapshot.nodeCount == 0 { rows.append([dates[date], "", "", "(no node alive)", "", ""]) }
            }
            var out = TextTable(headers: ["date", "rank", "id", "label", "kind", timeline.measure.name],
                                alignments: [.left, .right, .left, .left, .left, .right], rows: rows).aligned
            let reused = timeline.snapshots.filter { $0.sameAs != nil }.count
            func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
            out += "\(timeline.measure.displayName) on \(count(dates.count, "date")) (\(dates.first ?? "") to \(dates.last ?? "")): "
                + "\(count(dates.count - reused, "distinct map")), \(count(reused, "date")) unchanged from the date before"
            if timeline.measure == .impact {
                out += "; consumers: \(timeline.options.dependency.consumers), providers: \(timeline.options.dependency.providers), model: \(timeline.options.dependency.model.rawValue)"
            }
            return out + "\n"
        }
    }
}
