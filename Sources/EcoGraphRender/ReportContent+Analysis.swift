import EcoGraphAnalysis

extension LoadedGraph {
    /// Everything `HTMLReport` shows for this graph: each centrality measure (computed once), the chokepoints,
    /// each scenario, per-node data with resolved sources, and, for a typed ecosystem, its references with what
    /// cites them (a generic graph has no provenance section).
    ///
    /// Measures that are undefined on this graph (in/out-degree on an undirected graph) or that fail (an
    /// eigenvector that does not converge) are skipped, each with a sentence in `notes`.
    ///
    /// - Parameters:
    ///   - scenarios: what-if scenarios to simulate (`whatIf`), in order.
    ///   - diagram: the diagram as SVG (Graphviz's output for `diagram()`), sanitised by `HTMLReport`.
    ///   - top: how many entries each centrality ranking lists (≥ 1).
    ///   - title: the report's title; default the ecosystem's name, else the graph's name.
    ///   - generatedBy: the line under the title (tool, version, input).
    ///   - centralityOptions: options of every measure.
    ///   - dependency: consumers, providers and impact model of the chokepoints and scenarios.
    /// - Throws: `AnalysisError` when `top` is below 1, a selection names unknown nodes, or a scenario names an
    ///   id or kind the graph does not have (the message names the scenario).
    /// - Complexity: every centrality measure, one chokepoint analysis and one `whatIf` per scenario.
    public func reportContent(
        scenarios: [Scenario], diagram: String, top: Int = 15, title: String? = nil, generatedBy: String = "ecograph",
        centrality centralityOptions: CentralityOptions = .init(), dependency: ChokepointOptions = .init()
    ) throws(AnalysisError) -> ReportContent {
        guard top >= 1 else { throw .invalidParameter(.top, value: "\(top)", expected: "at least 1") }

        // Centrality: every measure once, edge betweenness included.
        var measures: [ReportContent.Measure] = []
        var rankings: [ReportContent.Ranking] = []
        var notes: [String] = []
        var scores = [[String: Double]](repeating: [:], count: nodeCount)
        let sweep = everyCentrality(options: centralityOptions, edges: true)
        for (measure, reason) in sweep.skipped {
            switch reason {
            case .needsDirectedGraph:
                notes.append("\(measure.displayName) is skipped: it is defined on directed graphs only.")
            case .failed(.measureFailed(_, let failure)):
                notes.append("\(measure.displayName) is skipped: \(failure)")
            case .failed(let error):
                notes.append("\(measure.displayName) is skipped: \(error)")
            }
        }
        for (measure, values) in sweep.computed {
            let described = ReportContent.Measure(key: measure.rawValue, name: measure.displayName, summary: measure.reportSummary)
            let ranking = self.ranking(measure, scores: values, options: centralityOptions)
            if !measure.scoresEdges {
                measures.append(described)
                for item in ranking.scores { scores[item.index][measure.rawValue] = item.score }
            }
            rankings.append(ReportContent.Ranking(
                measure: described, scoresEdges: measure.scoresEdges,
                entries: ranking.scores.prefix(top).map { item in
                    ReportContent.RankingEntry(rank: item.rank, id: item.id, target: item.target, label: item.label, score: item.score)
                }))
        }

        // Chokepoints.
        let report = try chokepoints(dependency)
        var impact = [Int?](repeating: nil, count: nodeCount)
        var dependents = [Int?](repeating: nil, count: nodeCount)
        for entry in report.chokepoints {
            impact[entry.node] = entry.impact
            dependents[entry.node] = entry.dependents
        }
        let chokepointRows = report.chokepoints.map { entry in
            ReportContent.Chokepoint(
                id: entry.id, label: entry.label, kind: entry.kind, impact: entry.impact, dependents: entry.dependents,
                consumers: entry.consumers.prefix(5).map { ReportContent.Loss(consumer: $0.consumer, count: $0.lost) },
                affectedConsumers: entry.consumers.count)
        }
        if !report.detailsListed {
            notes.append("Per-consumer losses are not listed: the graph has more than \(dependency.detailLimit) consumers.")
        }

        // Scenarios.
        var outcomes: [ReportContent.ScenarioOutcome] = []
        for scenario in scenarios {
            let result: WhatIfResult
            do {
                result = try whatIf(scenario, options: dependency)
            } catch {
                // Resolution errors already name their scenario; anything else (a selection) gets its name here.
                if case .scenario = error { throw error }
                throw .scenario(name: scenario.name, error)
            }
            outcomes.append(ReportContent.ScenarioOutcome(
                name: scenario.name, description: scenario.description, removed: result.removed,
                cutDependencies: result.cutDependencies.map(\.ids), lostPairs: result.lostPairs,
                affected: result.affected.map { ReportContent.Loss(consumer: $0.id, count: $0.lostCount, lost: $0.lost) }))
        }

        // Nodes, edges and provenance.
        var nodes: [ReportContent.Node] = []
        nodes.reserveCapacity(nodeCount)
        var edges: [ReportContent.Edge] = []
        var references: [ReportContent.Reference]?
        if let ecosystem {
            let referenceByKey = Dictionary(ecosystem.references.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            func citation(_ text: String) -> ReportContent.Citation {
                if let reference = referenceByKey[text] {
                    return ReportContent.Citation(text: text, key: reference.id, title: reference.title, publisher: reference.publisher,
                                                  date: reference.dateText, url: reference.url)
                }
                let isWeb = text.hasPrefix("http://") || text.hasPrefix("https://")
                return ReportContent.Citation(text: text, url: isWeb ? text : nil)
            }
            // The projection keeps the ecosystem's node order: node i of the table is node i of the ecosystem.
            for (i, node) in ecosystem.nodes.enumerated() where i < nodeCount {
                nodes.append(ReportContent.Node(
                    id: node.id, label: node.label, kind: node.kind,
                    attributes: node.attributes.keys.sorted().map { ReportContent.Attribute(name: $0, value: node.attributes[$0]!.description) },
                    sources: node.sources.map(citation), inferred: node.inferred, note: node.note,
                    scores: scores[i], impact: impact[i], dependents: dependents[i]))
            }
            edges = ecosystem.edges.map { ReportContent.Edge(from: $0.from, to: $0.to, kind: $0.kind) }
            var citingNodes: [String: [String]] = [:], citingEdges: [String: [[String]]] = [:]
            for node in ecosystem.nodes {
                for key in Set(node.sources) where referenceByKey[key] != nil { citingNodes[key, default: []].append(node.id) }
            }
            for edge in ecosystem.edges {
                for key in Set(edge.sources) where referenceByKey[key] != nil { citingEdges[key, default: []].append([edge.from, edge.to, edge.kind]) }
            }
            references = ecosystem.references.map { reference in
                ReportContent.Reference(key: reference.id, title: reference.title, publisher: reference.publisher, date: reference.dateText,
                                        url: reference.url, citingNodes: citingNodes[reference.id] ?? [],
                                        citingEdges: citingEdges[reference.id] ?? [])
            }
        } else {
            for i in 0 ..< nodeCount {
                nodes.append(ReportContent.Node(id: id(i), label: label(i), kind: kind(i), scores: scores[i],
                                                impact: impact[i], dependents: dependents[i]))
            }
            edges = (0 ..< table.edgeCount).map { e in
                ReportContent.Edge(from: id(Int(table.sources[e])), to: id(Int(table.targets[e])),
                                   kind: table.edgeKinds.map { table.edgeKindNames[Int($0[e])] })
            }
        }

        let name = ecosystem.map(\.name).flatMap { $0.isEmpty ? nil : $0 } ?? self.name
        var analysis = "Consumers: \(dependency.consumers) (\(report.consumerCount)); providers: \(dependency.providers); model: \(dependency.model.rawValue)"
        if let threshold = dependency.threshold { analysis += " (threshold \(threshold))" }
        return ReportContent(
            title: title ?? name, generatedBy: generatedBy, description: ecosystem?.description ?? "", diagramSVG: diagram,
            isDirected: graph.isDirected, edgeCount: table.edgeCount, measures: measures, nodes: nodes, edges: edges,
            rankings: rankings, notes: notes, analysis: analysis, consumerCount: report.consumerCount,
            chokepoints: chokepointRows, articulationPoints: report.articulationPoints, cycles: report.cycles,
            scenarios: outcomes, references: references,
            defaultMeasure: sweep.scores(.defaultRanking) != nil ? CentralityMeasure.defaultRanking.rawValue : nil)
    }
}
