import EcoGraphAnalysis
import Foundation

/// A bump chart of a timeline: the first K nodes of each date, their ranks over time, one coloured line per
/// node, labelled — SVG text written here, without Graphviz or a plotting library.
///
/// Layout: a column per date (left to right, labelled on top), a row per rank (1 at the top, labelled on the
/// left). A node's points are its competition ranks on the dates where it is among the first `top` of
/// `Timeline.ranked(at:)`; consecutive such dates are joined by one `<polyline>`, so a node that leaves the top
/// and comes back has a gap. Each run ends in the node's label. Tied nodes share a row. Every coordinate is an
/// integer, so the same timeline gives the same bytes; every text (labels, ids, dates, the title) is escaped,
/// and control characters become spaces.
///
/// The SVG's structure, for programs that read it back: `<text class="date" x=…>` per labelled date,
/// `<text class="rank" y=…>` per rank, and per node a `<g class="series" data-id="ID">` holding its
/// `<polyline class="run" points="x,y …">`s, a `<circle class="point" data-date="DATE" data-rank="R">` per
/// point, and `<text class="label">`s.
public enum BumpChart {
    /// Column width bounds and row height, in SVG units.
    static let minColumn = 28, maxColumn = 120, row = 28
    /// Plot margins: left (rank labels), top (title and dates), bottom.
    static let left = 48, plotTop = 72, bottom = 28
    /// A label's longest text, in characters (longer labels end in "…").
    static let labelCharacters = 28
    /// Line colours, cycled in the order the nodes are drawn (Tableau 10).
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    /// The chart as SVG text.
    ///
    /// - Parameters:
    ///   - timeline: the timeline to draw.
    ///   - top: how many nodes of each date are drawn (the first `top` of `ranked(at:)`), at least 1.
    ///   - title: the chart's title; default "MEASURE: the first K by rank, FIRST – LAST".
    /// - Complexity: `O(d · n log n)` for `d` dates and `n` nodes (the rankings), then linear in the output.
    public static func svg(_ timeline: Timeline, top: Int = 10, title: String? = nil) -> String {
        let k = max(1, top)
        let dates = timeline.dates
        let lines = timeline.top(k)
        // Which nodes are drawn on each date.
        var shown = [Set<Int>](repeating: [], count: dates.count)
        for i in dates.indices { shown[i] = Set(timeline.ranked(at: i).prefix(k)) }
        let maxRank = lines.flatMap { node in dates.indices.compactMap { shown[$0].contains(node) ? timeline.nodes[node].points[$0]?.rank : nil } }.max() ?? 1

        let column = dates.count > 1 ? max(minColumn, min(maxColumn, 900 / (dates.count - 1))) : 0
        let labelWidth = 8 * min(labelCharacters, lines.map { timeline.nodes[$0].label.count }.max() ?? 0) + 24
        let width = left + column * max(0, dates.count - 1) + labelWidth
        let height = plotTop + row * (maxRank - 1) + bottom
        func x(_ date: Int) -> Int { left + column * date }
        func y(_ rank: Int) -> Int { plotTop + row * (rank - 1) }

        let heading = title ?? "\(timeline.measure.displayName): the first \(k) by rank"
            + (dates.isEmpty ? "" : ", \(dates[0])" + (dates.count > 1 ? " – \(dates[dates.count - 1])" : ""))
        var svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
        font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif" font-size="12">
        <title>\(text(heading))</title>
        <rect x="0" y="0" width="\(width)" height="\(height)" fill="#ffffff"/>
        <text class="title" x="\(left)" y="22" font-size="15" font-weight="600" fill="#17202b">\(text(heading))</text>

        """
        guard !dates.isEmpty, !lines.isEmpty else {
            svg += "<text class=\"empty\" x=\"\(left)\" y=\"\(plotTop)\" fill=\"#5d6877\">No node is alive on any date.</text>\n</svg>\n"
            return svg
        }

        // Grid and axes: a row per rank, a column per date (labels thinned to one per 48 units).
        svg += "<g class=\"grid\" stroke=\"#e2e6ec\" stroke-width=\"1\">\n"
        for rank in 1 ... maxRank { svg += "<line x1=\"\(x(0))\" y1=\"\(y(rank))\" x2=\"\(x(dates.count - 1))\" y2=\"\(y(rank))\"/>\n" }
        for date in dates.indices { svg += "<line x1=\"\(x(date))\" y1=\"\(y(1) - 10)\" x2=\"\(x(date))\" y2=\"\(y(maxRank) + 10)\"/>\n" }
        svg += "</g>\n<g class=\"axes\" fill=\"#5d6877\">\n"
        for rank in 1 ... maxRank {
            svg += "<text class=\"rank\" x=\"\(left - 12)\" y=\"\(y(rank))\" dy=\"4\" text-anchor=\"end\">\(rank)</text>\n"
        }
        let every = column >= 48 || dates.count == 1 ? 1 : (48 + column - 1) / column
        // Counted back from the last date, so that the last is labelled and the spacing stays even.
        for date in dates.indices where (dates.count - 1 - date) % every == 0 {
            svg += "<text class=\"date\" x=\"\(x(date))\" y=\"\(plotTop - 22)\" text-anchor=\"middle\">\(text(dates[date].description))</text>\n"
        }
        svg += "</g>\n"

        // One group per node: its runs, points and labels.
        for (index, node) in lines.enumerated() {
            let item = timeline.nodes[node]
            let colour = palette[index % palette.count]
            let name = item.label == item.id ? item.id : "\(item.label) (\(item.id))"
            svg += "<g class=\"series\" data-id=\"\(text(item.id))\" stroke=\"\(colour)\" fill=\"\(colour)\">\n<title>\(text(name))</title>\n"
            var runs: [[Int]] = []
            for date in dates.indices where shown[date].contains(node) {
                if let last = runs.last?.last, last == date - 1 { runs[runs.count - 1].append(date) } else { runs.append([date]) }
            }
            for run in runs where run.count > 1 {
                let points = run.map { "\(x($0)),\(y(item.points[$0]!.rank))" }.joined(separator: " ")
                svg += "<polyline class=\"run\" points=\"\(points)\" fill=\"none\" stroke-width=\"3\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n"
            }
            for run in runs {
                for date in run {
                    let point = item.points[date]!
                    svg += "<circle class=\"point\" data-date=\"\(text(dates[date].description))\" data-rank=\"\(point.rank)\" "
                        + "cx=\"\(x(date))\" cy=\"\(y(point.rank))\" r=\"4\" stroke=\"#ffffff\" stroke-width=\"1\">"
                        + "<title>\(text("\(name), \(dates[date]): rank \(point.rank), \(format(point.value))"))</title></circle>\n"
                }
                let end = run[run.count - 1]
                svg += "<text class=\"label\" x=\"\(x(end) + 8)\" y=\"\(y(item.points[end]!.rank))\" dy=\"4\" stroke=\"none\">\(text(shortened(item.label)))</text>\n"
            }
            svg += "</g>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    /// A label cut to `labelCharacters` characters, with "…" when cut.
    static func shortened(_ label: String) -> String {
        label.count <= labelCharacters ? label : String(label.prefix(labelCharacters - 1)) + "…"
    }

    /// Text for SVG content and attribute values: markup characters as entities, control characters as spaces.
    static func text(_ value: String) -> String { HTMLReport.escapeHTML(value).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ") }

    /// A value in six significant digits; whole numbers without a fraction.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.6g", value)
    }
}
