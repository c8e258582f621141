import EcoGraphAnalysis
@testable import EcoGraphRender
import EcoGraphTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// What a bump chart says, read back from its SVG with an XML parser: the axes' ticks, each series' polylines
/// and points.
private final class ChartReader: NSObject, XMLParserDelegate {
    var rankAt: [Int: Int] = [:]          // y → rank, from the rank ticks
    var dateAt: [Int: String] = [:]       // x → date, from the date ticks
    var runs: [String: [[(Int, Int)]]] = [:]   // id → polylines' (x, y) points
    var points: [String: [(date: String, rank: Int, x: Int, y: Int)]] = [:]
    var labels: [String: [String]] = [:]
    var series: [String] = []
    var title = ""
    var titleY = 0, dateY = 0
    private var current: String?
    private var textClass: String?
    private var textAttributes: [String: String] = [:]
    private var text = ""
    private var depth = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "g" where attributes["class"] == "series":
            current = attributes["data-id"]
            series.append(current!)
        case "polyline":
            let pairs = attributes["points"]!.split(separator: " ").map { pair in
                let xy = pair.split(separator: ",").map { Int($0)! }
                return (xy[0], xy[1])
            }
            runs[current!, default: []].append(pairs)
        case "circle":
            points[current!, default: []].append((attributes["data-date"]!, Int(attributes["data-rank"]!)!,
                                                  Int(attributes["cx"]!)!, Int(attributes["cy"]!)!))
        case "text":
            textClass = attributes["class"]
            textAttributes = attributes
            text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if textClass != nil { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let textClass {
            switch textClass {
            case "rank": rankAt[Int(textAttributes["y"]!)!] = Int(text)!
            case "date": dateAt[Int(textAttributes["x"]!)!] = text; dateY = Int(textAttributes["y"]!)!
            case "label": labels[current!, default: []].append(text)
            case "title": title = text; titleY = Int(textAttributes["y"]!)!
            default: break
            }
            self.textClass = nil
        }
        if name == "g" { current = nil }
    }
}

@Suite struct BumpChartTests {
    /// A small history where the leaders change: a hub that appears, one that is withdrawn, a node whose label
    /// is markup.
    private func timeline(top: Int = 3) throws -> Timeline {
        let label = "<b>&\"Hostile\" ' label</b>"
        var nodes = (0 ..< 8).map { EcosystemNode(id: "n\($0)", label: $0 == 5 ? label : "Node \($0)", kind: "model") }
        nodes[6].lifetime = Lifetime(since: EcoDate(year: 2021))
        nodes[2].lifetime = Lifetime(until: EcoDate(year: 2023))
        var edges: [EcosystemEdge] = []
        for u in [0, 1, 3, 4, 5, 7] { edges.append(EcosystemEdge(from: "n\(u)", to: "n2", kind: "builds_on")) }
        for u in [0, 1, 3, 7] { edges.append(EcosystemEdge(from: "n\(u)", to: "n6", kind: "builds_on")) }
        for u in [0, 3] { edges.append(EcosystemEdge(from: "n\(u)", to: "n5", kind: "builds_on", lifetime: Lifetime(since: EcoDate(year: 2022)))) }
        edges.append(EcosystemEdge(from: "n4", to: "n7", kind: "builds_on", lifetime: Lifetime(until: EcoDate(year: 2022))))
        let graph = LoadedGraph(ecosystem: Ecosystem(nodes: nodes, edges: edges))
        return try graph.timeline(measure: .centrality(.pagerank), dates: EcoDate.series(from: EcoDate(year: 2019)!, to: EcoDate(year: 2024)!, step: .year))
    }

    private func read(_ svg: String) throws -> ChartReader {
        let reader = ChartReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "the SVG parses as XML: \(parser.parserError.map { "\($0)" } ?? "")")
        return reader
    }

    @Test func polylinePointsAreTheRanksOfTheFirstKOnEachDate() throws {
        let k = 3
        let timeline = try timeline(top: k)
        let chart = try read(BumpChart.svg(timeline, top: k))
        let dates = timeline.dates.map(\.description)
        #expect(Set(chart.dateAt.values) == Set(dates), "every date is labelled")
        // Expected: (id, date) → rank for the first k of each date.
        var expected: [String: [String: Int]] = [:]
        for (i, date) in dates.enumerated() {
            for node in timeline.ranked(at: i).prefix(k) { expected[timeline.nodes[node].id, default: [:]][date] = timeline.nodes[node].points[i]!.rank }
        }
        #expect(Set(chart.series) == Set(expected.keys))
        #expect(chart.series == timeline.top(k).map { timeline.nodes[$0].id }, "one group per line, in top(k) order")
        for id in chart.series {
            // Every point sits at its date's column and its rank's row.
            let points = chart.points[id] ?? []
            #expect(Dictionary(uniqueKeysWithValues: points.map { ($0.date, $0.rank) }) == expected[id], "\(id)")
            for p in points {
                #expect(chart.dateAt[p.x] == p.date && chart.rankAt[p.y] == p.rank, "\(id) \(p.date)")
            }
            // Polylines: consecutive dates of the node in the top k, with its ranks there.
            var drawn: [[String]] = []
            for run in chart.runs[id] ?? [] {
                let read = run.map { (chart.dateAt[$0.0]!, chart.rankAt[$0.1]!) }
                for (date, rank) in read { #expect(expected[id]?[date] == rank, "\(id) \(date)") }
                drawn.append(read.map(\.0))
            }
            var runs: [[String]] = []
            for (i, date) in dates.enumerated() where expected[id]?[date] != nil {
                if i > 0, expected[id]?[dates[i - 1]] != nil { runs[runs.count - 1].append(date) } else { runs.append([date]) }
            }
            #expect(drawn == runs.filter { $0.count > 1 }, "\(id): one polyline per run of consecutive dates")
            #expect(chart.labels[id]?.count == runs.count, "\(id): one label per run")
        }
        #expect(chart.title.hasPrefix("PageRank: the first 3 by rank, 2019 – 2024"))
        // Title, then dates, then the ranks from the top down.
        let rows = chart.rankAt.sorted { $0.key < $1.key }
        #expect(chart.titleY < chart.dateY && chart.dateY + 10 < rows[0].key, "\(chart.titleY) \(chart.dateY) \(rows[0].key)")
        #expect(rows.map(\.value) == Array(1 ... rows.count))
    }

    @Test func leadersChangeAndTextIsEscaped() throws {
        let timeline = try timeline()
        let svg = BumpChart.svg(timeline, top: 8)
        let chart = try read(svg)
        // n2 leads until it is withdrawn in 2023; n6 appears in 2021.
        #expect(chart.points["n2"]?.map(\.date) == ["2019", "2020", "2021", "2022"])
        #expect(chart.points["n2"]?.first?.rank == 1)
        #expect(chart.points["n6"]?.first?.date == "2021")
        #expect(chart.labels["n5"]?.first == "<b>&\"Hostile\" ' label</b>")
        #expect(!svg.contains("<b>") && svg.contains("&lt;b&gt;&amp;&quot;Hostile&quot; &#39; label&lt;/b&gt;"))
        #expect(BumpChart.svg(timeline, top: 8) == svg, "same timeline, same bytes")
    }

    @Test func anEmptyTimelineIsAnEmptyChart() throws {
        let graph = LoadedGraph(ecosystem: Ecosystem(nodes: [EcosystemNode(id: "a", kind: "model", lifetime: Lifetime(since: EcoDate(year: 2030)))]))
        let timeline = try graph.timeline(measure: .impact, dates: [EcoDate(year: 2020)!])
        let chart = try read(BumpChart.svg(timeline, top: 5))
        #expect(chart.series.isEmpty)
        #expect(BumpChart.shortened(String(repeating: "x", count: 40)).count == BumpChart.labelCharacters)
    }
}
