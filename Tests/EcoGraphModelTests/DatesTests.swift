import EcoGraphModel
import EcoGraphTestSupport
import Testing

@Suite("Dates: EcoDate, Lifetime, the date checks, FactFilter")
struct DatesTests {
    @Test("dates parse in three precisions and round-trip their spelling")
    func parsing() throws {
        let year = try #require(EcoDate("2024"))
        let month = try #require(EcoDate("2024-10"))
        let day = try #require(EcoDate("2024-10-17"))
        #expect((year.year, year.month, year.day) == (2024, nil, nil))
        #expect((month.year, month.month, month.day) == (2024, 10, nil))
        #expect((day.year, day.month, day.day) == (2024, 10, 17))
        for text in ["2024", "2024-10", "2024-10-17", "0001-01-01", "9999-12-31", "2024-02-29", "2000-02-29"] {
            #expect(EcoDate(text)?.description == text)
        }
        for bad in ["2024-13", "2024-00", "2023-02-29", "1900-02-29", "2024-04-31", "2024-1", "24", "2024-10-7", "20241", "text", "",
                    "2024-", "-2024", "2024-10-17-01", "0000", "２０２４", "2024/10", " 2024", "+2024", "2024-1a"] {
            #expect(EcoDate(bad) == nil, "\(bad) parsed")
        }
    }

    @Test("day numbers agree with a day-by-day count from 1970-01-01, both ways")
    func dayNumbers() throws {
        // Brute force: walk every day from 1600 to 2400 with the month lengths, and compare.
        var number = try #require(EcoDate("1600-01-01")).firstDay
        #expect(try #require(EcoDate("1970-01-01")).firstDay == 0)
        #expect(try #require(EcoDate("2000-03-01")).firstDay == 11_017)
        for year in 1600 ... 2400 {
            for month in 1 ... 12 {
                let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
                let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
                for day in 1 ... length {
                    let date = try #require(EcoDate(year: year, month: month, day: day))
                    #expect(date.firstDay == number && date.lastDay == number)
                    #expect(EcoDate(dayNumber: number) == date)
                    number += 1
                }
                let whole = try #require(EcoDate(year: year, month: month))
                #expect(whole.lastDay == number - 1 && whole.firstDay == number - length)
            }
        }
    }

    @Test("order: by first day, the more precise first; the order is total and agrees with equality")
    func ordering() throws {
        let dates = ["2024", "2024-01", "2024-01-01", "2023-12-31", "2024-02", "2025"].map { EcoDate($0)! }
        #expect(dates.sorted().map(\.description) == ["2023-12-31", "2024-01-01", "2024-01", "2024", "2024-02", "2025"])
        for a in dates { for b in dates { #expect([a < b, b < a, a == b].filter { $0 }.count == 1) } }
    }

    @Test("a lifetime holds from since, inclusive, to until, exclusive; open ends are open")
    func lifetimes() throws {
        let life = Lifetime(since: EcoDate("2023-10-17"), until: EcoDate("2024-04"))
        #expect(!life.contains(EcoDate("2023-10-16")!))
        #expect(life.contains(EcoDate("2023-10-17")!))
        #expect(life.contains(EcoDate("2024-03-31")!))
        #expect(!life.contains(EcoDate("2024-04-01")!))
        #expect(life.contains(EcoDate("2024")!))  // a date stands for its first day: 2024-01-01 is inside
        #expect(Lifetime.always.contains(EcoDate("0001")!) && Lifetime.always.contains(EcoDate("9999-12-31")!))
        #expect(Lifetime(until: EcoDate("2020")).contains(EcoDate("2019-12-31")!))
        #expect(!Lifetime(until: EcoDate("2020")).contains(EcoDate("2020")!))
        let clamped = life.clamped(to: Lifetime(since: EcoDate("2024"), until: EcoDate("2025")))
        #expect(clamped == Lifetime(since: EcoDate("2024"), until: EcoDate("2024-04")))
    }

    private func dated(_ nodes: [EcosystemNode], _ edges: [EcosystemEdge], references: [SourceReference] = []) -> Ecosystem {
        Ecosystem(references: references, nodes: nodes, edges: edges)
    }

    @Test("the date checks: each problem once, at its field, naming the ids and dates")
    func dateChecks() throws {
        let eco = dated([
            EcosystemNode(id: "us", kind: "state"),
            EcosystemNode(id: "chip", kind: "technology", lifetime: Lifetime(since: EcoDate("2025"))),
            EcosystemNode(id: "m", kind: "model", lifetime: Lifetime(since: EcoDate("2023-06"), until: EcoDate("2023-06"))),
            EcosystemNode(id: "m2", kind: "model", lifetime: Lifetime(since: EcoDate("2024"))),
            EcosystemNode(id: "old", kind: "model", confidence: 1.5, lifetime: Lifetime(until: EcoDate("2020"))),
        ], [
            EcosystemEdge(from: "m2", to: "chip", kind: "builds_on"),                                           // later dependency
            EcosystemEdge(from: "m2", to: "chip", kind: "builds_on", lifetime: Lifetime(since: EcoDate("2025-02"))),  // fine
            EcosystemEdge(from: "m2", to: "old", kind: "derived_from", lifetime: Lifetime(until: EcoDate("2021"))),  // after old ends
            EcosystemEdge(id: "c", from: "us", to: "chip", kind: "export_controls", lifetime: Lifetime(since: EcoDate("2025-03")),
                          scope: "a scope", lifted: EcoDate("2025-03")),
            EcosystemEdge(from: "m2", to: "m", kind: "derived_from", scope: "entity", lifted: EcoDate("2026")),
        ], references: [SourceReference(id: "r", title: "R", date: EcoDate("2024-05"), retrieved: EcoDate("2024-04"))])
        let issues = eco.validate().map { "\($0.subject)|\($0.field ?? "-")|\($0.message)" }
        #expect(issues == [
            "reference(0)|retrieved|reference 'r': retrieved 2024-04, before it was published (2024-05)",
            "node(2)|until|node 'm': until 2023-06 is not after since 2023-06 (until is exclusive)",
            "node(4)|confidence|node 'old': confidence 1.5 is outside [0, 1]",
            "edge(0)|-|edge 'm2' -> 'chip': 'm2' (since 2024) depends on 'chip', which comes later (since 2025); give the edge its own `since` if the dependency was taken up later",
            "edge(2)|until|edge 'm2' -> 'old': until 2021 is before 'm2' exists (since 2024)",
            "edge(2)|until|edge 'm2' -> 'old': until 2021 is after 'old' ends (until 2020)",
            "edge(3)|lifted|edge 'c': lifted 2025-03 is not after since 2025-03",
            "edge(3)|scope|edge 'c': scope 'a scope' is empty or holds whitespace, a control character or a comma",
            "edge(4)|lifted|edge 'm2' -> 'm': `lifted` is only for restriction edges, and 'derived_from' is dependency",
            "edge(4)|scope|edge 'm2' -> 'm': `scope` is only for restriction edges, and 'derived_from' is dependency",
        ])
    }

    @Test("imprecise dates are never faulted: a model of 2024 may build on a chip of 2024-03")
    func impreciseDatesPass() {
        let eco = dated([
            EcosystemNode(id: "chip", kind: "technology", lifetime: Lifetime(since: EcoDate("2024-03"))),
            EcosystemNode(id: "m", kind: "model", lifetime: Lifetime(since: EcoDate("2024"))),
            EcosystemNode(id: "lab", kind: "company", lifetime: Lifetime(since: EcoDate("2015"))),
        ], [
            EcosystemEdge(from: "m", to: "chip", kind: "builds_on"),
            EcosystemEdge(from: "lab", to: "m", kind: "develops"),
            // A company adopting a later chip is an entity, not a release: it is undated, so it holds from the chip's start.
            EcosystemEdge(from: "lab", to: "chip", kind: "adopts", lifetime: Lifetime(since: EcoDate("2024-06"))),
        ])
        #expect(eco.validate().isEmpty)
    }

    @Test("warnings: restrictions without a known scope, and facts whose newest dated source is old")
    func warnings() {
        let eco = Ecosystem(references: [SourceReference(id: "old", title: "Old", date: EcoDate("2020")),
                                         SourceReference(id: "series", title: "Series", date: EcoDate("2019"), dateEnd: EcoDate("2025-02")),
                                         SourceReference(id: "undated", title: "Undated")],
                            nodes: [EcosystemNode(id: "us", kind: "state", sources: ["old"]),
                                    EcosystemNode(id: "x", kind: "technology", sources: ["series", "old"]),
                                    EcosystemNode(id: "y", kind: "technology", sources: ["undated"])],
                            edges: [EcosystemEdge(id: "a", from: "us", to: "x", kind: "export_controls", sources: ["old", "undated"]),
                                    EcosystemEdge(id: "b", from: "us", to: "y", kind: "bans", scope: "entity"),
                                    EcosystemEdge(id: "c", from: "us", to: "y", kind: "bans", scope: "galaxy")])
        let found = eco.warnings(staleBefore: EcoDate("2024")).map { "\($0.subject)|\($0.field ?? "-")|\($0.message)" }
        #expect(found == [
            "node(0)|sources|node 'us': newest dated source is from 2020, before 2024",
            "edge(0)|-|edge 'a': restriction without a `scope` (jurisdiction, entity, government-devices, app-stores, critical-infrastructure)",
            "edge(0)|sources|edge 'a': newest dated source is from 2020, before 2024",
            "edge(2)|scope|edge 'c': scope 'galaxy' is none of jurisdiction, entity, government-devices, app-stores, critical-infrastructure",
        ])
        #expect(eco.warnings().count == 2)
    }

    @Test("a filtered ecosystem is the ecosystem filtered by hand, fact by fact, on random histories")
    func filterEqualsHandFiltering() throws {
        var rng = SeededRandom(state: 11)
        for round in 0 ..< 60 {
            let eco = RandomHistory.ecosystem(&rng, nodes: 12, edges: 30)
            let filter = FactFilter(asOf: rng.below(4) == 0 ? nil : EcoDate(year: 2014 + rng.below(13), month: 1 + rng.below(12), day: 1 + rng.below(28)),
                                    minConfidence: [0, 0.3, 0.6, 1][rng.below(4)], excludeInferred: rng.below(2) == 0)
            // By hand: the definitions written out again.
            func alive(_ life: Lifetime) -> Bool {
                guard let day = filter.asOf?.firstDay else { return true }
                return (life.since?.firstDay ?? .min) <= day && day < (life.until?.firstDay ?? .max)
            }
            let keptNodes = eco.nodes.filter { alive($0.lifetime) && $0.confidence >= filter.minConfidence && !(filter.excludeInferred && $0.inferred) }
            let keptIDs = Set(keptNodes.map(\.id))
            let kept = eco.edges.indices.filter { k in
                let e = eco.edges[k]
                return alive(e.lifetime) && (filter.asOf == nil || e.lifted == nil || filter.asOf!.firstDay < e.lifted!.firstDay)
                    && e.confidence >= filter.minConfidence && !(filter.excludeInferred && e.inferred)
                    && keptIDs.contains(e.from) && keptIDs.contains(e.to)
            }
            let filtered = eco.filtered(filter)
            #expect(filtered.nodes == keptNodes, "round \(round)")
            #expect(filtered.edges == kept.map { eco.edges[$0] }, "round \(round)")
            // A reason is given exactly for the edges left out.
            for k in eco.edges.indices { #expect((eco.exclusion(ofEdge: k, by: filter) == nil) == kept.contains(k), "round \(round), edge \(k)") }
        }
    }

    @Test("change dates: every date a lifetime or a lifting names, sorted, once")
    func changeDates() {
        let eco = Ecosystem(nodes: [EcosystemNode(id: "a", kind: "technology", lifetime: Lifetime(since: EcoDate("2024"), until: EcoDate("2026"))),
                                    EcosystemNode(id: "s", kind: "state")],
                            edges: [EcosystemEdge(id: "x", from: "s", to: "a", kind: "bans", lifetime: Lifetime(since: EcoDate("2024")),
                                                  lifted: EcoDate("2025-04-28"))])
        #expect(eco.changeDates.map(\.description) == ["2024", "2025-04-28", "2026"])
        #expect(Ecosystem(nodes: [EcosystemNode(id: "a", kind: "company")]).changeDates.isEmpty)
    }

    @Test("in force: a lifted restriction is not in force in the whole record, nor from its lifting on")
    func inForce() {
        let ban = EcosystemEdge(id: "x", from: "s", to: "a", kind: "bans", lifetime: Lifetime(since: EcoDate("2025-02")), lifted: EcoDate("2025-04-28"))
        #expect(!ban.isInForce(on: nil))
        #expect(!ban.isInForce(on: EcoDate("2025-01")))
        #expect(ban.isInForce(on: EcoDate("2025-02")))
        #expect(ban.isInForce(on: EcoDate("2025-04-27")))
        #expect(!ban.isInForce(on: EcoDate("2025-04-28")))
        #expect(EcosystemEdge(from: "s", to: "a", kind: "bans").isInForce(on: nil))
        #expect(ban.effectiveLifetime == Lifetime(since: EcoDate("2025-02"), until: EcoDate("2025-04-28")))
    }
}
