import EcoGraphAnalysis

/// Robustness curves as a small SVG line chart, written here as text (no plotting library, no Graphviz).
///
/// Three panels side by side, one per quantity, each as a share of its reference so that curves of different
/// orders and graphs compare: the largest weakly connected component over the nodes, the reachable pairs over
/// those at the start, the cut-off consumers over the consumers. The x axis is the share of the order removed
/// (`removed / length`), so a policy file of 5 entries and a random order of 115 nodes share it. Each curve is a
/// `polyline` with one point per checkpoint (class `series`, `s<i>` for the curve's place, and the quantity's key:
/// `largestComponent`, `reachablePairs`, `cutOffConsumers`); a random order's 5th–95th percentile interval is a
/// `polygon` band under it (class `band`). Each panel's plot area is a `rect` of class `plot`: a point `(x, y)`
/// stands for `(x − plot.x) / plot.width` of the order removed and `1 − (y − plot.y) / plot.height` of the
/// reference. Coordinates are written with two decimals.
///
/// Only elements and attributes that `HTMLReport.sanitizedSVG` keeps are used (presentation attributes, no
/// `style`), so the report embeds the chart unchanged in meaning. Text is escaped; the same curves give the
/// same bytes.
public enum RobustnessChart {
    /// The chart's size and the panels' geometry, in SVG user units.
    static let width = 960.0, height = 345.0
    static let plotWidth = 250.0, plotHeight = 200.0, plotTop = 70.0, firstLeft = 64.0, panelStride = 310.0
    /// Line colours, by curve (repeating after six).
    static let palette = ["#1f6feb", "#cf222e", "#1a7f37", "#8250df", "#bf8700", "#0a7ea4"]

    /// The chart of one or more curves (a legend names each by its order, runs and band), under a title.
    /// - Complexity: linear in the number of checkpoints.
    public static func svg(_ curves: [RobustnessCurve], title: String) -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"robustness-chart\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"\(number(width))\" height=\"\(number(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<title>\(text(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"\(number(firstLeft))\" y=\"26\" font-size=\"15\" font-weight=\"bold\" fill=\"#1f2328\">\(text(title))</text>\n"
        for (p, panel) in RobustnessQuantity.allCases.enumerated() {
            let left = firstLeft + Double(p) * panelStride
            out += "<g class=\"panel \(panel.key)\">\n"
            out += "<text x=\"\(number(left))\" y=\"\(number(plotTop - 12))\" font-weight=\"bold\" fill=\"#1f2328\">\(text(panel.shareTitle))</text>\n"
            out += "<rect class=\"plot\" x=\"\(number(left))\" y=\"\(number(plotTop))\" width=\"\(number(plotWidth))\" height=\"\(number(plotHeight))\" fill=\"#f6f8fa\" stroke=\"#d0d7de\"/>\n"
            for tick in 0 ... 4 {
                let share = Double(tick) / 4
                let y = plotTop + (1 - share) * plotHeight, x = left + share * plotWidth
                out += "<line x1=\"\(number(left))\" y1=\"\(number(y))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(y))\" stroke=\"#d0d7de\" stroke-width=\"0.5\"/>\n"
                out += "<text x=\"\(number(left - 6))\" y=\"\(number(y + 4))\" text-anchor=\"end\" fill=\"#57606a\">\(tick * 25)%</text>\n"
                out += "<text x=\"\(number(x))\" y=\"\(number(plotTop + plotHeight + 16))\" text-anchor=\"middle\" fill=\"#57606a\">\(tick * 25)%</text>\n"
            }
            out += "<text x=\"\(number(left + plotWidth / 2))\" y=\"\(number(plotTop + plotHeight + 34))\" text-anchor=\"middle\" fill=\"#57606a\">share of the order removed</text>\n"
            for (c, curve) in curves.enumerated() {
                let color = palette[c % palette.count]
                let reference = panel.reference(of: curve)
                func point(_ point: RobustnessPoint, _ value: Double) -> String {
                    let share = curve.length > 0 ? Double(point.removed) / Double(curve.length) : 0
                    let fraction = reference > 0 ? value / reference : 0
                    return number(left + share * plotWidth) + "," + number(plotTop + (1 - fraction) * plotHeight)
                }
                if curve.isSampled {
                    let upper = curve.points.map { point($0, panel.value(at: $0).high) }
                    let lower = curve.points.reversed().map { point($0, panel.value(at: $0).low) }
                    out += "<polygon class=\"band s\(c) \(panel.key)\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
                }
                let line = curve.points.map { point($0, panel.value(at: $0).mean) }.joined(separator: " ")
                let name = text(legend(curve) + ": " + panel.shareTitle)
                out += "<polyline class=\"series s\(c) \(panel.key)\" points=\"\(line)\" fill=\"none\" stroke=\"\(color)\" "
                    + "stroke-width=\"2\" stroke-linejoin=\"round\"><title>\(name)</title></polyline>\n"
            }
            out += "</g>\n"
        }
        // The legend, one entry per curve, under the panels.
        var x = firstLeft
        let y = plotTop + plotHeight + 62
        for (c, curve) in curves.enumerated() {
            let color = palette[c % palette.count]
            let label = legend(curve)
            out += "<g class=\"legend s\(c)\">"
            if curve.isSampled {
                out += "<rect x=\"\(number(x))\" y=\"\(number(y - 9))\" width=\"24\" height=\"12\" fill=\"\(color)\" fill-opacity=\"0.18\"/>"
            }
            out += "<line x1=\"\(number(x))\" y1=\"\(number(y - 3))\" x2=\"\(number(x + 24))\" y2=\"\(number(y - 3))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            out += "<text x=\"\(number(x + 30))\" y=\"\(number(y + 1))\" fill=\"#1f2328\">\(text(label))</text></g>\n"
            x += 48 + 6.5 * Double(label.count)
        }
        out += "</svg>\n"
        return out
    }

    /// A curve's name in the legend: its order, and for the random order its runs and band.
    static func legend(_ curve: RobustnessCurve) -> String {
        curve.isSampled ? "\(curve.order): mean of \(curve.runs) runs, 5th–95th percentile band" : curve.order
    }

    /// A coordinate with two decimals, written without Foundation's formatting (no locale can change it).
    static func number(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return (hundredths < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// Text for element content and attribute values.
    static func text(_ s: String) -> String { HTMLReport.escapeHTML(s) }
}
