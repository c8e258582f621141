import ArgumentParser
import EcoGraph

/// `ecograph whatif`: what breaks when nodes, kinds or edges go, or restrictions apply.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Simulate knockouts, export controls and bans; report what each consumer loses.",
        discussion: """
            Removes nodes (--remove), every node of a kind (--remove-kind), every edge of a kind (--remove-edges), or applies restriction edges by id (--apply): an export control cuts its targets' dependencies on the controlled item; a ban cuts the banning state's dependencies on the banned item. Reports the lost (consumer, provider) pairs, what each consumer no longer reaches, and how the chokepoint ranking changes. A --scenario file names several scenarios, which are run and compared side by side. For one removed node and all consumers, lostPairs equals that node's chokepoint impact.

            Examples:
              ecograph whatif --remove nvidia
              ecograph whatif --apply us-bis-2023-10-h800,us-2025-04-h20 --consumers country
              ecograph whatif --scenario Graphs/scenarios.yaml --consumers global-south --providers model
              ecograph whatif --remove-kind state --model cascade --format json
              ecograph whatif --apply us-bis-2023-10-h800 --consumers country --uncertainty 1000 --seed 3
            """
    )

    @OptionGroup var input: GraphInput
    @OptionGroup var dependency: DependencyOptions

    @OptionGroup var scenarios: ScenarioOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "How many top chokepoints to compare before and after.")
    var top: Int = 10

    @OptionGroup var uncertain: UncertaintyOptions

    func validate() throws {
        if scenarios.isInline == (scenarios.scenario != nil) {
            throw ValidationError("give --remove/--remove-kind/--remove-edges/--apply, or --scenario FILE")
        }
    }

    func run() throws {
        try reportingErrors {
            let scenarios = try self.scenarios.load(limits: input.limits.limits)
            let graph = try input.load(view: .dependency)
            var results: [WhatIfResult] = []
            for scenario in scenarios { results.append(try graph.whatIf(scenario, options: dependency.options, rankingSize: top)) }
            if let simulation = uncertain.simulation(top: top) {
                var spreads: [UncertainWhatIf] = []
                for scenario in scenarios { spreads.append(try graph.whatIfUncertainty(scenario, options: dependency.options, simulation: simulation)) }
                if let first = spreads.first, spreads.allSatisfy({ $0.uncertainFacts == 0 }) { UncertaintyOptions.noteIfCertain(first.uncertainFacts, input: input) }
                printOut(Self.render(Array(zip(results, spreads)), format: output.format))
            } else {
                printOut(Self.render(results, format: output.format))
            }
        }
    }

    static func render(_ results: [WhatIfResult], format: OutputFormat) -> String {
        switch format {
        case .json:
            return results.count == 1 ? results[0].outputValue.json : OutputValue.map([("scenarios", .list(results.map(\.outputValue)))]).json
        case .csv:
            var rows: [[String]] = []
            for result in results {
                for consumer in result.affected {
                    rows.append([result.scenario.name, consumer.id, consumer.label, "\(consumer.lostCount)", consumer.lost.joined(separator: " ")])
                }
            }
            return TextTable(headers: ["scenario", "consumer", "label", "lost", "lost ids"], rows: rows).csv
        case .table:
            var out = ""
            if results.count > 1 {
                out += "Scenarios side by side\n"
                out += TextTable(headers: ["scenario", "removed", "cut", "lost pairs", "affected", "most affected"],
                                 alignments: [.left, .right, .right, .right, .right, .left],
                                 rows: results.map { r in
                                     [r.scenario.name, "\(r.removed.count)", "\(r.cutDependencies.count)", "\(r.lostPairs)", "\(r.affected.count)",
                                      r.affected.prefix(3).map { "\($0.id) (\($0.lostCount))" }.joined(separator: ", ")]
                                 }).aligned
                out += "\n"
            }
            for result in results {
                out += "Scenario: \(result.scenario.name)\(result.scenario.description.isEmpty ? "" : " — \(result.scenario.description)")\n"
                out += "removed: \(result.removed.isEmpty ? "none" : result.removed.joined(separator: ", "))\n"
                out += "cut dependencies: \(result.cutDependencies.count)"
                    + (result.cutDependencies.isEmpty ? "" : " (" + result.cutDependencies.prefix(8).map(\.description).joined(separator: ", ")
                        + (result.cutDependencies.count > 8 ? ", ..." : "") + ")") + "\n"
                for skipped in result.skipped { out += "not applied: \(skipped)\n" }
                out += "lost pairs: \(result.lostPairs); affected consumers: \(result.affected.count)\n"
                if result.model == .cascade {
                    for (round, failed) in result.rounds.enumerated() where !failed.isEmpty {
                        out += "  round \(round): \(failed.joined(separator: ", "))\n"
                    }
                }
                if !result.affected.isEmpty {
                    out += TextTable(headers: ["consumer", "label", "lost", "no longer reaches"], alignments: [.left, .left, .right, .left],
                                     rows: result.affected.map { [$0.id, $0.label, "\($0.lostCount)",
                                                                  $0.lost.prefix(6).joined(separator: ", ") + ($0.lost.count > 6 ? ", +\($0.lost.count - 6)" : "")] }).aligned
                }
                if !result.rankingChanges.isEmpty {
                    out += "chokepoint ranking (impact) before -> after:\n"
                    out += TextTable(headers: ["id", "impact before", "impact after", "rank before", "rank after"],
                                     alignments: [.left, .right, .right, .right, .right],
                                     rows: result.rankingChanges.map { [$0.id, "\($0.impactBefore)", "\($0.impactAfter)", "\($0.rankBefore)", $0.rankAfter.map(String.init) ?? "removed"] }).aligned
                }
                out += "\n"
            }
            return out
        }
    }
}
