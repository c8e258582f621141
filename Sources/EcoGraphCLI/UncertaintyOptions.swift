import ArgumentParser
import EcoGraph
import Foundation

/// `--uncertainty N [--seed S]`: the same analysis over N sampled worlds, each keeping every node and edge
/// with probability = its confidence (docs/UNCERTAINTY.md).
struct UncertaintyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Also run the analysis on N sampled worlds, each keeping every node and edge independently with probability = its confidence, and report the mean, the 90% interval (5th-95th percentile) and, for rankings, the rank interval and the chance of being in the top k (k = --top, default 10).",
        valueName: "n"))
    var uncertainty: Int?

    @Option(help: ArgumentHelp(
        "Seed of the random draws: the sampled worlds of --uncertainty (world w depends on the seed and w alone, so results are the same on any number of cores; see docs/UNCERTAINTY.md), and for centrality the sources of --samples.",
        valueName: "s"))
    var seed: UInt64 = 0

    /// The simulation asked for, with k = `top` (default 10), or `nil` without `--uncertainty`.
    func simulation(top: Int?) -> SimulationOptions? {
        uncertainty.map { SimulationOptions(worlds: $0, seed: seed, top: top ?? 10) }
    }

    /// The note for results on a map without uncertain facts: every world is the full map.
    static func noteIfCertain(_ uncertainFacts: Int, input: GraphInput) {
        guard uncertainFacts == 0 else { return }
        printError("ecograph: note: no fact of \(input.displayName) that this analysis reads has a confidence below 1 (a generic graph has confidences only where its file gives them), so every sampled world is the full map: each interval is the exact value, nothing was simulated")
    }

    /// `low–high` for people.
    static func interval(_ low: Double, _ high: Double) -> String {
        "\(CentralityCommand.formatScore(low))–\(CentralityCommand.formatScore(high))"
    }

    /// A number for people (`formatScore`) or for CSV (shortest round-trip form).
    static func number(_ x: Double, _ format: OutputFormat) -> String {
        format == .csv ? String(x) : CentralityCommand.formatScore(x)
    }

    /// The line under a table that says what its interval columns mean.
    static func legend(_ simulation: SimulationOptions, uncertainFacts: Int, ranked: Bool) -> String {
        var line = "\(simulation.worlds) sampled worlds (seed \(simulation.seed), \(uncertainFacts) uncertain facts); interval: 5th-95th percentile over the worlds (NumPy's linear)"
        if ranked { line += "; P(top \(simulation.top)): share of worlds in which the item ranks in the top \(simulation.top)" }
        return line + "\n"
    }
}

// MARK: - Output over sampled worlds

extension CentralityCommand {
    /// A ranking with its spread over sampled worlds: the exact columns, then mean, interval, top-k share and
    /// rank interval (JSON: the exact shape plus `uncertainty`).
    static func render(_ ranking: CentralityRanking, uncertainty: UncertainRanking, format: OutputFormat, top: Int?) -> String {
        var shown = ranking, spread = uncertainty
        if let top {
            shown.scores = Array(ranking.scores.prefix(top))
            spread.items = Array(uncertainty.items.prefix(top))
        }
        if format == .json { return shown.outputValue(uncertainty: spread).json }
        let edges = ranking.measure.scoresEdges
        let k = uncertainty.simulation.top
        let exactHeaders = edges ? ["rank", "source", "target", "label", "score"] : ["rank", "id", "label", "kind", "score"]
        let spreadHeaders = format == .csv ? ["mean", "low", "high", "top_probability", "rank_low", "rank_high"]
            : ["mean", "90% interval", "P(top \(k))", "rank 90%"]
        let rows = zip(shown.scores, spread.items).map { item, spread in
            let score = UncertaintyOptions.number(item.score, format)
            let exact = edges ? ["\(item.rank)", item.id, item.target ?? "", item.label, score]
                : ["\(item.rank)", item.id, item.label, item.kind ?? "", score]
            return exact + spreadColumns(spread, format: format)
        }
        let table = TextTable(headers: exactHeaders + spreadHeaders,
                              alignments: [.right, .left, .left, .left, .right] + spreadHeaders.map { _ in .right }, rows: rows)
        if format == .csv { return table.csv }
        return table.aligned + UncertaintyOptions.legend(uncertainty.simulation, uncertainFacts: uncertainty.uncertainFacts, ranked: true)
    }

    /// Mean, interval, top-k share and rank interval: two columns for people, six for CSV.
    static func spreadColumns(_ item: UncertainScore, format: OutputFormat) -> [String] {
        let number = { (x: Double) in UncertaintyOptions.number(x, format) }
        if format == .csv {
            return [number(item.value.mean), number(item.value.low), number(item.value.high), number(item.topProbability),
                    number(item.rankLow), number(item.rankHigh)]
        }
        return [number(item.value.mean), UncertaintyOptions.interval(item.value.low, item.value.high), String(format: "%.3f", item.topProbability),
                UncertaintyOptions.interval(item.rankLow, item.rankHigh)]
    }
}

extension ChokepointsCommand {
    /// The report with each chokepoint's impact over sampled worlds (JSON: the exact shape plus `uncertainty`).
    static func render(_ report: ChokepointReport, uncertainty: UncertainRanking, format: OutputFormat, top: Int?) -> String {
        var shown = report, spread = uncertainty
        if let top {
            shown.chokepoints = Array(report.chokepoints.prefix(top))
            spread.items = Array(uncertainty.items.prefix(top))
        }
        if format == .json { return shown.outputValue(uncertainty: spread).json }
        let byID = Dictionary(uniqueKeysWithValues: spread.items.map { ($0.id, $0) })
        let k = uncertainty.simulation.top
        let spreadHeaders = format == .csv ? ["mean", "low", "high", "top_probability", "rank_low", "rank_high"]
            : ["mean", "90% interval", "P(top \(k))", "rank 90%"]
        let rows = shown.chokepoints.enumerated().map { position, entry in
            ["\(position + 1)", entry.id, entry.label, entry.kind ?? "", "\(entry.impact)", "\(entry.dependents)"]
                + (byID[entry.id].map { CentralityCommand.spreadColumns($0, format: format) } ?? spreadHeaders.map { _ in "" })
        }
        let table = TextTable(headers: ["rank", "id", "label", "kind", "impact", "dependents"] + spreadHeaders,
                              alignments: [.right, .left, .left, .left, .right, .right] + spreadHeaders.map { _ in .right }, rows: rows)
        if format == .csv { return table.csv }
        var out = table.aligned
        out += UncertaintyOptions.legend(uncertainty.simulation, uncertainFacts: uncertainty.uncertainFacts, ranked: true)
        out += "consumers: \(report.options.consumers) (\(report.consumerCount)); providers: \(report.options.providers); model: \(report.options.model.rawValue)\n"
        return out
    }
}

extension WhatIfCommand {
    /// Scenarios with their spread over sampled worlds (JSON: each exact shape plus `uncertainty`).
    static func render(_ results: [(WhatIfResult, UncertainWhatIf)], format: OutputFormat) -> String {
        switch format {
        case .json:
            let values = results.map { $0.0.outputValue(uncertainty: $0.1) }
            return values.count == 1 ? values[0].json : OutputValue.map([("scenarios", .list(values))]).json
        case .csv:
            var rows: [[String]] = []
            for (result, spread) in results {
                let exact = Dictionary(uniqueKeysWithValues: result.affected.map { ($0.id, $0) })
                for consumer in spread.consumers {
                    let affected = exact[consumer.id]
                    rows.append([result.scenario.name, consumer.id, consumer.label, "\(affected?.lostCount ?? 0)",
                                 affected?.lost.joined(separator: " ") ?? "", String(consumer.cutOffProbability),
                                 String(consumer.lost.mean), String(consumer.lost.low), String(consumer.lost.high)])
                }
            }
            return TextTable(headers: ["scenario", "consumer", "label", "lost", "lost ids", "cut_off_probability", "mean_lost", "lost_low", "lost_high"],
                             rows: rows).csv
        case .table:
            var out = render(results.map(\.0), format: .table)
            for (result, spread) in results {
                let total = spread.lostPairs
                out += "Scenario: \(result.scenario.name), over \(spread.simulation.worlds) sampled worlds (seed \(spread.simulation.seed), \(spread.uncertainFacts) uncertain facts)\n"
                out += "lost pairs: \(CentralityCommand.formatScore(total.exact)) on the full map; mean \(CentralityCommand.formatScore(total.mean)); 90% interval \(UncertaintyOptions.interval(total.low, total.high))\n"
                out += "distribution (lost pairs × worlds): "
                    + spread.distribution.prefix(12).map { "\($0.lostPairs)×\($0.worlds)" }.joined(separator: ", ")
                    + (spread.distribution.count > 12 ? ", +\(spread.distribution.count - 12) more" : "") + "\n"
                if !spread.consumers.isEmpty {
                    out += TextTable(headers: ["consumer", "label", "lost", "mean", "90% interval", "P(cut off)"],
                                     alignments: [.left, .left, .right, .right, .right, .right],
                                     rows: spread.consumers.map { c in
                                         [c.id, c.label, CentralityCommand.formatScore(c.lost.exact), CentralityCommand.formatScore(c.lost.mean),
                                          UncertaintyOptions.interval(c.lost.low, c.lost.high), String(format: "%.3f", c.cutOffProbability)]
                                     }).aligned
                }
                out += "interval: 5th-95th percentile over the worlds (NumPy's linear); P(cut off): share of worlds in which the consumer loses a counted provider (cascade: fails)\n\n"
            }
            return out
        }
    }
}
