import EcoGraphIO

extension HTMLReport {
    /// The date slider's data: `{"step": "year", "notes": [...], "snapshots": [{"date": "2024", "nodes": [0, 2],
    /// "edges": [1], "rankings": [{"key": "pagerank", "entries": [[node, score, rank], ...]}], "impact":
    /// [[node, impact, rank], ...]}]}`, nodes and edges as indices into the data's `nodes` and `edges`.
    static func timelineJSON(_ t: ReportContent.DatedSnapshots) -> OutputValue {
        func entries(_ list: [ReportContent.DatedEntry]) -> OutputValue {
            .list(list.map { .list([.int($0.node), .number($0.score), .int($0.rank)]) })
        }
        return .map([
            ("step", .string(t.step)),
            ("notes", .strings(t.notes)),
            ("snapshots", .list(t.snapshots.map { s in
                .map([("date", .string(s.date)), ("nodes", .list(s.nodes.map(OutputValue.int))), ("edges", .list(s.edges.map(OutputValue.int))),
                      ("rankings", .list(s.rankings.map { .map([("key", .string($0.key)), ("entries", entries($0.entries))]) })),
                      ("impact", entries(s.impact))])
            })),
        ])
    }
}
