import EcoGraphAnalysis
import EcoGraphTestSupport
import Testing

@Suite struct DependencyAnalysisTests {
    private func supplyChain() throws -> LoadedGraph {
        LoadedGraph(ecosystem: try EcosystemFile.read(contentsOf: Fixtures.path("ecosystems/supply-chain.yaml")))
    }

    private func entry(_ report: ChokepointReport, _ id: String) -> ChokepointEntry? { report.chokepoints.first { $0.id == id } }

    @Test func impactCountsThePairsLostFromDominatorSubtrees() throws {
        let report = try supplyChain().chokepoints()
        // chip-a: model-x loses {chip-a, chipco} (fab still reached through chip-b), model-y loses
        // {chip-a, chipco, fab}, kenya loses {chip-a, chipco}.
        let chipA = try #require(entry(report, "chip-a"))
        #expect(chipA.impact == 7 && chipA.dependents == 3)
        #expect(chipA.consumers.map(\.consumer) == ["model-y", "kenya", "model-x"])
        #expect(chipA.consumers[0].nodes == ["chip-a", "chipco", "fab"])
        #expect(report.chokepoints.map(\.impact) == report.chokepoints.map(\.impact).sorted(by: >))
        #expect(report.cycles.isEmpty && report.stronglyConnectedComponents == 12)
    }

    @Test func providersRestrictWhatCounts() throws {
        let report = try supplyChain().chokepoints(ChokepointOptions(consumers: NodeSelection("kenya"), providers: NodeSelection("model")))
        #expect(report.consumerCount == 1)
        #expect(entry(report, "model-x")?.impact == 1)
        #expect(entry(report, "fab")?.impact == 0)
        #expect(entry(report, "model-x")?.consumers.first?.nodes == ["model-x"])
    }

    @Test func aSingleRemovalLosesExactlyTheImpactOfThatNode() throws {
        let graph = try supplyChain()
        let report = try graph.chokepoints()
        for node in 0 ..< graph.nodeCount {
            let result = try graph.whatIf(Scenario(name: "x", removeNodes: [graph.id(node)]))
            #expect(result.lostPairs == (entry(report, graph.id(node))?.impact ?? 0), "\(graph.id(node))")
        }
    }

    @Test func exportControlsCutTheTargetsDependenciesOnTheItem() throws {
        let graph = try supplyChain()
        let result = try graph.whatIf(Scenario(name: "ctrl", apply: ["ctrl-a"]))
        #expect(result.cutDependencies == [EdgeRef(from: "model-x", to: "chip-a", kind: "builds_on")])
        #expect(result.affected.map(\.id) == ["model-x"])
        #expect(result.affected[0].lost == ["chip-a", "chipco"])
        #expect(result.lostPairs == 2)
        // Under the cascade model model-x keeps chip-b, its alternative: nothing fails.
        let cascade = try graph.whatIf(Scenario(name: "ctrl", apply: ["ctrl-a"]), options: ChokepointOptions(model: .cascade))
        #expect(cascade.lostPairs == 0 && cascade.rounds.dropFirst().allSatisfy(\.isEmpty))
    }

    @Test func entityListingsCutTheListedEntitysSupplyFromTheIssuer() throws {
        // lab depends on nothing of the US's in this graph: the listing cuts nothing.
        let result = try supplyChain().whatIf(Scenario(name: "list", apply: ["list-lab"]))
        #expect(result.cutDependencies.isEmpty && result.lostPairs == 0)
    }

    @Test func bansCutTheBanningStatesAdoption() throws {
        let result = try supplyChain().whatIf(Scenario(name: "ban", apply: ["ban-x"]))
        #expect(result.cutDependencies == [EdgeRef(from: "kenya", to: "model-x", kind: "adopts")])
        #expect(result.affected.map(\.id) == ["kenya"])
        #expect(result.affected[0].lost == ["chip-b", "cnchip", "lab", "model-x"])
    }

    @Test func cascadesHonourAlternativesRoundByRound() throws {
        let graph = try supplyChain()
        let options = ChokepointOptions(model: .cascade)
        let chipB = try graph.whatIf(Scenario(name: "b", removeNodes: ["chip-b"], apply: ["ctrl-a"]), options: options)
        #expect(chipB.rounds == [["chip-b"], ["model-x"]])
        #expect(chipB.affected.map(\.id) == ["model-x"])
        let fab = try graph.whatIf(Scenario(name: "fab", removeNodes: ["fab"]), options: options)
        #expect(fab.rounds == [["fab"], ["chipco", "cnchip"], ["chip-a", "chip-b"], ["model-x", "model-y"], ["kenya"]])
        #expect(fab.lostPairs == 7)
        let report = try graph.chokepoints(ChokepointOptions(consumers: NodeSelection("kenya"), model: .cascade))
        #expect(report.chokepoints.first?.id == "fab" && report.chokepoints.first?.impact == 1)
        #expect(report.chokepoints.dropFirst().allSatisfy { $0.impact == 0 })
    }

    @Test func edgeKindRemovalAndKindRemoval() throws {
        let graph = try supplyChain()
        let noBuilds = try graph.whatIf(Scenario(name: "e", removeEdgeKinds: ["builds_on"]))
        #expect(noBuilds.cutDependencies.count == 3)
        let noStates = try graph.whatIf(Scenario(name: "k", removeNodeKinds: ["technology"]))
        #expect(noStates.removed == ["chip-a", "chip-b"])
    }

    @Test func minimumCutsBetweenConsumersAndProviders() throws {
        let graph = try supplyChain()
        let models = try graph.minimumCut(from: NodeSelection("kenya"), to: NodeSelection("model"))
        #expect(models.nodes == ["model-x", "model-y"])
        let fab = try graph.minimumCut(from: NodeSelection("kenya"), to: NodeSelection("fab"))
        #expect(fab.nodes == ["fab"])
        let edges = try graph.minimumCut(from: NodeSelection("model-y"), to: NodeSelection("fab"), unit: .edges)
        #expect(edges.unit == .edges && edges.nodes.isEmpty)
        #expect(edges.size == 1)
        let overlap = try #require(throws: AnalysisError.self) { try graph.minimumCut(from: NodeSelection("kenya"), to: NodeSelection("kenya")) }
        #expect(overlap.description.contains("share kenya"))
    }

    @Test func selectionsResolveKindsGroupsAndIDs() throws {
        let graph = try supplyChain()
        #expect(try graph.nodes(in: NodeSelection("model")).map(graph.id) == ["model-x", "model-y"])
        #expect(try graph.nodes(in: NodeSelection("global-south")).map(graph.id) == ["kenya"])
        #expect(try graph.nodes(in: NodeSelection("fab,lab")).map(graph.id) == ["fab", "lab"])
        let unknown = try #require(throws: AnalysisError.self) { try graph.nodes(in: NodeSelection("mars")) }
        #expect(unknown.description.contains("'mars'"))
        let scenario = try #require(throws: AnalysisError.self) { try graph.whatIf(Scenario(name: "s", apply: ["fab"])) }
        #expect(scenario.description.contains("no edge has id 'fab'"))
    }

    @Test func scenarioFilesReadWithPositions() throws {
        let scenarios = try ScenarioFile.read(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Graphs/scenarios.yaml").path)
        #expect(scenarios.map(\.name).contains("deepseek-bans"))
        let bad = "scenarios:\n  - {name: a, remove: [x]}\n  - {name: a, frobnicate: 1}\n"
        let error = try #require(throws: GraphFileError.self) { try ScenarioFile.decode(bad, format: .yaml, file: "s.yaml") }
        #expect(error.description.split(separator: "\n").map(String.init) == [
            "s.yaml:3:5: duplicate scenario name 'a' (first defined at line 2)",
            "s.yaml:3:15: unknown key 'frobnicate' in a scenario (expected one of: name, description, remove, removeKinds, removeEdges, apply)",
        ])
        // Every scenario shipped with the bundled graph resolves against it.
        let bundled = LoadedGraph(ecosystem: try Ecosystem.bundled())
        for scenario in scenarios { _ = try bundled.resolve(scenario) }
    }
}
