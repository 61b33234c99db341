/// How much of a date is actually known.
public enum DatePrecision: String, Codable, Sendable, Comparable, CaseIterable {
    case day, month, year, unknown

    private var rank: Int {
        switch self {
        case .day: return 3
        case .month: return 2
        case .year: return 1
        case .unknown: return 0
        }
    }
    public static func < (a: DatePrecision, b: DatePrecision) -> Bool { a.rank < b.rank }
}

/// A calendar date that may be known only to the month or the year; never invents precision.
public struct PartialDate: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (and ignores a time part after `T`).
    public init?(iso: String) {
        // Every article's published field is asked: the usual shapes are read from the bytes.
        switch iso.utf8.withContiguousStorageIfAvailable(PartialDate.plainISO) ?? .unusual {
        case .date(let date): self = date
        case .invalid: return nil
        case .unusual:
            guard let date = PartialDate.readISO(iso) else { return nil }
            self = date
        }
    }

    /// What the bytes of a plain ISO date say; `unusual` leaves the text to `readISO`.
    enum ISOReading: Equatable { case date(PartialDate), invalid, unusual }

    /// `YYYY`, `YYYY-MM` (each alone or before `T`), or `YYYY-MM-DD` before nothing or an
    /// ASCII byte. The byte after the digits must be ASCII: a combining mark there would join a
    /// digit or the `T` into one Character, which `readISO` reads differently.
    static func plainISO(_ b: UnsafeBufferPointer<UInt8>) -> ISOReading {
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var v = 0
            for i in at..<(at + count) {
                guard b[i] &- 0x30 < 10 else { return nil }
                v = v * 10 + Int(b[i] &- 0x30)
            }
            return v
        }
        /// Nothing more, or a `T` before nothing or an ASCII byte.
        func endsDate(_ at: Int) -> Bool {
            at == b.count || (b[at] == 0x54 && (at + 1 == b.count || b[at + 1] < 0x80))
        }
        func dash(_ at: Int) -> Bool { at < b.count && b[at] == 0x2D }
        guard let y = number(0, 4) else { return .unusual }
        if endsDate(4) { return .date(PartialDate(year: y)) }
        guard dash(4), let m = number(5, 2) else { return .unusual }
        if endsDate(7) { return (1...12).contains(m) ? .date(PartialDate(year: y, month: m)) : .invalid }
        guard dash(7), let d = number(8, 2), b.count == 10 || b[10] < 0x80 else { return .unusual }
        guard (1...12).contains(m), (1...31).contains(d), d <= Calendar.daysIn(month: m, year: y) else { return .invalid }
        return .date(PartialDate(year: y, month: m, day: d))
    }

    /// The general reading, for any text: pieces split at `T` and `-`, whitespace trimmed.
    static func readISO(_ iso: String) -> PartialDate? {
        let datePart = iso.split(separator: "T").first.map(String.init) ?? iso
        let parts = datePart.trimmingCharacters(in: .whitespaces).split(separator: "-").map(String.init)
        guard let first = parts.first, first.count == 4, let y = Int(first) else { return nil }
        var m: Int? = nil, d: Int? = nil
        if parts.count > 1 { guard let v = Int(parts[1]), (1...12).contains(v) else { return nil }; m = v }
        if parts.count > 2 {
            guard let v = Int(parts[2].prefix(2)), (1...31).contains(v) else { return nil }; d = v
        }
        if let d, let m, d > Calendar.daysIn(month: m, year: y) { return nil }
        return PartialDate(year: y, month: m, day: d)
    }

    public var precision: DatePrecision { day != nil ? .day : (month != nil ? .month : .year) }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public var iso: String {
        var s = String(format: "%04d", year)
        if let month { s += String(format: "-%02d", month) }
        if let day { s += String(format: "-%02d", day) }
        return s
    }
    public var description: String { iso }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    /// Day of the week, 1 = Monday … 7 = Sunday, for a full date.
    public var weekday: Int? {
        guard let month, let day else { return nil }
        return Calendar.weekday(year: year, month: month, day: day)
    }

    /// The full date `days` later (negative: earlier). Only for day precision.
    public func adding(days: Int) -> PartialDate? {
        guard let month, let day else { return nil }
        let n = Calendar.dayNumber(year: year, month: month, day: day) + days
        let (y, m, d) = Calendar.civil(fromDayNumber: n)
        return PartialDate(year: y, month: m, day: d)
    }

    /// Days from `self` to `other` (both day precision).
    public func days(to other: PartialDate) -> Int? {
        guard let m1 = month, let d1 = day, let m2 = other.month, let d2 = other.day else { return nil }
        return Calendar.dayNumber(year: other.year, month: m2, day: d2) - Calendar.dayNumber(year: year, month: m1, day: d1)
    }
}

import Foundation

/// Proleptic Gregorian arithmetic without Foundation's Calendar (pure, fast, time-zone free).
public enum Calendar {
    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
    public static func civil(fromDayNumber z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
    /// 1 = Monday … 7 = Sunday.
    public static func weekday(year: Int, month: Int, day: Int) -> Int {
        let n = dayNumber(year: year, month: month, day: day)  // 1970-01-01 was a Thursday (4)
        return ((n % 7 + 7) % 7 + 3) % 7 + 1
    }
}
