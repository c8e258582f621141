// The JSON shapes of results over sampled worlds (`Uncertainty.swift`), and the exact results' shapes
// extended by them: every key of the exact shape stays, in its place, and one key, `uncertainty`, is added
// at the end.

extension WorldSpread: Encodable, OutputValueConvertible {
    /// `{exact, mean, low, high}`: the full map's value, the mean, the 5th and the 95th percentiles.
    public var outputValue: OutputValue { .map(fields) }

    /// The four numbers as map entries, for shapes that inline them.
    var fields: [(String, OutputValue)] {
        [("exact", .number(exact)), ("mean", .number(mean)), ("low", .number(low)), ("high", .number(high))]
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}

extension SimulationOptions {
    /// `worlds, seed, top, interval`: the seed as a number (a string of digits above 2⁵³, which a JSON
    /// number cannot hold exactly), and `interval: [5, 95]`, the percentiles the spreads report.
    var outputFields: [(String, OutputValue)] {
        [("worlds", .int(worlds)),
         ("seed", seed <= 1 << 53 ? .number(Double(seed)) : .string(String(seed))),
         ("top", .int(top)),
         ("interval", .list([.int(5), .int(95)])),
         ("percentile", .string("linear"))]
    }
}

extension UncertainRanking: Encodable, OutputValueConvertible {
    /// `{worlds, seed, top, interval, percentile, uncertainFacts, items: [{id, label, kind, exact, mean, low,
    /// high, rank, rankLow, rankHigh, topProbability}]}`; `percentile` names the definition (`"linear"`:
    /// NumPy's default). Edge items write `source` and `target` instead of `id`, and no kind.
    public var outputValue: OutputValue {
        .map(simulation.outputFields + [
            ("uncertainFacts", .int(uncertainFacts)),
            ("items", .list(items.map { item in
                var fields: [(String, OutputValue)] = item.target.map { [("source", .string(item.id)), ("target", .string($0))] }
                    ?? [("id", .string(item.id))]
                fields.append(("label", .string(item.label)))
                if item.target == nil { fields.append(("kind", .string(item.kind ?? ""))) }
                fields += item.value.fields
                fields += [("rank", .int(item.rank)), ("rankLow", .number(item.rankLow)), ("rankHigh", .number(item.rankHigh)),
                           ("topProbability", .number(item.topProbability))]
                return .map(fields)
            })),
        ])
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}

extension UncertainWhatIf: Encodable, OutputValueConvertible {
    /// `{worlds, seed, top, interval, percentile, uncertainFacts, lostPairs: {exact, mean, low, high},
    /// distribution: [{lostPairs, worlds}], consumers: [{id, label, kind, cutOffProbability, exact, mean, low,
    /// high}]}`: a consumer's numbers are its lost providers (cascade: 1 when it fails).
    public var outputValue: OutputValue {
        .map(simulation.outputFields + [
            ("uncertainFacts", .int(uncertainFacts)),
            ("lostPairs", lostPairs.outputValue),
            ("distribution", .list(distribution.map { .map([("lostPairs", .int($0.lostPairs)), ("worlds", .int($0.worlds))]) })),
            ("consumers", .list(consumers.map { consumer in
                .map([("id", .string(consumer.id)), ("label", .string(consumer.label)), ("kind", .string(consumer.kind ?? "")),
                      ("cutOffProbability", .number(consumer.cutOffProbability))] + consumer.lost.fields)
            })),
        ])
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}

extension OutputValue {
    /// A map with one more entry at its end (any other value is returned unchanged).
    func appending(_ key: String, _ value: OutputValue) -> OutputValue {
        guard case .map(let pairs) = self else { return self }
        return .map(pairs + [(key, value)])
    }
}

extension CentralityRanking {
    /// The ranking's shape (`outputValue`) with `uncertainty`, the same measure over sampled worlds, as
    /// its last key.
    public func outputValue(uncertainty: UncertainRanking) -> OutputValue {
        outputValue.appending("uncertainty", uncertainty.outputValue)
    }
}

extension ChokepointReport {
    /// The report's shape (`outputValue`) with `uncertainty`, the impact over sampled worlds, as its last key.
    public func outputValue(uncertainty: UncertainRanking) -> OutputValue {
        outputValue.appending("uncertainty", uncertainty.outputValue)
    }
}

extension WhatIfResult {
    /// The result's shape (`outputValue`) with `uncertainty`, the scenario over sampled worlds, as its last key.
    public func outputValue(uncertainty: UncertainWhatIf) -> OutputValue {
        outputValue.appending("uncertainty", uncertainty.outputValue)
    }
}
