import EcoGraphModel
import Testing

@Suite struct ValidationTests {
    private func ecosystem(nodes: [EcosystemNode], edges: [EcosystemEdge] = []) -> Ecosystem {
        Ecosystem(references: [SourceReference(id: "ref", title: "A reference")], nodes: nodes, edges: edges)
    }

    @Test func aValidEcosystemHasNoIssues() {
        let eco = ecosystem(
            nodes: [
                EcosystemNode(id: "cn", kind: "state", sources: ["seed:L4"]),
                EcosystemNode(id: "ali", kind: "company", attributes: ["country": .string("cn")], sources: ["ref"]),
                EcosystemNode(id: "qwen", kind: "model", sources: ["https://example.org/qwen"]),
            ],
            edges: [
                EcosystemEdge(from: "ali", to: "qwen", kind: "develops", sources: ["seed:L1-L3"]),
                EcosystemEdge(from: "cn", to: "ali", kind: "backs", weight: 0.5, confidence: 0, sources: ["ref"]),
            ])
        #expect(eco.validate().isEmpty)
    }

    @Test func everyProblemIsReportedWithItsField() {
        let eco = ecosystem(
            nodes: [
                EcosystemNode(id: "a", kind: "company"),
                EcosystemNode(id: "a", kind: "company"),
                EcosystemNode(id: "m", kind: "robot"),
            ],
            edges: [
                EcosystemEdge(from: "a", to: "zzz", kind: "develops"),
                EcosystemEdge(from: "a", to: "a", kind: "adopts", weight: .nan),
                EcosystemEdge(from: "a", to: "a", kind: "likes", confidence: -0.1),
            ])
        let issues = eco.validate()
        let summary = issues.map { "\($0.subject)|\($0.field ?? "-")" }
        #expect(summary == [
            "node(1)|id", "node(2)|kind",
            "edge(0)|to", "edge(1)|to", "edge(1)|weight", "edge(2)|kind", "edge(2)|confidence",
        ])
        #expect(issues[0].related == .node(0))
        #expect(issues[0].message.contains("'a'"))
        #expect(issues[2].message.contains("'zzz'"))
        #expect(issues[3].message.contains("adopts") && issues[3].message.contains("'company'"))
    }

    @Test func idsAndSourcesAreChecked() {
        #expect(Ecosystem.isValidID("qwen-2.5_instruct"))
        #expect(Ecosystem.isValidID("通义千问"))
        for bad in ["", "a b", "a,b", "a\tb", "a\u{7}"] { #expect(!Ecosystem.isValidID(bad), "\(bad)") }
        let keys: Set<String> = ["ref"]
        for good in ["seed:L1", "seed:L26-L27", "https://x.org/a", "ref"] {
            #expect(Ecosystem.isWellFormedSource(good, referenceKeys: keys), "\(good)")
        }
        for bad in ["seed:L0", "seed:1", "seed:Lx", "http://", "unknown", "seed:L1-L2-L3"] {
            #expect(!Ecosystem.isWellFormedSource(bad, referenceKeys: keys), "\(bad)")
        }
    }

    @Test func declaredKindsExtendTheSchema() {
        var eco = ecosystem(
            nodes: [EcosystemNode(id: "m", kind: "model"), EcosystemNode(id: "hub", kind: "technology")],
            edges: [EcosystemEdge(from: "m", to: "hub", kind: "hosted_on")])
        #expect(eco.validate().map(\.field) == ["kind"])
        eco.declaredEdgeKinds = [EdgeKind("hosted_on", "", from: .only(["model"]), to: .any, role: .dependency(dependent: .source))]
        #expect(eco.validate().isEmpty)
        #expect(eco.schema.edgeKind("hosted_on")?.dependent == .source)
        eco.declaredEdgeKinds.append(EdgeKind("develops", "", from: .any, to: .any, role: .influence))
        #expect(eco.validate().map(\.subject) == [.declaredEdgeKind(1)])
    }

    @Test func builtInKindsCarryTheirDependencySemantics() {
        let schema = Schema.builtIn
        #expect(schema.nodeKinds.map(\.id) == ["company", "model", "state", "institute", "country", "initiative", "technology"])
        let expected: [String: EdgeRole] = [
            "develops": .dependency(dependent: .target), "backs": .dependency(dependent: .target),
            "builds_on": .dependency(dependent: .source), "derived_from": .dependency(dependent: .source),
            "adopts": .dependency(dependent: .source), "contributes_to": .dependency(dependent: .target),
            "supplies": .dependency(dependent: .target), "export_controls": .restriction(.export), "bans": .restriction(.use),
            "advocates": .influence, "member_of": .influence, "partners_with": .influence, "on_par_with": .influence,
        ]
        #expect(schema.edgeKinds.count == expected.count)
        for (id, role) in expected { #expect(schema.edgeKind(id)?.role == role, "\(id)") }
    }
}
