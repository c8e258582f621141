import EcoGraphAnalysis
import EcoGraphIO

extension HTMLReport {
    /// The prefix of the diff diagram's element ids, apart from the main diagram's `svg-`.
    static let diffIDPrefix = "diff-svg-"

    /// The "What changed" section's markup: a heading, a note the script fills in, the diff diagram (sanitised
    /// SVG, ids prefixed `diff-svg-`), and the container the script builds the tables in. Empty without a diff.
    static func diffSection(_ content: ReportContent) -> String {
        guard let section = content.diff else { return "" }
        let svg = sanitizedSVG(section.diagramSVG, idPrefix: diffIDPrefix)
        return "<section id=\"changes\"><h2>What changed</h2><p class=\"section-note\" id=\"ecograph-diff-note\">"
            + escapeHTML(section.heading) + "</p>\n"
            + "<div class=\"box diff-diagram\" id=\"ecograph-diff-diagram\" aria-label=\"The union of both maps, the changes marked\">\n"
            + (svg ?? "<p class=\"empty\">The diff diagram could not be embedded (its SVG did not parse).</p>")
            + "\n</div>\n<div id=\"ecograph-diff\"></div></section>\n"
    }

    /// The diff as the page's script reads it: `{heading, changes}`, `changes` in `GraphDiff`'s JSON shape (as
    /// `ecograph diff --format json` prints it).
    static func diffJSON(_ section: ReportContent.DiffSection) -> OutputValue {
        .map([("heading", .string(section.heading)), ("changes", section.diff.outputValue)])
    }
}
