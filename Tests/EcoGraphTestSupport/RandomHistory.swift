import EcoGraphModel

/// Random dated ecosystems for property tests: the same cases on every run, from a `SeededRandom`.
public enum RandomHistory {
    /// A random dated ecosystem: nodes and edges with random lifetimes (some open), confidences and inferred
    /// flags, and some restrictions with liftings.
    public static func ecosystem(_ rng: inout SeededRandom, nodes n: Int, edges m: Int) -> Ecosystem {
        func date() -> EcoDate { EcoDate(year: 2015 + rng.below(10), month: 1 + rng.below(12))! }
        func lifetime() -> Lifetime {
            var since: EcoDate? = rng.below(3) == 0 ? nil : date()
            var until: EcoDate? = rng.below(3) == 0 ? nil : date()
            if let s = since, let u = until, u.firstDay <= s.firstDay { (since, until) = (u == s ? nil : u, s) }
            return Lifetime(since: since, until: until)
        }
        var nodes = [EcosystemNode(id: "state", kind: "state")]
        for i in 0 ..< n {
            nodes.append(EcosystemNode(id: "n\(i)", kind: "technology", inferred: rng.below(5) == 0,
                                       confidence: [1, 0.9, 0.5, 0.2][rng.below(4)], lifetime: lifetime()))
        }
        var edges: [EcosystemEdge] = []
        for _ in 0 ..< m {
            let u = rng.below(n), v = rng.below(n)
            edges.append(EcosystemEdge(from: "n\(u)", to: "n\(v)", kind: "builds_on", confidence: [1, 0.8, 0.4][rng.below(3)],
                                       alternatives: rng.below(3) == 0 ? "g\(rng.below(2))" : nil, inferred: rng.below(4) == 0,
                                       lifetime: lifetime()))
        }
        for k in 0 ..< 3 {
            edges.append(EcosystemEdge(id: "r\(k)", from: "state", to: "n\(rng.below(n))", kind: "export_controls",
                                       lifetime: Lifetime(since: date()), lifted: rng.below(2) == 0 ? EcoDate(year: 2026) : nil))
        }
        return Ecosystem(nodes: nodes, edges: edges)
    }
}
