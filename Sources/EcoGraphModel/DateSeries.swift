/// The step between the dates of a series: a year, a quarter (three months) or a month.
public enum DateStep: String, Sendable, Hashable, CaseIterable {
    /// Twelve months.
    case year
    /// Three months.
    case quarter
    /// One month.
    case month

    /// The step in months.
    public var months: Int {
        switch self {
        case .year: 12
        case .quarter: 3
        case .month: 1
        }
    }
}

extension EcoDate {
    /// The date `months` calendar months later (earlier when negative), as precise as this date, or `nil`
    /// past year 9999 (or before year 1). A day that the later month does not have is clamped to its last
    /// day: 2024-01-31 plus one month is 2024-02-29.
    /// - Complexity: `O(1)`.
    public func adding(months: Int) -> EcoDate? {
        let index = year * 12 + (month ?? 1) - 1 + months
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        guard index >= 0, (1 ... 9999).contains(newYear) else { return nil }
        if month == nil {
            return months % 12 == 0 ? EcoDate(year: newYear) : EcoDate(year: newYear, month: newMonth)
        }
        guard let day else { return EcoDate(year: newYear, month: newMonth) }
        return EcoDate(year: newYear, month: newMonth, day: min(day, Self.daysIn(month: newMonth, year: newYear)))
    }

    /// The dates from `start`, one `step` apart, up to and including the period `end` names (each date's
    /// first day on or before `end`'s last day): `series(from: 2019, to: 2021, step: .year)` is 2019, 2020,
    /// 2021; `series(from: 2024, to: 2024, step: .quarter)` is 2024-01, 2024-04, 2024-07, 2024-10.
    ///
    /// Each date is as precise as `start`, and at least as precise as the step: a year stepped by months
    /// gives months. Every date is computed from `start` (`start + k · step`), so a clamped day (31 January
    /// plus one month) does not drift. Empty when `start` begins after `end`'s period ends.
    /// - Complexity: `O(k)` for `k` dates.
    public static func series(from start: EcoDate, to end: EcoDate, step: DateStep) -> [EcoDate] {
        // A year stepped by quarters or months starts in its first month.
        let first = start.month == nil && step != .year ? EcoDate(year: start.year, month: 1)! : start
        var dates: [EcoDate] = []
        var k = 0
        while let date = first.adding(months: k * step.months), date.firstDay <= end.lastDay {
            dates.append(date)
            k += 1
        }
        return dates
    }

    /// The start of the step's period that holds this date: the year for `.year`, the quarter's first month
    /// for `.quarter`, the month for `.month` (a date less precise than the step is returned as it is).
    /// - Complexity: `O(1)`.
    public func truncated(to step: DateStep) -> EcoDate {
        switch step {
        case .year: EcoDate(year: year)!
        case .quarter: month.map { EcoDate(year: year, month: ($0 - 1) / 3 * 3 + 1)! } ?? self
        case .month: month.map { EcoDate(year: year, month: $0)! } ?? self
        }
    }

    /// How many dates `series(from:to:step:)` gives, without making them.
    /// - Complexity: `O(1)`.
    public static func seriesCount(from start: EcoDate, to end: EcoDate, step: DateStep) -> Int {
        guard start.firstDay <= end.lastDay else { return 0 }
        let span = (end.year - start.year) * 12 + (end.month ?? 12) - (start.month ?? 1)
        // `span / step` whole steps fit by month; the last may still overshoot by its day.
        var count = span / step.months + 1
        let first = start.month == nil && step != .year ? EcoDate(year: start.year, month: 1)! : start
        while count > 0, (first.adding(months: (count - 1) * step.months)?.firstDay ?? Int.max) > end.lastDay { count -= 1 }
        return count
    }
}
