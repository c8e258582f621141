// A timeline's JSON shape, written once (see ResultEncoding.swift for the other results').

extension Timeline: Encodable, OutputValueConvertible {
    /// The shape `ecograph timeline --format json` prints, every node in `orderedByLatestRank` order:
    ///
    /// ```
    /// {"measure": "pagerank",
    ///  "consumers": "all", "providers": "all", "model": "reach",      (impact only)
    ///  "dates": ["2019", "2020"],
    ///  "snapshots": [{"date": "2019", "nodes": 12, "edges": 30, "sameAs": null, "failure": null}, ...],
    ///  "nodes": [{"id": "a", "label": "A", "kind": "model", "values": [0.12, null], "ranks": [1, null]}, ...]}
    /// ```
    ///
    /// `values[i]` and `ranks[i]` are the node's on `dates[i]`, `null` when it is not alive then (or the
    /// measure failed that day: `snapshots[i].failure` says why). `sameAs` is the index of the earlier date
    /// whose snapshot was identical (its result was reused).
    public var outputValue: OutputValue { outputValue(nodes: orderedByLatestRank) }

    /// The shape of `outputValue` with only some nodes (indices into `nodes`), in the order given.
    public func outputValue(nodes selection: [Int]) -> OutputValue {
        var fields: [(String, OutputValue)] = [("measure", .string(measure.name))]
        if measure == .impact {
            fields += [("consumers", .string(options.dependency.consumers.description)),
                       ("providers", .string(options.dependency.providers.description)),
                       ("model", .string(options.dependency.model.rawValue))]
        }
        fields += [
            ("dates", .strings(dates.map(\.description))),
            ("snapshots", .list(snapshots.map { snapshot in
                .map([("date", .string(snapshot.date.description)), ("nodes", .int(snapshot.nodeCount)), ("edges", .int(snapshot.edgeCount)),
                      ("sameAs", snapshot.sameAs.map(OutputValue.int) ?? .null), ("failure", .optional(snapshot.failure?.description))])
            })),
            ("nodes", .list(selection.map { index in
                let node = nodes[index]
                return .map([
                    ("id", .string(node.id)), ("label", .string(node.label)), ("kind", .string(node.kind ?? "")),
                    ("values", .list(node.points.map { $0.map { OutputValue.number($0.value) } ?? .null })),
                    ("ranks", .list(node.points.map { $0.map { OutputValue.int($0.rank) } ?? .null })),
                ])
            })),
        ]
        return .map(fields)
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
}
