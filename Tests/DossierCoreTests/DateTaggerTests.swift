import DossierCore
import Testing

@Suite struct DateTaggerTests {
    func events(_ text: String, on reference: String?) -> [(String, String)] {
        let p = Paragraph(text: text, start: 0)
        let pub = Publication(date: reference.flatMap(PartialDate.init(iso:)), evidence: "test")
        return DateTagger.events([p], reference: pub).map { ($0.text, $0.date.iso) }
    }

    @Test func seed002EventsResolveIn2022() throws {
        let a = try #require(DateFixtures.seed("002"))
        func date(of text: String) -> String? { a.events.first { $0.text == text }?.date.iso }
        #expect(date(of: "February 24") == "2022-02-24")
        #expect(date(of: "November 27") == "2022-11-27")
        #expect(date(of: "November 28") == "2022-11-28")
        #expect(date(of: "in April") == "2022-04")
        #expect(date(of: "since 2014") == "2014")
        #expect(a.events.first { $0.text == "in April" }?.date.precision == .month)
        // Offsets point at the words in the source and the sentence holds them.
        let source = Array(try String(contentsOfFile: DateFixtures.seeds + "/" + a.id, encoding: .utf8).unicodeScalars)
        for e in a.events {
            #expect(String(String.UnicodeScalarView(source[e.range.start..<e.range.end])) == e.text)
            let sentence = a.sentence(of: e)
            #expect(sentence.contains(e.text))
            #expect(sentence == String(String.UnicodeScalarView(source[e.sentenceRange.start..<e.sentenceRange.end])).replacingOccurrences(of: "\n", with: " "))
        }
    }

    @Test func absoluteForms() {
        let got = events("It opened on March 3, 2006, closed on 11 December 2009 and was sold on 2012-05-01, or 7/8/07 as the memo put it.", on: "2013-01-01")
        #expect(got.map(\.1) == ["2006-03-03", "2009-12-11", "2012-05-01", "2007-07-08"])
    }

    @Test func relativeFormsOnATuesday() {
        // 2023-01-10 was a Tuesday.
        let got = events("Ministers met today and on Monday, and will meet again on Wednesday. Talks last week failed; a summit is due next month. The war began nearly 11 months ago. Earlier this year prices fell.", on: "2023-01-10")
        // "last week" (January 2-8) is known to the month it falls in.
        #expect(got.map(\.0) == ["today", "on Monday", "on Wednesday", "last week", "next month", "nearly 11 months ago", "Earlier this year"])
        #expect(got.map(\.1) == ["2023-01-10", "2023-01-09", "2023-01-11", "2023-01", "2023-02", "2022-02", "2023"])
    }

    @Test func precisionIsHonestForAVagueReference() {
        // Known only to the month: "today" is somewhere in it, "next month" is the next one, and
        // "yesterday" may be the last day of the month before.
        #expect(events("Prices rose today and will fall next month.", on: "2023-06").map(\.1) == ["2023-06", "2023-07"])
        #expect(events("Prices rose yesterday.", on: "2023-06").map(\.1) == ["2023"])
        // Known only to the year: "next month" could fall in the following year, so nothing is said.
        #expect(events("Prices rose today and will fall next month.", on: "2023").map(\.1) == ["2023"])
        // Without a date, only what carries its own year.
        #expect(events("On Monday he recalled the flood of March 2002.", on: nil).map(\.1) == ["2002-03"])
    }

    @Test func notDates() {
        #expect(events("The council may approve 2000 homes, and 1,500 people marched to Room 2012 at 1900 GMT.", on: "2020-01-01").isEmpty)
        #expect(events("Black Monday is remembered, and the crop of 1986/87 was poor.", on: "2020-01-01").isEmpty)
        #expect(events("She may March with them.", on: "2020-01-01").isEmpty)
    }

    @Test func partsOfDaysAndQuartersGiveNoCalendarDate() {
        // 2009-03-04 was a Wednesday. A part of a day, a quarter or a season has a value no day,
        // month or year stands for; the year or month inside it is not tagged alone.
        let text = "Sales rose this morning, in the first quarter of last year, in the same period last year, in the last week of March, in the fall of 2008 and in the late 1980's; GM spoke on Friday night and at 16:00 UTC today."
        #expect(events(text, on: "2009-03-04").isEmpty)
    }

    @Test func aWeekIsShownAsTheMonthOrYearItFallsIn() {
        // From Wednesday 2009-03-04, last week ran from February 23 to March 1: only the year is
        // sure. Next week (March 9-15) lies in March.
        let got = events("Sales rose last week and will fall next week.", on: "2009-03-04")
        #expect(got.map(\.0) == ["last week", "next week"])
        #expect(got.map(\.1) == ["2009", "2009-03"])
    }

    @Test func daysCountedFromTheDayLastSpokenOf() {
        let got = events("The bill passed on Oct. 10. The next day, the governor signed it. Two days later, protests began. "
                         + "The vote was held on 3 September. A week later the results were out. The previous day had been calm. "
                         + "Markets fell on Wednesday and rose the day after.", on: "2007-10-19")
        #expect(got.map(\.0) == ["Oct. 10", "The next day", "Two days later", "3 September", "A week later", "The previous day", "on Wednesday", "the day after"])
        #expect(got.map(\.1) == ["2007-10-10", "2007-10-11", "2007-10-13", "2007-09-03", "2007-09-10", "2007-09-09", "2007-10-17", "2007-10-18"])
        // Counted from something that is no date, or compared with a plan: not a day.
        #expect(events("Prices rose the day before the vote and fell the day after the result.", on: "2007-10-19").isEmpty)
        #expect(events("It arrived three days later than planned.", on: "2007-10-19").isEmpty)
    }

    @Test func holidaysOnAFixedDay() {
        let got = events("Shops were busy on Christmas Eve and Boxing Day, and will reopen after New Year's Day. Last Christmas was quiet.", on: "1998-02-19")
        #expect(got.map(\.1) == ["1997-12-24", "1997-12-26", "1999-01-01", "1997-12-25"])
        // "Christmas" naming a kind of thing is no day.
        #expect(events("Christmas sales were weak and the new year began badly.", on: "1998-02-19").isEmpty)
    }

    @Test func mayIsAMonthAfterALeadIn() {
        #expect(events("Sales rose in May. In May, they fell. The vote is on May 5.", on: "2007-10-19").map(\.1) == ["2007-05", "2007-05", "2007-05-05"])
        #expect(events("Prices may rise, and May Day passed quietly.", on: "2007-10-19").isEmpty)
    }

    @Test func yearsAndMonthsCountedFromTheDateLastNamed() {
        let got = events("The firm was founded in 1987. Two years later it went public. The following year it bought a rival. "
                         + "In March 2001 it moved, and a month later it opened a plant. The same year, the founder retired.", on: "2007-10-19")
        #expect(got.map(\.1) == ["1987", "1989", "1990", "2001-03", "2001-04", "2001"])
        // A year given relative to the article is no anchor: both mean the year before it.
        let sales = events("Sales fell 42% last month from the previous year. Toyota reported a drop from a year earlier.", on: "2009-02-03")
        #expect(sales.map(\.1) == ["2009-01", "2008", "2008"])
        // "That day" as a thing that comes, and "over the next year" as a stretch of time.
        #expect(events("If it ever came, that day has come. Prices will rise over the next year.", on: "2011-08-25").isEmpty)
    }

    @Test func durationsAndRecurrencesAreNotDates() {
        #expect(events("Prices have doubled over the last year, and the board meets every Monday.", on: "2009-03-04").isEmpty)
    }

    @Test func coordinatedMonthsShareTheirYear() {
        #expect(events("The index rose between September and October of 2007.", on: "2009-04-04").map(\.1) == ["2007-09", "2007-10"])
        #expect(events("The first flight is due in August or September of this year.", on: "2007-07-09").map(\.1) == ["2007-08", "2007-09"])
    }

    @Test func monthNamingANounIsTheRecentOne() {
        // "August unemployment data" in a story of early September is last month's, even after "expected".
        #expect(events("An expected announcement of August unemployment data could lift the index.", on: "2008-09-04").map(\.1) == ["2008-08"])
        // Without a tense, a month two months ahead is the coming one.
        #expect(events("The figures go to the commission in March.", on: "2006-01-27").map(\.1) == ["2006-03"])
    }

    @Test func weekdayAfterAPlaceIsADate() {
        // 2008-01-21 was a Monday; "Black Monday" stays a name.
        #expect(events("Stocks dropped sharply in Europe and Asia Monday.", on: "2008-01-21").map(\.1) == ["2008-01-21"])
        #expect(events("It was the worst day since Black Monday.", on: "2008-01-21").isEmpty)
    }

    @Test func wasSetIsPast() {
        #expect(events("The record was set on October 18.", on: "2007-10-20").map(\.1) == ["2007-10-18"])
        #expect(events("The vote is set for October 28.", on: "2007-10-20").map(\.1) == ["2007-10-28"])
    }

    @Test func nearDateOutweighsAGuessedTense() {
        // A participle after the date ("eliminated") must not push a date six days off into last year.
        #expect(events("Its first stop, on November 11, may be eliminated.", on: "2005-11-05").map(\.1) == ["2005-11-11"])
    }

    @Test func namedAttacksKeepTheirYear() {
        #expect(events("It was the worst fall since the September 11 attacks.", on: "2006-09-12").map(\.1) == ["2001-09-11"])
    }

    @Test func historyPlacesDaysInTheYearItTellsOf() {
        // A text about 1941 written in 2010: "on 22 June" is 1941's, "in December" too.
        let text = "In 1939 the war began. By 1940 France had fallen. In 1941 Germany turned east: on 22 June its armies crossed the border, and in December they stood before Moscow. The war ended in 1945."
        let got = events(text, on: "2010-05-01")
        #expect(got.first { $0.0 == "22 June" }?.1 == "1941-06-22")
        #expect(got.first { $0.0 == "in December" }?.1 == "1941-12")
        // A news story that mentions one old year still places its days near its own date.
        #expect(events("The bank, founded in 1870, will report on June 5.", on: "2010-05-01").map(\.1) == ["1870", "2010-06-05"])
    }

    @Test func tenseChoosesTheYear() {
        #expect(events("He will step down on January 15.", on: "2013-12-10").map(\.1) == ["2014-01-15"])
        #expect(events("The operation began on February 24.", on: "2022-11-29").map(\.1) == ["2022-02-24"])
        #expect(events("The deal will be finalized in October.", on: "2009-06-01").map(\.1) == ["2009-10"])
        #expect(events("The deal was signed in October.", on: "2009-06-01").map(\.1) == ["2008-10"])
    }
}

import Foundation
