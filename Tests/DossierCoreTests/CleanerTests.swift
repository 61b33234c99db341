import DossierCore
import Testing

@Suite struct CleanerTests {
    /// Every paragraph's text is the source text at its offsets.
    func offsetsHold(_ article: Article, _ source: String) -> Bool {
        let scalars = Array(source.unicodeScalars)
        return article.paragraphs.allSatisfy { p in
            let slice = String(String.UnicodeScalarView(scalars[p.start..<(p.start + p.scalarCount)]))
            return zip(slice.unicodeScalars, p.text.unicodeScalars).allSatisfy { a, b in a == b || b == " " }
        }
    }

    @Test func seedTitles() throws {
        #expect(DateFixtures.seed("001")?.title == nil)
        #expect(DateFixtures.seed("004")?.title == nil)
        #expect(DateFixtures.seed("002")?.title == "NATO countries agreed to work more closely with Kyiv")
        #expect(DateFixtures.seed("003")?.title == "NATO chief says alliance won’t back down on Ukraine aid")
    }

    @Test func seedBoilerplateIsGoneAndStoryStays() throws {
        let furniture: [String: [String]] = [
            "002": ["For more up-to-date videos and details about the situation in Donbass, watch the Izvestia TV channel.", "Leave a Reply"],
            "003": ["17.3 C", "București", "vineri, 3 mai 2024 - 13:26", "No menu items!", "spot_img"],
            "004": ["Teachers, civil servants and train drivers walk out in biggest strike in decade",
                    "Richard 'shuts up' GMB guest who says Hancock 'deserved' being called 'd***head'",
                    "* Follow Mirror Politics on Snapchat, Tiktok, Twitter and Facebook"],
        ]
        for (id, lines) in furniture {
            let a = try #require(DateFixtures.seed(id))
            let text = a.paragraphs.map(\.text).joined(separator: "\n")
            for line in lines {
                #expect(!text.contains(line), "\(id) still shows “\(line)”")
                #expect(a.boilerplate.contains { $0.contains(line) || line.contains($0) && $0.count > 3 }, "\(id) does not keep “\(line)” as boilerplate")
            }
        }
        let a4 = try #require(DateFixtures.seed("004"))
        #expect(a4.paragraphs.contains { $0.text.hasPrefix("“We all agree that the most important thing now") })
        #expect(a4.paragraphs.contains { $0.text == "They compared the fight to First World War trench warfare." })
        #expect(DateFixtures.seed("003")?.metadata["capture stamp"] == "vineri, 3 mai 2024 - 13:26")
        #expect(DateFixtures.seed("002")?.paragraphs.last?.text.hasPrefix("On February 24, the Russian Federation") == true)
        #expect(DateFixtures.seed("001")?.paragraphs.count == 11)
    }

    @Test func seedOffsetsMapBack() throws {
        for a in DateFixtures.seedCorpus.articles {
            let source = try String(contentsOfFile: DateFixtures.seeds + "/" + a.id, encoding: .utf8)
            #expect(offsetsHold(a, source), "\(a.id)")
        }
    }

    @Test func pageFurnitureOfAnUnseenShape() {
        let text = """
        Skip to content
        Home | World | Politics | Sport | Subscribe
        Tuesday, 14 March 2023

        Harbour bridge closes for repairs after storm damage

        By Ana Pereira

        The city's main harbour bridge will close for three weeks of repairs after Sunday's storm cracked two of its supports, officials said.

        Engineers found the damage during a routine inspection on Monday, the transport department said in a statement.

        We use cookies to improve your experience on our site. By continuing to browse you accept our cookie policy.

        Share this article
        Related: Storm leaves thousands without power
        © 2023 Harbour Daily. All rights reserved.
        """
        let a = DateFixtures.parse(text)
        #expect(a.title == "Harbour bridge closes for repairs after storm damage")
        #expect(a.paragraphs.map(\.text) == [
            "The city's main harbour bridge will close for three weeks of repairs after Sunday's storm cracked two of its supports, officials said.",
            "Engineers found the damage during a routine inspection on Monday, the transport department said in a statement.",
        ])
        #expect(a.boilerplate.contains("By Ana Pereira"))
        #expect(offsetsHold(a, text))
    }

    @Test func gluedHeadlineMidParagraphSplitsIt() throws {
        let text = "The minister spoke for an hour. Storm Leaves Thousands Without Power In North“We will rebuild every road,” she said.\n"
        let a = DateFixtures.parse(text)
        #expect(a.paragraphs.map(\.text) == ["The minister spoke for an hour.", "“We will rebuild every road,” she said."])
        #expect(a.boilerplate.contains("Storm Leaves Thousands Without Power In North"))
        #expect(offsetsHold(a, text))
    }

    @Test func brandNamesAreNotGlue() {
        let text = "Shoppers queued outside McDonald's and the PlayStation store as the new iPhone went on sale in the city centre on Friday morning.\n"
        let a = DateFixtures.parse(text)
        #expect(a.paragraphs.map(\.text) == [text.trimmingCharacters(in: .newlines)])
        #expect(a.boilerplate.isEmpty)
    }

    @Test func wireCopyIsJoinedAndSignedOff() {
        let text = """
        COCOA REVIEW

        SALVADOR, Feb 26 - Showers continued throughout the week in
        the Bahia cocoa zone, alleviating the drought since early
        January, Comissaria Smith said in its weekly review.
            The dry period means the temporao will be late this year.
            Arrivals for the week ended February 22 were 155,221 bags
        of 60 kilos.
         Reuter

        """
        let a = DateFixtures.parse(text, id: "r1", published: "1987-02-26T15:01:01", title: "COCOA REVIEW")
        #expect(a.paragraphs.count == 3)
        #expect(a.paragraphs.first?.text.hasPrefix("SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia") == true)
        #expect(a.paragraphs.last?.text == "Arrivals for the week ended February 22 were 155,221 bags of 60 kilos.")
        #expect(a.boilerplate == ["Reuter"])
        #expect(offsetsHold(a, text))
    }
}

import Foundation

@Suite struct CleanerTrailerTests {
    @Test func relatedStoriesAndCommentsAfterTheStory() {
        let text = """
        Council approves new tram line

        The city council approved a new tram line on Thursday after a two-year debate, the mayor said.

        Construction will start next spring and the line should open in 2027, officials said.

        Related stories

        Bus fares to rise in January

        Fares on city buses will rise by ten percent from January, the transport authority announced.

        Leave a Reply

        Your email address will not be published. Required fields are marked *
        """
        let a = DateFixtures.parse(text)
        #expect(a.title == "Council approves new tram line")
        #expect(a.paragraphs.map(\.text) == [
            "The city council approved a new tram line on Thursday after a two-year debate, the mayor said.",
            "Construction will start next spring and the line should open in 2027, officials said.",
        ])
        #expect(a.boilerplate.contains("Fares on city buses will rise by ten percent from January, the transport authority announced."))
    }
}

@Suite struct CleanerNewsPageTests {
    @Test func bylinesCaptionsAndAges() {
        let text = """
        World | Europe

        Floods force thousands from their homes in northern Italy

        By Marta Rossi | 17 May 2023
        5 min read

        Thousands of people were forced from their homes on Wednesday as rivers burst their banks across the region, officials said.

        Rescue crews used boats to reach villages cut off by the water. Photograph: Reuters

        Rain is expected to continue until the weekend, forecasters said, and schools will stay closed.

        2 hours ago
        """
        let a = DateFixtures.parse(text)
        #expect(a.title == "Floods force thousands from their homes in northern Italy")
        #expect(a.published.date?.iso == "2023-05-17")
        #expect(a.paragraphs.map(\.text) == [
            "Thousands of people were forced from their homes on Wednesday as rivers burst their banks across the region, officials said.",
            "Rain is expected to continue until the weekend, forecasters said, and schools will stay closed.",
        ])
        #expect(a.events.first?.date.iso == "2023-05-17")
    }

    @Test func datelineWithItsYear() {
        let a = DateFixtures.parse("LONDON, March 3, 2023 (Reuters) - The central bank held rates on Thursday, it said in a statement.\n")
        #expect(a.published.date?.iso == "2023-03-03")
        #expect(a.published.evidence.contains("LONDON, March 3, 2023"))
    }
}
