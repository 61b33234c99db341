import DossierCore
import Testing

@Suite struct TimelineTests {
    @Test func seedStoriesAreGrouped() throws {
        let story = { (id: String) in DateFixtures.seed(id)?.metadata["story"] }
        #expect(story("000") != nil)
        #expect(story("000") == story("001"))
        #expect(story("002") != nil)
        #expect(story("002") == story("003"))
        #expect(story("000") != story("002"))
        #expect(story("004") != story("000") && story("004") != story("002"))
    }

    @Test func eventsFollowAnInferredDate() throws {
        let a1 = try #require(DateFixtures.seed("001"))
        #expect(a1.events.contains { $0.text == "on Monday" && $0.date.iso == "2023-01-09" })
        #expect(a1.events.contains { $0.text == "on Tuesday" && $0.date.iso == "2023-01-10" })
        let a3 = try #require(DateFixtures.seed("003"))
        #expect(a3.events.contains { $0.text == "on Wednesday" && $0.date.iso == "2022-11-30" })
    }

    @Test func timelineOrderShowsPrecision() {
        let order = DateFixtures.seedCorpus.articles.map { $0.published.date?.iso ?? "?" }
        #expect(order == order.sorted())
    }

    @Test func unrelatedArticlesLendNoDates() {
        let articles = DateFixtures.inferredPair(dated: "2021-04-06",
            "The harbour authority in Valparaiso on Tuesday opened a new container terminal, port officials said.",
            "A Finnish orchestra on Tuesday premiered a symphony by a young composer from Oulu, critics said.")
        #expect(articles[1].published.date == nil)
        #expect(articles[0].metadata["story"] == nil)
    }
}
