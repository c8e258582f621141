// The umbrella users import: `import EcoGraph` is all an embedding program needs.
//
// It re-exports the two top layers, and through them everything beneath:
// - EcoGraphAnalysis: projections, centrality (the measure table), chokepoints, what-if scenarios, cuts,
//   cascades, `EcosystemBuilder`, the bundled graph; it re-exports EcoGraphModel, EcoGraphIO and the
//   kernel's `CSRGraph` (see its `Exports.swift`).
// - EcoGraphRender: `GraphvizRenderer` with `LayoutEngine` and `RenderFormat`, `Theme`, diagrams
//   (`LoadedGraph.diagram`), `DOTReader` and `GenericGraphReaders.withGraphviz` (DOT needs Graphviz's parser),
//   `HTMLReport` and `ReportContent`.
// A program that only analyses imports `EcoGraphAnalysis` and links no Graphviz.
// What stays out: `CGraphviz` (the C library; only EcoGraphRender calls it) and the CLI modules.
@_exported import EcoGraphAnalysis
@_exported import EcoGraphRender
