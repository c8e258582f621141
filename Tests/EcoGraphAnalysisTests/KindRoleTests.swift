import EcoGraphAnalysis
import EcoGraphTestSupport
import Foundation
import Testing

/// Kind roles: the analyses read roles from the schema, so kinds a file declares with the built-in kinds'
/// roles behave exactly as the built-in ones.
@Suite struct KindRoleTests {
    /// The supply-chain fixture, and the same graph with every kind renamed to a declared kind of the same role.
    private func pair() throws -> (builtIn: LoadedGraph, declared: LoadedGraph) {
        let path = Fixtures.path("ecosystems/supply-chain.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var renamed = text
        for (old, new) in [("kind: state", "kind: realm"), ("kind: country", "kind: land"), ("kind: technology", "kind: part"),
                           ("kind: company", "kind: firm"), ("kind: model", "kind: net"),
                           ("kind: develops", "kind: makes"), ("kind: supplies", "kind: feeds"), ("kind: builds_on", "kind: runs_on"),
                           ("kind: adopts", "kind: uses"), ("kind: on_par_with", "kind: rivals"),
                           ("kind: export_controls", "kind: embargoes"), ("kind: bans", "kind: forbids")] {
            renamed = renamed.replacingOccurrences(of: old, with: new)
        }
        renamed = renamed.replacingOccurrences(of: "nodes:\n", with: """
            kinds:
              nodes:
                realm: {description: "A state.", role: jurisdiction}
                land: {description: "A country.", role: jurisdiction}
                part: {description: "A chip.", role: item}
                firm: "A firm."
                net: {description: "A model.", role: entity}
              edges:
                makes: {role: dependency, dependent: target, conveys_home: true}
                feeds: {role: dependency, dependent: target}
                runs_on: {role: dependency, dependent: source}
                uses: {role: dependency, dependent: source}
                rivals: {role: influence}
                embargoes: {role: restriction, restricts: export, from: [realm], to: ["*"]}
                forbids: {role: restriction, restricts: use}
            nodes:

            """)
        let declared = try EcosystemFile.decode(renamed, format: .yaml, file: "renamed.yaml")
        return (try LoadedGraph.load(path: path), LoadedGraph(ecosystem: declared))
    }

    @Test func declaredKindsWithTheSameRolesGiveTheSameAnswers() throws {
        let (builtIn, declared) = try pair()
        #expect(builtIn.homes() == declared.homes())
        #expect(builtIn.homes()[builtIn.nodeIndex()["model-x"]!] == ["cn"])  // inherited from its developer, lab
        for (id, expectedCut) in [("ctrl-a", [["model-x", "chip-a"]]), ("list-lab", []), ("ban-x", [["kenya", "model-x"]])] {
            let a = try builtIn.whatIf(Scenario(name: id, apply: [id]))
            let b = try declared.whatIf(Scenario(name: id, apply: [id]))
            #expect(a.cutDependencies.map(\.ids) == expectedCut, "\(id)")
            #expect(b.cutDependencies.map(\.ids) == expectedCut, "\(id)")
            // The same consumers lose the same providers (their kinds are spelled differently, by design).
            #expect(a.affected.map(\.id) == b.affected.map(\.id) && a.affected.map(\.lost) == b.affected.map(\.lost), "\(id)")
            #expect(a.lostPairs == b.lostPairs, "\(id)")
        }
        #expect(try builtIn.chokepoints().chokepoints.map(\.impact) == declared.chokepoints().chokepoints.map(\.impact))
    }

    @Test func anEntityListingNeedsAnEntityAndAnItemControlNeedsAnItem() throws {
        // The same restriction on an `item` cuts its dependents; on an entity it is a listing (cuts the entity's supply).
        var b = EcosystemBuilder(name: "roles")
        b.node("us", kind: .state)
        b.node("cn", kind: .state)
        b.node("usco", kind: .company, attributes: ["country": "us"])
        b.node("cnlab", kind: .company, attributes: ["country": "cn"])
        b.node("chip", kind: .technology)
        b.edge("usco", "chip", .develops)
        b.edge("cnlab", "chip", .buildsOn)
        b.edge("us", "chip", .exportControls, id: "on-item", targets: ["cn"])
        b.edge("us", "cnlab", .exportControls, id: "on-entity")
        let graph = LoadedGraph(ecosystem: try b.build())
        #expect(try graph.whatIf(Scenario(name: "i", apply: ["on-item"])).cutDependencies.map(\.ids) == [["cnlab", "chip"]])
        // The listed lab loses what the US side supplies: the chip, developed by a US company.
        #expect(try graph.whatIf(Scenario(name: "e", apply: ["on-entity"])).cutDependencies == [EdgeRef(from: "cnlab", to: "chip", kind: "builds_on")])
        let notRestriction = try #require(throws: AnalysisError.self) { try graph.whatIf(Scenario(name: "n", apply: ["nope"])) }
        #expect(notRestriction == .scenario(name: "n", .unknownEdgeID("nope")))
    }

    @Test func rolesSurviveAWriteAndARead() throws {
        let (_, declared) = try pair()
        let ecosystem = try #require(declared.ecosystem)
        for format in [EcosystemFormat.yaml, .json] {
            let again = try EcosystemFile.decode(EcosystemFile.encode(ecosystem, as: format), format: format, file: "again")
            #expect(again.declaredNodeKinds == ecosystem.declaredNodeKinds, "\(format)")
            #expect(again.declaredEdgeKinds == ecosystem.declaredEdgeKinds, "\(format)")
        }
        let kinds = Dictionary(uniqueKeysWithValues: ecosystem.declaredEdgeKinds.map { ($0.id, $0) })
        #expect(kinds["embargoes"]?.role == .restriction(.export) && kinds["forbids"]?.role == .restriction(.use))
        #expect(kinds["makes"]?.conveysHome == true && kinds["feeds"]?.conveysHome == false)
        #expect(ecosystem.declaredNodeKinds.map(\.role) == [.jurisdiction, .jurisdiction, .item, .entity, .entity])
    }

    @Test func badRolesAreReportedWhereTheyAre() throws {
        let text = """
            ecograph: 1
            kinds:
              nodes:
                realm: {description: "x", role: kingdom}
              edges:
                embargoes: {role: restriction, restricts: everything}
                rivals: {role: influence, conveys_home: true}
            nodes: []
            edges: []
            """
        let error = try #require(throws: GraphFileError.self) { try EcosystemFile.decode(text, format: .yaml, file: "k.yaml") }
        let lines = error.description.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("k.yaml:4:") && $0.contains("unknown role 'kingdom'") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("k.yaml:6:") && $0.contains("unknown `restricts` 'everything'") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("k.yaml:7:") && $0.contains("`conveys_home` is only for dependency") }, "\(lines)")
    }

    @Test func theBuiltInSchemaDeclaresTheRoles() {
        let schema = Schema.builtIn
        #expect(schema.nodeKinds.filter { $0.role == .jurisdiction }.map(\.id) == [NodeKind.state.id, NodeKind.country.id])
        #expect(schema.nodeKinds.filter { $0.role == .item }.map(\.id) == [NodeKind.technology.id])
        #expect(schema.edgeKinds.compactMap(\.restriction) == [.export, .use])
        #expect(schema.edgeKinds.filter(\.conveysHome).map(\.id) == [EdgeKind.develops.id])
    }
}
