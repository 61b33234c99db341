import DossierCore
import Foundation
import Testing

@Suite struct DatePublicationTests {
    @Test func seedPublicationDates() throws {
        let expected: [String: (String, DatePrecision)] = [
            "000": ("2023-01-10", .day), "001": ("2023-01-10", .day), "002": ("2022-11-29", .day), "003": ("2022-11-29", .day),
        ]
        for (id, (date, precision)) in expected {
            let a = try #require(DateFixtures.seed(id))
            #expect(a.published.date?.iso == date, "\(id): \(a.published.evidence)")
            #expect(a.published.precision == precision)
            #expect(!a.published.evidence.isEmpty)
        }
        // 004 says only "in 2023", "today" and "next month": the year, or the day if found.
        let a4 = try #require(DateFixtures.seed("004"))
        #expect(a4.published.date?.year == 2023)
        #expect(a4.published.precision == .year || a4.published.date?.iso == "2023-06-01")
    }

    @Test func inferredDatesNameTheirSource() throws {
        let a1 = try #require(DateFixtures.seed("001"))
        #expect(a1.published.inferred)
        #expect(a1.published.evidence.contains("000_"))
        let a3 = try #require(DateFixtures.seed("003"))
        #expect(a3.published.evidence.contains("002_"))
        #expect(a3.published.evidence.contains("vineri, 3 mai 2024"))
        #expect(DateFixtures.seed("000")?.published.inferred == false)
    }

    @Test func inferredEvidenceNamesTellingNames() throws {
        // The evidence names people and places, never titles or stray capitals.
        let a3 = try #require(DateFixtures.seed("003"))
        #expect(a3.published.evidence.contains("same event as 002_"))
        #expect(a3.published.evidence.contains("Jens Stoltenberg"))
        let a1 = try #require(DateFixtures.seed("001"))
        #expect(a1.published.evidence.contains("Soledar"))
        #expect(a1.published.evidence.contains("quote"))
        for a in [a1, a3] {
            let shared = a.published.evidence.components(separatedBy: "(shares ").dropFirst().first?.components(separatedBy: ")").first ?? ""
            #expect(!shared.isEmpty, "\(a.id): \(a.published.evidence)")
            for word in ["Secretary", "General", "European,", "President", "The "] { #expect(!shared.contains(word), "\(a.id): \(shared)") }
        }
    }

    @Test func sharedNamesAreTelling() {
        let articles = DateFixtures.inferredPair(dated: "2023-07-11",
            "NATO Secretary-General Jens Stoltenberg arrived in Vilnius on Tuesday. European leaders met President Gitanas Nauseda. “We will stand with Ukraine for as long as it takes,” Stoltenberg said in Vilnius.",
            "Allied leaders gathered in Vilnius on Tuesday, where Secretary-General Jens Stoltenberg told European ministers that “we will stand with Ukraine for as long as it takes”. President Gitanas Nauseda welcomed them.")
        let evidence = articles[1].published.evidence
        #expect(articles[1].published.date?.iso == "2023-07-11")
        #expect(evidence.contains("Jens Stoltenberg"))
        #expect(evidence.contains("Gitanas Nauseda"))
        #expect(evidence.contains("a quote"))
        #expect(!evidence.contains("Secretary") && !evidence.contains("European") && !evidence.contains("President"))
    }

    @Test func captureStampsInSevenLanguages() {
        let stamps: [(String, String)] = [
            ("vineri, 3 mai 2024 - 13:26", "2024-05-03"),
            ("Friday, May 3, 2024 1:26 PM", "2024-05-03"),
            ("vendredi 3 mai 2024, 13:26", "2024-05-03"),
            ("Freitag, 3. Mai 2024, 13:26 Uhr", "2024-05-03"),
            ("viernes, 3 de mayo de 2024 13:26", "2024-05-03"),
            ("venerdì 3 maggio 2024 - 13:26", "2024-05-03"),
            ("sexta-feira, 3 de maio de 2024 às 13:26", "2024-05-03"),
        ]
        for (line, iso) in stamps {
            let s = DateStamp.parse(line)
            #expect(s?.date.iso == iso, "\(line)")
            #expect(s?.weekday == 5, "\(line)")
            #expect(s?.weekdayDisagrees == false)
        }
        #expect(DateStamp.parse("The minister met 3 mayors in 2024.") == nil)
    }

    @Test func stampContradictedByTheText() {
        let text = """
        Sunny 21 C
        luni, 6 mai 2024 - 09:10

        Ministers pledge more aid for flood victims

        Ministers on Tuesday pledged more aid for the flood victims, the agency said in a statement after the meeting.

        They will meet again on Wednesday to agree the details of the package.
        """
        let a = DateFixtures.parse(text)
        #expect(a.metadata["capture stamp"] == "luni, 6 mai 2024 - 09:10")
        #expect(a.published.date == nil)
        #expect(a.published.evidence.contains("captured"))
    }

    @Test func weekdayWithoutYearPicksTheYear() {
        let today = PartialDate(year: 2026, month: 1, day: 1)
        let text = "Leaders met on Thursday, March 5, in Geneva, years after the 2019 accord, officials said.\n"
        var doc = RawDocument(id: "w.txt", path: "w.txt", text: text)
        HeaderReader.apply(to: &doc)
        let clean = Cleaner.clean(SourceText(text), bodyStart: doc.bodyStart, givenTitle: nil)
        let pub = PublicationDating.date(doc: doc, clean: clean, today: today)
        // March 5 fell on a Thursday in 2020 and 2026 (but 2026-03-05 is after `today`), and 2015.
        #expect(pub.date?.iso == "2020-03-05")
        #expect(pub.evidence.contains("Thursday"))
    }

    @Test func dateLineUnderTheHeadline() {
        let a = DateFixtures.parse("Bridge reopens after repairs\n\nDecember 10, 2013\n\nThe bridge reopened today after three weeks of repairs, the council said.\n")
        #expect(a.published.date?.iso == "2013-12-10")
        #expect(a.published.inferred == false)
        #expect(a.events.first?.date.iso == "2013-12-10")
        #expect(a.paragraphs.count == 1)
    }

    @Test func labelledDateLineUnderTheHeadline() {
        // The header form the bundled articles use, standing under a headline instead of first.
        let a = DateFixtures.parse("Harbour authority posts record profit\n\ndate 1998-03-12\n\nThe authority said on Thursday its profit rose in 1996, and it expects more by 2001.\n")
        #expect(a.published.date?.iso == "1998-03-12")
        #expect(a.published.inferred == false)
        #expect(a.title == "Harbour authority posts record profit")
        #expect(a.events.first { $0.text == "on Thursday" }?.date.iso == "1998-03-12")
        #expect(a.paragraphs.map(\.text) == ["The authority said on Thursday its profit rose in 1996, and it expects more by 2001."])
    }

    @Test func onlyTheYear() {
        let a = DateFixtures.parse("The battle has gone on for months and in 2023 it became the longest of the war, the official said.\n")
        #expect(a.published.date?.iso == "2023")
        #expect(a.published.precision == .year)
        #expect(a.published.inferred)
    }

    @Test(.enabled(if: DateFixtures.hasReuters, "needs ../shared/corpora/reuters21578.jsonl (absent in a fresh clone)"))
    func reutersDatelinesAgreeWithPublished() throws {
        let handle = try #require(FileHandle(forReadingAtPath: DateFixtures.reuters))
        let docs = JSONLReader.documents(bytes: Array(handle.readDataToEndOfFile()), path: DateFixtures.reuters).documents
        var lines = 0, agree = 0
        for doc in docs.prefix(3000) {
            let a = ArticleParser.parse(doc)
            guard let line = Dateline.find(in: a.paragraphs.first?.text ?? ""), let published = a.published.date,
                  let placed = line.resolved(near: published) else { continue }
            lines += 1
            if abs(published.days(to: placed) ?? 99) <= 1 { agree += 1 }
            #expect(a.published.evidence.contains(line.text))
        }
        #expect(lines > 2000)
        #expect(Double(agree) / Double(lines) > 0.99)
    }
}

@Suite struct DateLineTests {
    @Test func labelledPublicationLineIsTheDate() {
        let a = DateFixtures.parse("Published: 14 March 2023, 10:32\n\nHarbour bridge closes for repairs\n\nThe bridge will close for three weeks of repairs after the storm, officials said on Tuesday.\n")
        #expect(a.published.date?.iso == "2023-03-14")
        #expect(a.published.evidence.contains("Published: 14 March 2023"))
        #expect(a.title == "Harbour bridge closes for repairs")
    }

    @Test func numbersInsideNamesAreNotYears() {
        let p = Paragraph(text: "The Russell 2000 Index fell, as it did in 2000.", start: 0)
        let events = DateTagger.events([p], reference: Publication(date: PartialDate(year: 2009, month: 2, day: 23), evidence: ""))
        #expect(events.map(\.text) == ["in 2000"])
    }
}

@Suite struct DateHeaderTests {
    @Test func savedPageHeaderBlock() {
        let a = DateFixtures.parse("Title: Harbour bridge closes\nDate: May 3, 2024\nURL: https://example.org/bridge\n\nThe bridge closed on Friday for repairs, the council said.\n")
        #expect(a.title == "Harbour bridge closes")
        #expect(a.published.date?.iso == "2024-05-03")
        #expect(a.published.evidence == "the header line 'Date: May 3, 2024' at the top of the file")
        #expect(a.metadata["url"] == "https://example.org/bridge")
        #expect(a.paragraphs.map(\.text) == ["The bridge closed on Friday for repairs, the council said."])
    }
}
