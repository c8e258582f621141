import ArgumentParser
import EcoGraph
import Foundation

/// `ecograph sensitivity`: the single facts a finding rests on.
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Rank the single facts (nodes, edges) whose removal changes a finding most: its load-bearing facts.",
        discussion: """
            Takes each node and edge away on its own (a node with its edges) and computes the finding again: the top K of chokepoint impact (--of impact, the default) or of a centrality measure (--of pagerank, ...), compared by the members that leave the top K and how far ranks move; or a scenario's verdict for each consumer (--of scenario with --scenario/--apply/--remove...): who is cut off. Each line names the fact, its kind, confidence, whether it is inferred, its sources and its line in the file, and what changes ("kenya no longer cut off", "hbm drops from 1 to 4"). Facts that change nothing are left out.

            With --candidates FILE and a scenario, also asks the reverse question: which single extra edge would save consumers the scenario cuts off. FILE lists one candidate per line, `FROM TO KIND` (an alternative supplier: `nigeria qwen3 adopts`), `#` comments.

            Examples:
              ecograph sensitivity --top 10
              ecograph sensitivity --of pagerank --top 5 --format json
              ecograph sensitivity --of scenario --scenario Graphs/scenarios.yaml --name all-export-controls --consumers country
              ecograph sensitivity --of scenario --apply us-bis-2023-10-h800 --candidates alternatives.txt
            """
    )

    @OptionGroup var input: GraphInput
    @OptionGroup var dependency: DependencyOptions
    @OptionGroup var scenarios: ScenarioOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("What finding: impact, scenario, or a centrality measure (\(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "finding"))
    var of: String = "impact"

    @Option(help: "The size of the top compared.")
    var top: Int = 10

    @Option(help: "Which facts to take away: all, nodes or edges.")
    var facts: FactSet = .all

    @Option(help: ArgumentHelp("With a scenario: candidate extra edges, one `FROM TO KIND` per line.", valueName: "file"))
    var candidates: String?

    @Option(help: ArgumentHelp("Take away a uniform sample of this many facts instead of every one (large graphs); the output bounds the share of facts that change the finding at 95%.", valueName: "n"))
    var sample: Int?

    @Option(help: "The seed of --sample.")
    var seed: UInt64 = 1

    enum FactSet: String, ExpressibleByArgument, CaseIterable { case all, nodes, edges }

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1") }
        if of != "impact" && of != "scenario" && CentralityMeasure(rawValue: of) == nil {
            throw ValidationError("--of '\(of)' is none of impact, scenario, \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if (of == "scenario") != (scenarios.isInline || scenarios.scenario != nil) {
            throw ValidationError("--of scenario needs a scenario (--scenario FILE [--name N], or --apply/--remove/--remove-kind/--remove-edges), and a scenario needs --of scenario")
        }
        if candidates != nil && of != "scenario" { throw ValidationError("--candidates applies to --of scenario") }
    }

    func run() throws {
        try reportingErrors {
            let graph = try input.load(view: .dependency)
            let target: SensitivityTarget
            var rescues: [Rescue]?
            if of == "scenario" {
                let loaded = try scenarios.load(limits: input.limits.limits)
                guard loaded.count == 1 else {
                    throw CLIError("--of scenario takes one scenario; the file has \(loaded.count) (choose one with --name)")
                }
                target = .scenario(loaded[0])
                if let candidates { rescues = try graph.rescues(from: loaded[0], candidates: Self.readCandidates(candidates), options: dependency.options) }
            } else {
                target = of == "impact" ? .impact : .centrality(CentralityMeasure(rawValue: of)!)
            }
            let all = graph.allFacts
            let chosen: [Fact] = switch facts {
            case .all: all
            case .nodes: all.filter { if case .node = $0 { true } else { false } }
            case .edges: all.filter { if case .edge = $0 { true } else { false } }
            }
            let examined = sample.map { LoadedGraph.sample(chosen, count: $0, seed: seed) } ?? chosen
            var report = try graph.sensitivity(of: target, options: dependency.options, top: top, facts: examined)
            report.population = chosen.count
            printOut(Self.render(report, rescues: rescues, file: graph.locations?.file, format: output.format))
        }
    }

    /// Candidate edges: `FROM TO KIND` per line; blank lines and `#` comments skipped.
    static func readCandidates(_ path: String) throws -> [EcosystemEdge] {
        let text = try InputFile.text(path, limits: .default)
        var edges: [EcosystemEdge] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if words.isEmpty { continue }
            guard words.count == 3 else {
                let column = (line.firstIndex { $0 != " " && $0 != "\t" }.map { line.distance(from: line.startIndex, to: $0) } ?? 0) + 1
                throw CLIError("\(path):\(number + 1):\(column): a candidate is `FROM TO KIND`, found \(words.count) word\(words.count == 1 ? "" : "s")")
            }
            edges.append(EcosystemEdge(from: String(words[0]), to: String(words[1]), kind: String(words[2])))
        }
        guard !edges.isEmpty else { throw CLIError("\(path): no candidate edges (one `FROM TO KIND` per line)") }
        return edges
    }

    private static func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }

    static func render(_ report: SensitivityReport, rescues: [Rescue]?, file: String?, format: OutputFormat) -> String {
        switch format {
        case .json:
            var value = report.outputValue
            if let rescues, case .map(var fields) = value {
                fields.append(("rescues", .list(rescues.map(\.outputValue))))
                value = .map(fields)
            }
            return value.json
        case .csv:
            var rows = report.facts.enumerated().map { i, f in
                ["\(i + 1)", f.name, f.kind ?? "", AttributeValue.number(f.confidence).description, f.inferred ? "true" : "false", f.sources.joined(separator: " "),
                 f.location.map { "\($0.line)" } ?? "", f.changes.joined(separator: "; ")]
            }
            rows += (rescues ?? []).map { ["rescue", "\($0.edge.from) -> \($0.edge.to) (\($0.edge.kind))", $0.edge.kind, "", "", "", "",
                                            $0.saved.map { "\($0) no longer cut off" }.joined(separator: "; ")] }
            return TextTable(headers: ["rank", "fact", "kind", "confidence", "inferred", "sources", "line", "changes"], rows: rows).csv
        case .table:
            var out = "Load-bearing facts for \(report.target.name)"
            if case .scenario = report.target { out += " (cut off on the full map: \(report.baseline.isEmpty ? "none" : report.baseline.joined(separator: ", ")))\n" }
            else { out += ", top \(report.top) (\(report.baseline.joined(separator: ", ")))\n" }
            out += "\(report.facts.count) of \(report.examined) facts change it"
            if report.examined < report.population {
                let share = report.changingShare
                out += " (a sample of \(report.population) facts: between \(percent(share.low)) and \(percent(share.high)) of all facts change it, 95%)"
            }
            out += "\n"
            let rows = report.facts.enumerated().map { i, f in
                ["\(i + 1)", f.name, f.kind ?? "", AttributeValue.number(f.confidence).description, f.inferred ? "yes" : "",
                 f.sources.prefix(3).joined(separator: " ") + (f.sources.count > 3 ? " +\(f.sources.count - 3)" : ""),
                 f.location.map { "\(file.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""):\($0.line)" } ?? "",
                 f.changes.prefix(3).joined(separator: "; ") + (f.changes.count > 3 ? "; +\(f.changes.count - 3) more" : "")]
            }
            if !rows.isEmpty {
                out += TextTable(headers: ["#", "fact", "kind", "conf.", "inferred", "sources", "at", "what changes"],
                                 alignments: [.right, .left, .left, .right, .left, .left, .left, .left], rows: rows).aligned
            }
            if let rescues {
                out += rescues.isEmpty ? "no candidate saves a consumer\n" : "candidates that save consumers:\n"
                for rescue in rescues {
                    out += "  \(rescue.edge.from) -> \(rescue.edge.to) (\(rescue.edge.kind)): \(rescue.saved.map { "\($0) no longer cut off" }.joined(separator: ", "))\n"
                }
            }
            return out
        }
    }
}
