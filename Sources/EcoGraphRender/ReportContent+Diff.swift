import EcoGraphAnalysis

extension ReportContent {
    /// The report's "What changed" section: a diff from another map (the baseline: another file, or this file
    /// on another day) to the map the report is about, and the diff diagram.
    public struct DiffSection: Sendable, Equatable {
        /// The diff: `before` is the baseline, `after` the map reported.
        public var diff: GraphDiff
        /// The union of both maps as SVG (Graphviz's output for `diffDiagram`), sanitised before it is embedded.
        public var diagramSVG: String

        /// A section.
        public init(diff: GraphDiff, diagramSVG: String) {
            self.diff = diff
            self.diagramSVG = diagramSVG
        }

        /// The two sides in one line (`DiffSide.heading`).
        public var heading: String { DiffSide.heading(diff.before, diff.after) }
    }
}
