import EcoGraphAnalysis

extension LoadedGraph {
    /// The robustness curves a report shows (`ReportContent.robustness`): the `impact` order (chokepoint impact,
    /// ranked once) and the random order (`runs` runs from `seed`, mean and 5th–95th percentile band), over the
    /// same consumers and providers as the report's chokepoints.
    ///
    /// Each curve has at most `maxSteps` checkpoints (one per node on graphs up to that size), which keeps the
    /// page small; the curves cost the same whatever the number of steps (`robustness(_:)`).
    /// - Throws: `AnalysisError` for an unknown consumer or provider selection, `runs` or `maxSteps` below 1.
    /// - Complexity: one chokepoint impact and `runs` random runs (see `robustness(_:)`).
    public func reportRobustness(dependency: ChokepointOptions = .init(), runs: Int = 100, seed: UInt64 = 0,
                                 maxSteps: Int = 200) throws(AnalysisError) -> [RobustnessCurve] {
        guard maxSteps >= 1 else { throw .invalidParameter(.steps, value: "\(maxSteps)", expected: "at least 1") }
        let steps = min(maxSteps, max(1, nodeCount))
        return try [RemovalOrder.measure(.impact), .random].map { order throws(AnalysisError) in
            try robustness(RobustnessOptions(order: order, steps: steps, runs: runs, seed: seed,
                                             consumers: dependency.consumers, providers: dependency.providers))
        }
    }
}
