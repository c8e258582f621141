import EcoGraphAnalysis
@testable import EcoGraphRender
import EcoGraphTestSupport
import Foundation
import Testing

/// The report's date slider data against snapshots made independently: the ecosystem filtered as of each day
/// and analysed afresh.
@Suite struct ReportTimelineTests {
    private func dated() throws -> (Ecosystem, LoadedGraph, ReportContent) {
        let ecosystem = try EcosystemFile.read(contentsOf: Fixtures.path("ecosystems/dated-timeline.yaml"))
        let graph = LoadedGraph(ecosystem: ecosystem)
        return (ecosystem, graph, try graph.reportContent(scenarios: [], diagram: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", top: 3))
    }

    private let dates = EcoDate.series(from: EcoDate(year: 2019)!, to: EcoDate(year: 2025)!, step: .year)

    @Test func liveNodesEdgesAndRankingsAreEachDaysOwn() throws {
        let (ecosystem, graph, content) = try dated()
        let timeline = try graph.datedSnapshots(dates: dates, step: "year", for: content, top: 3)
        #expect(timeline.snapshots.map(\.date) == ["2019", "2020", "2021", "2022", "2023", "2024", "2025"])
        #expect(timeline.notes.isEmpty)
        for (snapshot, day) in zip(timeline.snapshots, dates) {
            let then = ecosystem.snapshot(on: day)
            #expect(snapshot.nodes.map { content.nodes[$0].id } == then.nodes.map(\.id), "\(day)")
            let key = { (e: ReportContent.Edge) in "\(e.from)>\(e.to)/\(e.kind ?? "")" }
            #expect(snapshot.edges.map { key(content.edges[$0]) } == then.edges.map { "\($0.from)>\($0.to)/\($0.kind)" }, "\(day)")

            // Impact: the first three of the day's chokepoints (impact, then id), with competition ranks.
            let report = try LoadedGraph(ecosystem: ecosystem, filter: FactFilter(asOf: day)).chokepoints()
            var impact = Dictionary(uniqueKeysWithValues: then.nodes.map { ($0.id, 0.0) })
            for entry in report.chokepoints { impact[entry.id] = Double(entry.impact) }
            let expected = impact.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
            #expect(snapshot.impact.map { content.nodes[$0.node].id } == expected.map(\.key), "\(day)")
            #expect(snapshot.impact.map(\.score) == expected.map(\.value), "\(day)")
            #expect(snapshot.impact.map(\.rank) == expected.map { e in 1 + impact.values.filter { $0 > e.value }.count }, "\(day)")

            // PageRank: the day's own ranking.
            let pagerank = try #require(snapshot.rankings.first { $0.key == "pagerank" })
            let ranking = try LoadedGraph(ecosystem: ecosystem, filter: FactFilter(asOf: day)).centrality(.pagerank)
            #expect(pagerank.entries.map { content.nodes[$0.node].id } == ranking.scores.prefix(3).map(\.id), "\(day)")
            #expect(pagerank.entries.map(\.rank) == ranking.scores.prefix(3).map(\.rank), "\(day)")
            for (entry, item) in zip(pagerank.entries, ranking.scores) { expectClose(entry.score, item.score, tolerance: 1e-12) }
            #expect(snapshot.rankings.map(\.key) == content.measures.map(\.key), "every measure of the report, in its order")
        }
        // The restriction is alive from 2023 and lifted in 2025.
        let restriction = try #require(content.edges.firstIndex { $0.kind == "export_controls" })
        #expect(timeline.snapshots.map { $0.edges.contains(restriction) } == [false, false, false, false, true, true, false])
    }

    @Test func theDataCarriesTheSliderOnlyWhenAsked() throws {
        let (_, graph, content) = try dated()
        let without = try reportJSON(HTMLReport.html(content))
        #expect(without["timeline"] == nil)
        var with = content
        with.timeline = try graph.datedSnapshots(dates: dates, step: "year", for: content, top: 3)
        let data = try reportJSON(HTMLReport.html(with))
        let timeline = try #require(data["timeline"] as? [String: Any])
        #expect(timeline["step"] as? String == "year")
        let snapshots = try #require(timeline["snapshots"] as? [[String: Any]])
        #expect(snapshots.count == 7)
        #expect(Set(snapshots[0].keys) == ["date", "nodes", "edges", "rankings", "impact"])
        #expect(snapshots[0]["nodes"] as? [Int] == with.timeline!.snapshots[0].nodes)
        let impact = try #require(snapshots[1]["impact"] as? [[Double]])
        #expect(impact.map { $0.map(Int.init) } == with.timeline!.snapshots[1].impact.map { [$0.node, Int($0.score), $0.rank] })
        // Everything before the slider's data is the page without it.
        #expect(HTMLReport.json(with).hasPrefix(String(HTMLReport.json(content).dropLast())))
    }

    private func reportJSON(_ html: String) throws -> [String: Any] {
        let open = "<script type=\"application/json\" id=\"ecograph-data\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", range: start.upperBound ..< html.endIndex))
        return try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound ..< end.lowerBound].utf8)) as? [String: Any])
    }
}
