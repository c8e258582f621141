import ArgumentParser
import EcoGraph
import Foundation

/// `ecograph robustness`: what stays connected as nodes go, in random, targeted or policy order.
struct RobustnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robustness",
        abstract: "Robustness curves: remove nodes in an order and report what stays connected after each step.",
        discussion: """
            Removes nodes from the dependency graph (u -> v: u depends on v) in an order and reports, after each step: the size of the largest weakly connected component, the reachable (consumer, provider) pairs (a consumer still present reaches a provider other than itself), and the consumers cut off (still present, but no longer reaching a provider they reached at the start; a removed provider counts as lost). --consumers and --providers choose whose reach counts and which nodes count.

            Orders: random (every node in a random order, --runs times, seeded by --seed: each quantity is reported as the mean over the runs with its 90% interval, the 5th to 95th percentile, interpolated linearly between order statistics); degree, betweenness, pagerank or impact (every node, highest first, ties by id; ranked once on the whole graph, or with --adaptive recomputed on what remains before every step); or FILE, a policy order: one id a line, # for comments, where a node id removes the node and a restriction edge id applies the restriction as `whatif --apply` would (a file named like an order is given as ./random).

            --steps K spreads the order over K evenly spaced checkpoints: checkpoint k has removed floor(k * L / K) of the order's L entries, so each step removes about L / K of them (default: one step per entry; K above L counts as L). --adaptive recomputes after each step. The curves are computed in near-linear time whatever K (union-find and one bottleneck search per consumer and run), so K only sets the resolution.

            Output: a table, CSV or JSON (--format; for random, every quantity has p5 and p95 columns beside its mean), and with --chart FILE an SVG line chart of the three quantities as shares of their reference (largest component / nodes, pairs / pairs at the start, cut-off consumers / consumers), the random interval as a shaded band.

            Examples:
              ecograph robustness --order impact
              ecograph robustness --order degree --adaptive --chart degree.svg
              ecograph robustness --order random --runs 200 --seed 7 --format csv
              ecograph robustness --order controls.txt --consumers country
              ecograph robustness deps.txt --order random --steps 100 --format json
            """
    )

    @OptionGroup var input: GraphInput
    @OptionGroup var dependency: DependencyOptions

    @Option(help: ArgumentHelp("The removal order: random, degree, betweenness, pagerank, impact, or a FILE of node and restriction ids, one a line.",
                               valueName: "order"))
    var order: String

    @Flag(help: "Recompute the measure (degree, betweenness, pagerank, impact) on what remains before each step.")
    var adaptive = false

    @Option(help: ArgumentHelp("The number of evenly spaced checkpoints over the order (default: one per entry).", valueName: "k"))
    var steps: Int?

    @Option(help: ArgumentHelp("With --order random: the number of random orders (default 100).", valueName: "r"))
    var runs: Int?

    @Option(help: ArgumentHelp("With --order random: the seed (default 0); run r depends only on (seed, r).", valueName: "s"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Also write the curves as an SVG line chart to this file.", valueName: "file"))
    var chart: String?

    @OptionGroup var output: OutputOptions

    /// The orders spelled by a word; anything else is an order file.
    static let namedOrders = ["random"] + RobustnessMeasure.allCases.map(\.rawValue)

    func validate() throws {
        let measure = RobustnessMeasure(rawValue: order)
        if adaptive && measure == nil {
            throw ValidationError("--adaptive applies to --order \(RobustnessMeasure.allCases.map(\.rawValue).joined(separator: "|")), not to '\(order)'")
        }
        if order != "random" {
            if runs != nil { throw ValidationError("--runs applies to --order random") }
            if seed != nil { throw ValidationError("--seed applies to --order random") }
        }
        if dependency.model != .reach {
            throw ValidationError("--model \(dependency.model.rawValue) does not apply: robustness curves count reachable pairs (the reach model)")
        }
        if chart?.isEmpty == true { throw ValidationError("--chart must name a file") }
    }

    func run() throws {
        try reportingErrors {
            let removal: RemovalOrder
            if order == "random" {
                removal = .random
            } else if let measure = RobustnessMeasure(rawValue: order) {
                removal = .measure(measure, adaptive: adaptive)
            } else {
                guard order == "-" || FileManager.default.fileExists(atPath: order) else {
                    throw CLIError("unknown order '\(order)': give \(Self.namedOrders.joined(separator: ", ")), or an order file (there is no file '\(order)')")
                }
                removal = .list(try RemovalOrderFile.read(contentsOf: order, limits: input.limits.limits))
            }
            let graph = try input.load(view: .dependency)
            let options = RobustnessOptions(order: removal, steps: steps, runs: runs ?? 100, seed: seed ?? 0,
                                            consumers: NodeSelection(dependency.consumers), providers: NodeSelection(dependency.providers))
            let curve = try graph.robustness(options)
            if let chart {
                try AtomicFile.write(RobustnessChart.svg([curve], title: "Robustness of \(input.displayName)"), to: chart)
                printError("wrote \(chart): \(curve.points.count) checkpoints")
            }
            printOut(Self.render(curve, format: output.format))
        }
    }

    static func render(_ curve: RobustnessCurve, format: OutputFormat) -> String {
        switch format {
        case .json:
            return curve.outputValue.json
        case .csv:
            return curve.table.csv
        case .table:
            var out = "order: \(curve.order)"
            if let seed = curve.seed { out += " (\(curve.runs) runs, seed \(seed); mean, then the 5th and 95th percentiles)" }
            out += "; \(curve.steps) steps over \(curve.length) removals\n"
            out += "nodes: \(curve.nodeCount); consumers: \(curve.consumers) (\(curve.consumerCount)); providers: \(curve.providers) (\(curve.providerCount))\n"
            for skipped in curve.skipped { out += "not applied: \(skipped)\n" }
            return out + curve.table.aligned
        }
    }
}
