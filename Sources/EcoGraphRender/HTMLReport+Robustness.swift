import EcoGraphAnalysis
import EcoGraphIO

extension HTMLReport {
    /// The robustness section: its heading, a note the script fills, the chart (`RobustnessChart`, through
    /// `sanitizedSVG` like the diagram) and a holder for the script's tables. Empty without curves.
    static func robustnessSection(_ content: ReportContent) -> String {
        guard !content.robustness.isEmpty else { return "" }
        let chart = sanitizedSVG(RobustnessChart.svg(content.robustness, title: "Robustness: what stays connected as nodes go"))
            ?? "<p class=\"empty\">The chart could not be embedded.</p>"
        return "<section id=\"robustness\"><h2>Robustness</h2><p class=\"section-note\" id=\"ecograph-robustness-note\"></p>"
            + "<div class=\"chart\">\(chart)</div><div id=\"ecograph-robustness\"></div></section>\n"
    }

    /// The curves as the page's script reads them: each curve's `outputValue` (`RobustnessCurve`'s JSON shape).
    static func robustnessJSON(_ curves: [RobustnessCurve]) -> OutputValue {
        .list(curves.map(\.outputValue))
    }
}
