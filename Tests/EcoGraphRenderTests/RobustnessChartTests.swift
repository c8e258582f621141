import EcoGraphAnalysis
import EcoGraphRender
import EcoGraphTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// What the chart's SVG holds, read back by a parser: each panel's plot frame and its lines and bands.
private final class ChartReader: NSObject, XMLParserDelegate {
    struct Shape { var classes: [String]; var points: [(Double, Double)] }
    var plots: [String: (x: Double, y: Double, width: Double, height: Double)] = [:]
    var lines: [Shape] = []
    var bands: [Shape] = []
    var title = ""
    var text = ""
    private var panel: String?
    private var path: [String] = []

    static func read(_ svg: String) throws -> ChartReader {
        let reader = ChartReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        path.append(name)
        let classes = (attributes["class"] ?? "").split(separator: " ").map(String.init)
        func points() -> [(Double, Double)] {
            (attributes["points"] ?? "").split(separator: " ").map { pair in
                let xy = pair.split(separator: ",").map { Double($0)! }
                return (xy[0], xy[1])
            }
        }
        switch name {
        case "g" where classes.first == "panel": panel = classes[1]
        case "rect" where classes == ["plot"]:
            plots[panel!] = (Double(attributes["x"]!)!, Double(attributes["y"]!)!, Double(attributes["width"]!)!, Double(attributes["height"]!)!)
        case "polyline": lines.append(Shape(classes: classes, points: points()))
        case "polygon": bands.append(Shape(classes: classes, points: points()))
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if path == ["svg", "title"] { title += string }
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        path.removeLast()
        if name == "g" { panel = path.contains("g") ? panel : nil }
    }
}

@Suite("Robustness chart")
struct RobustnessChartTests {
    static func curves() throws -> [RobustnessCurve] {
        let graph = try LoadedGraph.bundled()
        return [try graph.robustness(RobustnessOptions(order: .measure(.impact))),
                try graph.robustness(RobustnessOptions(order: .random, steps: 30, runs: 20, seed: 3))]
    }

    @Test("every polyline point is its checkpoint's share removed and value over its reference, in the panel's frame")
    func pointsMatchTheSeries() throws {
        let curves = try Self.curves()
        let chart = try ChartReader.read(RobustnessChart.svg(curves, title: "t"))
        #expect(chart.plots.count == 3)
        #expect(chart.lines.count == 3 * curves.count)
        #expect(chart.bands.count == 3)  // the random curve's band in each panel
        for quantity in RobustnessQuantity.allCases {
            let plot = try #require(chart.plots[quantity.key])
            for (c, curve) in curves.enumerated() {
                let line = try #require(chart.lines.first { $0.classes == ["series", "s\(c)", quantity.key] })
                #expect(line.points.count == curve.points.count)
                let reference = quantity.reference(of: curve)
                func check(_ xy: (Double, Double), _ point: RobustnessPoint, _ value: Double) {
                    let share = (xy.0 - plot.x) / plot.width, fraction = 1 - (xy.1 - plot.y) / plot.height
                    #expect(abs(share - Double(point.removed) / Double(curve.length)) < 1e-4, "\(quantity.key) \(curve.order) step \(point.step)")
                    #expect(abs(fraction - value / reference) < 1e-4, "\(quantity.key) \(curve.order) step \(point.step)")
                }
                for (xy, point) in zip(line.points, curve.points) { check(xy, point, quantity.value(at: point).mean) }
                if curve.isSampled {
                    let band = try #require(chart.bands.first { $0.classes == ["band", "s\(c)", quantity.key] })
                    #expect(band.points.count == 2 * curve.points.count)
                    for (xy, point) in zip(band.points, curve.points) { check(xy, point, quantity.value(at: point).high) }
                    for (xy, point) in zip(band.points.dropFirst(curve.points.count), curve.points.reversed()) { check(xy, point, quantity.value(at: point).low) }
                }
            }
        }
        // The series really move: the impact order's reachable pairs end at 0 from a positive start.
        let pairs = try #require(chart.lines.first { $0.classes == ["series", "s0", "reachablePairs"] })
        #expect(pairs.points.first!.1 == chart.plots["reachablePairs"]!.y && pairs.points.last!.1 == chart.plots["reachablePairs"]!.y + chart.plots["reachablePairs"]!.height)
    }

    @Test("same curves, same bytes; text is escaped; the report's sanitiser keeps every line and band")
    func deterministicEscapedAndEmbeddable() throws {
        let curves = try Self.curves()
        let hostile = "<script>alert('x')</script> & \"quotes\""
        let svg = RobustnessChart.svg(curves, title: hostile)
        #expect(svg == RobustnessChart.svg(curves, title: hostile))
        #expect(!svg.contains("<script"))
        let chart = try ChartReader.read(svg)
        #expect(chart.title == hostile)
        let sanitized = try #require(HTMLReport.sanitizedSVG(svg))
        let kept = try ChartReader.read(sanitized)
        #expect(kept.lines.map(\.points.count) == chart.lines.map(\.points.count))
        #expect(kept.bands.count == chart.bands.count && kept.plots.count == 3)
    }

    @Test("the report shows a robustness section with the chart and the curves' data only when it has curves")
    func reportSection() throws {
        let graph = try LoadedGraph.bundled()
        var content = try graph.reportContent(scenarios: [], diagram: "<svg viewBox=\"0 0 1 1\"></svg>")
        let without = HTMLReport.html(content)
        #expect(!without.contains("id=\"robustness\"") && !without.contains("\"robustness\":"))
        content.robustness = try graph.reportRobustness(runs: 10)
        #expect(content.robustness.map(\.order) == ["impact", "random"])
        let page = HTMLReport.html(content)
        #expect(page.contains("<section id=\"robustness\">") && page.contains("href=\"#robustness\""))
        #expect(page.components(separatedBy: "<polyline").count - 1 == 6)
        #expect(page.contains("\"robustness\":[{\"order\":\"impact\""))
    }
}
