// `import EcoGraphAnalysis` is all an analysing program needs; it links no Graphviz.
//
// What this module re-exports, and why:
// - EcoGraphModel, whole: `Ecosystem`, its nodes, edges, kinds and schema, `Scenario`, `GraphTable`,
//   validation. Every analysis takes or returns these.
// - EcoGraphIO, whole: loading and saving (`EcosystemFile` for YAML/JSON, `GenericGraphReaders` with the
//   edge-list, CSV and GraphML readers, `ScenarioFile`, `ThemeFile`), their typed `GraphFileError` with
//   `FILE:LINE:COLUMN` diagnostics, `DOTGraph` (DOT text in pure Swift) and `TextTable`.
// - EcoGraphKernel, only `CSRGraph`: `LoadedGraph.graph` exposes it, so its algorithms stay reachable for
//   what the analysis layer does not wrap. The kernel's other types (builders, workspaces, flow networks,
//   cascade models) are implementation: the analyses here return id-keyed results instead.
@_exported import EcoGraphIO
@_exported import EcoGraphModel
@_exported import struct EcoGraphKernel.CSRGraph
