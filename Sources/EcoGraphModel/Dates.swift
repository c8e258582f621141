/// A calendar date as precise as a source gives it: a year (`2024`), a month (`2024-10`) or a day
/// (`2024-10-17`), in the proleptic Gregorian calendar.
///
/// A date stands for the first day of the period it names: `since: 2024` is from 1 January 2024, and
/// `until: 2024-10` (exclusive) is up to and not including 1 October 2024. `lastDay` is the period's last
/// day, for checks that must not fault an imprecise date (a model "of 2024" built on a chip "of 2024-03").
public struct EcoDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1 ... 9999.
    public let year: Int
    /// The month, 1 ... 12, when known.
    public let month: Int?
    /// The day of the month, when known (then `month` is known too).
    public let day: Int?

    /// A date from its parts; `nil` when they name no date (month 13, 30 February, a day without a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1 ... 9999).contains(year) else { return nil }
        if let month, !(1 ... 12).contains(month) { return nil }
        if let day {
            guard let month, (1 ... Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (four-digit year, two-digit month and day); `nil` for
    /// anything else, including dates that do not exist (`2024-13`, `2023-02-29`).
    public init?(_ text: String) {
        // One pass over the bytes (files hold hundreds of thousands of dates): digits, and `-` after the four
        // year digits and after the two month digits.
        var numbers = (0, 0, 0), part = 0, digits = 0
        for byte in text.utf8 {
            let width = part == 0 ? 4 : 2
            if byte == UInt8(ascii: "-") {
                guard digits == width, part < 2 else { return nil }
                (part, digits) = (part + 1, 0)
                continue
            }
            guard (48 ... 57).contains(byte), digits < width else { return nil }
            let digit = Int(byte - 48)
            switch part {
            case 0: numbers.0 = numbers.0 * 10 + digit
            case 1: numbers.1 = numbers.1 * 10 + digit
            default: numbers.2 = numbers.2 * 10 + digit
            }
            digits += 1
        }
        guard digits == (part == 0 ? 4 : 2) else { return nil }
        self.init(year: numbers.0, month: part >= 1 ? numbers.1 : nil, day: part == 2 ? numbers.2 : nil)
    }

    /// The date as written: `2024`, `2024-10` or `2024-10-17`.
    public var description: String {
        var text = String(year).leftPadded(to: 4)
        if let month { text += "-" + String(month).leftPadded(to: 2) }
        if let day { text += "-" + String(day).leftPadded(to: 2) }
        return text
    }

    /// The first day of the period, as days since 1970-01-01.
    public var firstDay: Int { Self.dayNumber(year: year, month: month ?? 1, day: day ?? 1) }

    /// The last day of the period, as days since 1970-01-01.
    public var lastDay: Int {
        if day != nil { return firstDay }
        let month = self.month ?? 12
        return Self.dayNumber(year: year, month: month, day: Self.daysIn(month: month, year: year))
    }

    /// The day a day number names (the inverse of `firstDay` for a day-precise date).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil-from-days, valid over the whole proleptic Gregorian calendar.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// Ordered by first day, then the more precise first (`2024-01-01` < `2024-01` < `2024`), so that
    /// equal dates are equal and the order is total.
    public static func < (a: EcoDate, b: EcoDate) -> Bool {
        if a.firstDay != b.firstDay { return a.firstDay < b.firstDay }
        return a.precision > b.precision
    }

    /// 0 for a year, 1 for a month, 2 for a day.
    private var precision: Int { day != nil ? 2 : month != nil ? 1 : 0 }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// When a fact holds: from `since` (inclusive) to `until` (exclusive); an absent end is open, so a fact
/// without dates always holds. Each date stands for its first day (see `EcoDate`).
public struct Lifetime: Sendable, Hashable {
    /// The first day the fact holds, or `nil` for always before.
    public var since: EcoDate?
    /// The first day the fact no longer holds, or `nil` for still holding.
    public var until: EcoDate?

    /// A lifetime; both ends open by default.
    public init(since: EcoDate? = nil, until: EcoDate? = nil) {
        self.since = since
        self.until = until
    }

    /// Open at both ends: always.
    public static let always = Lifetime()

    /// Whether the fact holds on a date (its first day).
    public func contains(_ date: EcoDate) -> Bool {
        let day = date.firstDay
        return (since.map { $0.firstDay <= day } ?? true) && (until.map { day < $0.firstDay } ?? true)
    }

    /// Whether either end is given.
    public var isDated: Bool { since != nil || until != nil }

    /// The part of this lifetime within another (the later start, the earlier end).
    public func clamped(to other: Lifetime) -> Lifetime {
        Lifetime(since: [since, other.since].compactMap { $0 }.max(), until: [until, other.until].compactMap { $0 }.min())
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
