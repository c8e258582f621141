// A robustness curve's JSON shape, written once (`ecograph robustness --format json` prints it) and its CSV
// columns.

extension RobustnessCurve: Encodable, OutputValueConvertible {
    /// Whether the values are means over random runs, with intervals.
    public var isSampled: Bool { seed != nil }

    /// `{order, adaptive, runs, seed?, interval?, consumers, providers, nodes, consumerCount, providerCount,
    /// length, steps, skipped?, points: [...]}`. Each point is `{step, removed, removedIds?, largestComponent,
    /// reachablePairs, cutOffConsumers}`; for a fixed order the values are exact and `removedIds` lists what the
    /// step removed or applied; for the random order the values are means over the runs and each has its
    /// interval beside it (`largestComponentP5`, `largestComponentP95`, and so on), `seed` and `interval`
    /// (the percentile definition) are given, and there is no `removedIds`. `skipped` (restrictions of an
    /// order file not in force, `[{id, reason}]`) only when there are some. `seed` is a string, since a 64-bit
    /// seed does not fit a JSON number exactly.
    public var outputValue: OutputValue {
        var fields: [(String, OutputValue)] = [
            ("order", .string(order)), ("adaptive", .bool(adaptive)), ("runs", .int(runs)),
        ]
        if let seed {
            fields.append(("seed", .string(String(seed))))
            fields.append(("interval", .string("5th to 95th percentile over the runs, linear between order statistics (Hyndman-Fan type 7)")))
        }
        fields += [
            ("consumers", .string(consumers.description)), ("providers", .string(providers.description)),
            ("nodes", .int(nodeCount)), ("consumerCount", .int(consumerCount)), ("providerCount", .int(providerCount)),
            ("length", .int(length)), ("steps", .int(steps)),
        ]
        if !skipped.isEmpty {
            fields.append(("skipped", .list(skipped.map { .map([("id", .string($0.id)), ("reason", .string($0.reason.description))]) })))
        }
        fields.append(("points", .list(points.map { point in
            var item: [(String, OutputValue)] = [("step", .int(point.step)), ("removed", .int(point.removed))]
            if !isSampled { item.append(("removedIds", .strings(point.removedNow))) }
            for quantity in RobustnessQuantity.allCases {
                let value = quantity.value(at: point)
                item.append((quantity.key, .number(value.mean)))
                if isSampled {
                    item.append((quantity.key + "P5", .number(value.low)))
                    item.append((quantity.key + "P95", .number(value.high)))
                }
            }
            return .map(item)
        })))
        return .map(fields)
    }

    /// Encodes `outputValue`.
    public func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }

    /// The curve as a table: `step, removed`, each quantity (with `p5` and `p95` columns after it for the
    /// random order), and for a fixed order `removed ids` (space-separated). Numbers in full precision.
    public var table: TextTable {
        var headers = ["step", "removed"]
        for quantity in RobustnessQuantity.allCases {
            headers.append(quantity.column)
            if isSampled { headers += [quantity.column + " p5", quantity.column + " p95"] }
        }
        if !isSampled { headers.append("removed ids") }
        let rows = points.map { point in
            var row = ["\(point.step)", "\(point.removed)"]
            for quantity in RobustnessQuantity.allCases {
                let value = quantity.value(at: point)
                row.append(Self.number(value.mean))
                if isSampled { row += [Self.number(value.low), Self.number(value.high)] }
            }
            if !isSampled { row.append(point.removedNow.joined(separator: " ")) }
            return row
        }
        return TextTable(headers: headers, alignments: headers.map { $0 == "removed ids" ? .left : .right }, rows: rows)
    }

    /// An integer as an integer, anything else as Swift spells a `Double` (shortest round trip).
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
