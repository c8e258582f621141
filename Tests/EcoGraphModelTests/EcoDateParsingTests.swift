import EcoGraphModel
import Testing

/// `EcoDate(_:)`, which every reader calls per date: exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real
/// period, against the same dates built from their parts.
@Suite struct EcoDateParsingTests {
    @Test func spellings() {
        #expect(EcoDate("2024") == EcoDate(year: 2024))
        #expect(EcoDate("2024-02") == EcoDate(year: 2024, month: 2))
        #expect(EcoDate("2024-02-29") == EcoDate(year: 2024, month: 2, day: 29))
        #expect(EcoDate("0001")?.year == 1 && EcoDate("9999-12-31")?.day == 31)
        for bad in ["", "-", "2024-", "-2024", "20245", "202", "2024-1", "2024-001", "2024-01-1", "2024-01-01-01", "2024--01",
                    "0000", "2023-02-29", "2024-13", "2024-00", "2024-04-31", " 2024", "2024 ", "２０２４", "+2024", "2024/01"] {
            #expect(EcoDate(bad) == nil, "\(bad)")
        }
        // Every day of a leap and a common year reads back from its spelling.
        for number in EcoDate(year: 2023)!.firstDay ... EcoDate(year: 2024, month: 12, day: 31)!.firstDay {
            let day = EcoDate(dayNumber: number)
            #expect(EcoDate(day.description) == day)
        }
    }
}
