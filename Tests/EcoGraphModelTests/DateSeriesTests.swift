import EcoGraphModel
import EcoGraphTestSupport
import Testing

@Suite struct DateSeriesTests {
    private func date(_ text: String) -> EcoDate { EcoDate(text)! }
    private func series(_ from: String, _ to: String, _ step: DateStep) -> [String] {
        EcoDate.series(from: date(from), to: date(to), step: step).map(\.description)
    }

    @Test func yearsQuartersAndMonthsUpToAndIncludingTheLastPeriod() {
        #expect(series("2019", "2022", .year) == ["2019", "2020", "2021", "2022"])
        #expect(series("2024", "2024", .quarter) == ["2024-01", "2024-04", "2024-07", "2024-10"])
        #expect(series("2024-11", "2025-02", .month) == ["2024-11", "2024-12", "2025-01", "2025-02"])
        // `--to 2025` includes every month of 2025; a day as the end stops on that day.
        #expect(series("2025-10", "2025", .month) == ["2025-10", "2025-11", "2025-12"])
        #expect(series("2024-01-15", "2024-03-14", .month) == ["2024-01-15", "2024-02-15"])
        #expect(series("2024-03", "2025-03", .year) == ["2024-03", "2025-03"])
        // A start after the end's period: nothing.
        #expect(series("2026", "2025-12", .month).isEmpty)
        #expect(series("2024", "2024", .year) == ["2024"])
    }

    @Test func aClampedDayDoesNotDrift() {
        #expect(series("2024-01-31", "2024-05", .month) == ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"])
        #expect(date("2023-02-28").adding(months: 12)?.description == "2024-02-28")
        #expect(date("2024-02-29").adding(months: 12)?.description == "2025-02-28")
        #expect(date("2024").adding(months: 3)?.description == "2024-04")
        #expect(date("2024").adding(months: -24)?.description == "2022")
        #expect(date("9999-12").adding(months: 1) == nil)
        #expect(date("0001-01").adding(months: -1) == nil)
    }

    /// Against a brute-force walk over every day: the series is every `step`-th month from the start (the
    /// start's day clamped to the month), while the first day is within the end's period; the count agrees.
    @Test func seriesMatchesABruteForceWalkOnRandomBounds() {
        var random = SeededRandom(state: 11)
        for _ in 0 ..< 400 {
            func randomDate() -> EcoDate {
                let year = 2000 + random.below(6), month = 1 + random.below(12)
                switch random.below(3) {
                case 0: return EcoDate(year: year)!
                case 1: return EcoDate(year: year, month: month)!
                default: return EcoDate(year: year, month: month, day: 1 + random.below(31)) ?? EcoDate(year: year, month: month, day: 28)!
                }
            }
            let start = randomDate(), end = randomDate()
            let step = DateStep.allCases[random.below(3)]
            let got = EcoDate.series(from: start, to: end, step: step)
            #expect(EcoDate.seriesCount(from: start, to: end, step: step) == got.count, "\(start) \(end) \(step)")
            // Brute force: walk month by month from the start's month.
            var expected: [EcoDate] = []
            var (y, m) = (start.year, start.month ?? 1)
            var k = 0
            while true {
                if k % step.months == 0 {
                    let candidate: EcoDate
                    if let day = start.day {
                        var d = day
                        while EcoDate(year: y, month: m, day: d) == nil { d -= 1 }
                        candidate = EcoDate(year: y, month: m, day: d)!
                    } else if start.month == nil && step == .year {
                        candidate = EcoDate(year: y)!
                    } else {
                        candidate = EcoDate(year: y, month: m)!
                    }
                    if candidate.firstDay > end.lastDay { break }
                    expected.append(candidate)
                }
                k += 1
                m += 1
                if m == 13 { (y, m) = (y + 1, 1) }
            }
            #expect(got == expected, "\(start) \(end) \(step)")
        }
    }

    @Test func truncatedToAStepIsThePeriodThatHoldsTheDate() {
        #expect(date("2024-08-17").truncated(to: .year).description == "2024")
        #expect(date("2024-08-17").truncated(to: .quarter).description == "2024-07")
        #expect(date("2024-12").truncated(to: .quarter).description == "2024-10")
        #expect(date("2024-01-31").truncated(to: .month).description == "2024-01")
        #expect(date("2024").truncated(to: .month).description == "2024")
    }

    @Test func restrictedKeepsFlaggedNodesAndTheirEdgesInOrder() {
        let table = GraphTable(
            isDirected: true, nodeIDs: ["a", "b", "c", "d"], nodeLabels: ["A", "B", "C", "D"],
            sources: [0, 1, 2, 0, 3], targets: [1, 2, 3, 3, 0], weights: [1, 2, 3, 4, 5],
            nodeLifetimes: [.always, .always, Lifetime(since: date("2020")), .always])
        let (sub, nodes, edges) = table.restricted(nodes: [true, false, true, true], edges: [true, true, false, true, true])
        #expect(nodes == [0, 2, 3])
        #expect(edges == [3, 4])  // 0 and 1 lose b; 2 is not flagged
        #expect(sub.nodeIDs == ["a", "c", "d"] && sub.nodeLabels == ["A", "C", "D"])
        #expect(sub.sources == [0, 2] && sub.targets == [2, 0] && sub.weights == [4, 5])
        #expect(sub.nodeLifetimes == [.always, Lifetime(since: date("2020")), .always])
        // The snapshot on a day is the restriction to what is alive then.
        #expect(table.snapshot(on: date("2019")).nodes == [0, 1, 3])
        #expect(table.snapshot(on: date("2019")).edges == [0, 3, 4])
    }
}
