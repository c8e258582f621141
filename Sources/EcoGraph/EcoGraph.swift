// The API users import: `import EcoGraph` is all an embedding program needs.
//
// What this module re-exports, and why:
// - EcoGraphModel, whole: `Ecosystem`, its nodes, edges, kinds and schema, `Scenario`, `GraphTable`,
//   validation. Every analysis takes or returns these.
// - EcoGraphIO, whole: loading and saving (`EcosystemFile` for YAML/JSON, `readGenericGraph` and the
//   edge-list, CSV and GraphML readers, `ScenarioFile`, `ThemeFile`), their typed `GraphFileError` with
//   `FILE:LINE:COLUMN` diagnostics, `DOTGraph` (what `LoadedGraph.diagram` returns) and `TextTable`.
// - EcoGraphRender, whole: `GraphvizRenderer` with `LayoutEngine` and `RenderFormat`, `Theme`, `DOTReader`
//   and `readAnyGenericGraph` (DOT needs Graphviz's parser), `HTMLReport` and `ReportContent`.
// - EcoGraphKernel, only `CSRGraph`: `LoadedGraph.graph` exposes it, so its algorithms stay reachable for
//   what the analysis layer does not wrap. The kernel's other types (builders, workspaces, flow networks,
//   cascade models) are implementation: the analyses here return id-keyed results instead.
// What stays out: `CGraphviz` (the C library; only EcoGraphRender calls it) and the CLI modules.
@_exported import EcoGraphIO
@_exported import EcoGraphModel
@_exported import EcoGraphRender
@_exported import struct EcoGraphKernel.CSRGraph
