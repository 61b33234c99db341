import Testing
@testable import DossierCore

/// A whole invented news article in one house style, with every quotation a careful reader
/// would mark, the reported statements that must be found, and what must not come out.
///
/// Conventions these articles pin down:
/// - An unnamed spokesperson speaks for the body they represent: “a spokeswoman for the
///   ministry said” gives the ministry as speaker, as “the ministry said in a statement” does.
/// - Titles of books, films, shows and events in quotation marks are nobody's words: they are
///   not quotes at all. Nicknames inside a name (Dwayne “The Rock” Johnson) are not quotes either.
/// - Scare quotes with no speech cue stay partial quotes with no speaker.
/// - An unnamed source is its own speaker, named by its description without the article
///   (“a source close to the star” → “source close to the star”); one we cannot place
///   (“my mother”, quoted by an interviewee) has no speaker.
/// - Outlets that relay words (“told the BBC”, “WAM quoted X as saying”) are not speakers.
struct ArticleCase: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    /// Every quotation, in order.
    var quotes: [ExpectedQuote]
    /// Reported statements that must be found.
    var reported: [ExpectedReport]
    /// Text no quote or reported statement may be or contain.
    var never: [String] = []
    /// Names that must never be given as a speaker.
    var notSpeakers: [String] = []
    var testDescription: String { name }
}

private func q(_ text: String, _ speaker: String?, _ kind: QuoteKind = .direct) -> ExpectedQuote {
    ExpectedQuote(text: text, speaker: speaker, kind: kind)
}
private func r(_ contains: String, _ speaker: String?) -> ExpectedReport { ExpectedReport(contains: contains, speaker: speaker) }

let articleCases: [ArticleCase] = [
    ArticleCase(
        name: "wire copy: straight quotes, Sen./Rep., he added after two women spoke",
        text: #"""
        WASHINGTON (AP) — Senate negotiators reached a tentative deal on Tuesday to fund the nation's regional airports for two more years, ending a standoff that had threatened to ground hundreds of small flights.
        "This is a win for every traveler who has ever sat on a delayed plane in a half-empty terminal," Sen. Maria Delgado-Ruiz, D-N.M., said on Tuesday.
        Delgado-Ruiz, who chairs the aviation subcommittee, said the agreement would restore $1.2 billion in grants that the House had cut in March.
        Rep. Thomas O'Brien, the top Republican on the House transportation committee, was less enthusiastic. "We are writing checks for airports that see four passengers a day," he told reporters outside the Capitol. "Somebody has to ask whether that makes sense."
        The Transportation Department said in a statement that it would "move quickly" to release the money once the bill is signed.
        Airline groups welcomed the deal. Lisa Chang, a spokeswoman for the Regional Airline Association, said carriers had been "holding their breath" since the spring.
        "We had members who were drawing up plans to cancel routes in 14 states," Chang said. "Now they can sell tickets for the holidays."
        Delgado-Ruiz said she expected the full Senate to vote before Thanksgiving.
        "I'm not trying to kill anything," he added. "I just want to know where the money goes."
        The bill now goes to the House, where a vote is expected next week.
        """#,
        quotes: [
            q("This is a win for every traveler who has ever sat on a delayed plane in a half-empty terminal,", "Maria Delgado-Ruiz"),
            q("We are writing checks for airports that see four passengers a day,", "Thomas O'Brien"),
            q("Somebody has to ask whether that makes sense.", "Thomas O'Brien"),
            q("move quickly", "Transportation Department", .partial),
            q("holding their breath", "Lisa Chang", .partial),
            q("We had members who were drawing up plans to cancel routes in 14 states,", "Lisa Chang"),
            q("Now they can sell tickets for the holidays.", "Lisa Chang"),
            q("I'm not trying to kill anything,", "Thomas O'Brien"),
            q("I just want to know where the money goes.", "Thomas O'Brien"),
        ],
        reported: [
            r("the agreement would restore $1.2 billion in grants", "Maria Delgado-Ruiz"),
            r("to release the money", "Transportation Department"),
            r("carriers had been", "Lisa Chang"),
            r("she expected the full Senate to vote", "Maria Delgado-Ruiz"),
        ],
        notSpeakers: ["Sen. Maria Delgado-Ruiz", "Rep. Thomas O'Brien"]),

    ArticleCase(
        name: "British paper: single quotation marks, Mr/Mrs, a department for something, nested double quotes",
        text: """
        Ministers have been accused of quietly abandoning a pledge to rebuild crumbling school buildings, after figures showed that fewer than half of the promised repairs had begun.
        Labour’s education spokeswoman, Bridget Okafor-Hale, said the government had ‘let down a generation of children’ and called for an urgent statement to the Commons.
        ‘Every week of delay means another classroom with a bucket under the ceiling,’ Mrs Okafor-Hale said. ‘Parents are entitled to know when the work will be done.’
        The Department for Education said in a statement that 212 projects were ‘under way or complete’ and that the rest would follow by 2027.
        A spokesman for the department added: ‘We are investing record sums in the school estate, and we make no apology for prioritising the buildings in the worst condition.’
        Schools minister David Hughes last month described the programme as ‘the biggest in a generation’.
        Mr Hughes did not respond to a request for comment on Tuesday.
        Paul Whitcombe, general secretary of the National Association of Head Teachers, said: ‘We have schools where whole wings are fenced off. That is not a “so-called crisis”, as one minister put it. It is a daily reality.’
        Mr Whitcombe said his union would ballot members on industrial action if no timetable was published by the summer.
        Mrs Okafor-Hale’s new book, ‘Cracks in the Walls’, is published next month.
        """,
        quotes: [
            q("let down a generation of children", "Bridget Okafor-Hale", .partial),
            q("Every week of delay means another classroom with a bucket under the ceiling,", "Bridget Okafor-Hale"),
            q("Parents are entitled to know when the work will be done.", "Bridget Okafor-Hale"),
            q("under way or complete", "Department for Education", .partial),
            q("We are investing record sums in the school estate, and we make no apology for prioritising the buildings in the worst condition.", "Department for Education"),
            q("the biggest in a generation", "David Hughes", .partial),
            q("We have schools where whole wings are fenced off. That is not a “so-called crisis”, as one minister put it. It is a daily reality.", "Paul Whitcombe"),
        ],
        reported: [
            r("the government had", "Bridget Okafor-Hale"),
            r("212 projects were", "Department for Education"),
            r("his union would ballot members", "Paul Whitcombe"),
        ],
        never: ["Cracks in the Walls"]),

    ArticleCase(
        name: "broadcaster: told the BBC, wrote on X, a question, em dash and ellipsis, a group posting",
        text: """
        The head of the UK’s largest water company has said she will not accept a bonus this year after a summer of sewage spills and hosepipe bans.
        Claire Vance, chief executive of Southern Rivers Water, told the BBC that the company had “let customers down” and that investment in pipes would double.
        “I’m not going to stand here and pretend this summer went well — it didn’t,” she told BBC Radio 4’s Today programme.
        Asked whether she would resign, Ms Vance said: “No. I think the job now is to fix it…”
        The environment secretary, Tom Adeyemi, said on Monday that water bosses who presided over repeated pollution “should not be taking home a penny in bonuses”.
        Writing on X, he said: “Customers have paid enough. The regulator has my full support to go further.”
        Campaigners were unconvinced. “Is a bonus really the issue when rivers are still full of sewage?” asked Hannah Price of the group River Action Now.
        In a post on social media, the group said the apology was “too little, far too late”.
        Ofwat, the regulator, said it would publish its annual performance ratings in October.
        Ms Vance told the programme: “If we don’t deliver, you will be entitled to ask me about my bonus again next year — and I expect you will.”
        """,
        quotes: [
            q("let customers down", "Claire Vance", .partial),
            q("I’m not going to stand here and pretend this summer went well — it didn’t,", "Claire Vance"),
            q("No. I think the job now is to fix it…", "Claire Vance"),
            q("should not be taking home a penny in bonuses", "Tom Adeyemi", .partial),
            q("Customers have paid enough. The regulator has my full support to go further.", "Tom Adeyemi"),
            q("Is a bonus really the issue when rivers are still full of sewage?", "Hannah Price"),
            q("too little, far too late", "River Action Now", .partial),
            q("If we don’t deliver, you will be entitled to ask me about my bonus again next year — and I expect you will.", "Claire Vance"),
        ],
        reported: [
            r("she will not accept a bonus this year", "Claire Vance"),
            r("the company had", "Claire Vance"),
            r("water bosses who presided over repeated pollution", "Tom Adeyemi"),
            r("the apology was", "River Action Now"),
            r("it would publish its annual performance ratings", "Ofwat"),
        ],
        notSpeakers: ["BBC", "BBC Radio", "Today"]),

    ArticleCase(
        name: "tabloid: nicknames inside names, an unnamed source, a named event, the 52-year-old",
        text: """
        Hollywood hardman Dwayne “The Rock” Johnson left fans stunned last night after revealing he had been “secretly training” for a return to the wrestling ring.
        The 52-year-old, who has not stepped into a ring in years, told fans on Instagram: “You thought I was done? Think again!”
        A source close to the star told The Sun: “He’s been in the gym at 4am every day. He’s deadly serious about this.”
        Johnson’s former tag partner, Marcus “Hammer” Bell, was less impressed. “He’s 52, not 25,” Bell, 49, said. “Somebody needs to tell him before he gets hurt!”
        Johnson’s wife, singer Lauren Hashian, said she was “not surprised in the slightest”.
        “When he decides something, that’s it,” she wrote on Instagram. “I’ve stopped arguing.”
        The comeback, which insiders have dubbed “The Last Ride”, is said to be planned for a stadium show in Texas next spring.
        Wrestling bosses refused to comment. But one insider said: “The phones haven’t stopped ringing since he posted that video.”
        Johnson himself signed off his video with a message to doubters: “See you in the ring.”
        """,
        quotes: [
            q("secretly training", "Dwayne Johnson", .partial),
            q("You thought I was done? Think again!", "Dwayne Johnson"),
            q("He’s been in the gym at 4am every day. He’s deadly serious about this.", "source close to the star"),
            q("He’s 52, not 25,", "Marcus Bell"),
            q("Somebody needs to tell him before he gets hurt!", "Marcus Bell"),
            q("not surprised in the slightest", "Lauren Hashian", .partial),
            q("When he decides something, that’s it,", "Lauren Hashian"),
            q("I’ve stopped arguing.", "Lauren Hashian"),
            q("The phones haven’t stopped ringing since he posted that video.", "insider"),
            q("See you in the ring.", "Dwayne Johnson"),
        ],
        reported: [],
        never: ["The Rock", "Hammer", "The Last Ride"],
        notSpeakers: ["The Sun", "Sun", "star"]),

    ArticleCase(
        name: "translated article: guillemets and low-high quotes, de, al-, van der, according to a paper",
        text: """
        PARIS — The French government on Wednesday unveiled a plan to cut energy use in public buildings by a quarter, a measure that Prime Minister Élise de Montfort described as « indispensable ».
        « We are not asking the French to shiver, we are asking the State to set an example », Mme de Montfort declared before the National Assembly.
        Under the plan, public buildings will be heated to no more than 19 degrees, according to a document seen by the agency.
        The opposition reacted sharply. Karim al-Hassan, a deputy for the Greens, said the measures were « cosmetic » and accused the government of « governing by decree ».
        Al-Hassan, 41, added that « nobody in this country will be fooled ».
        In Berlin, a spokesman for the economy ministry said the government was „following the French measures with interest“ but had no plans to copy them.
        Economist Jan-Willem van der Berg of the Kiel Institute said the French plan could save up to 10 terawatt hours a year. „That is not nothing, but it is not a revolution either“, van der Berg said.
        According to Le Monde, the plan will be presented to parliament in November.
        """,
        quotes: [
            q(" indispensable ", "Élise de Montfort", .partial),
            q(" We are not asking the French to shiver, we are asking the State to set an example ", "Élise de Montfort"),
            q(" cosmetic ", "Karim al-Hassan", .partial),
            q(" governing by decree ", "Karim al-Hassan", .partial),
            q(" nobody in this country will be fooled ", "Karim al-Hassan", .partial),
            q("following the French measures with interest", "economy ministry", .partial),
            q("That is not nothing, but it is not a revolution either", "Jan-Willem van der Berg"),
        ],
        reported: [
            r("the measures were", "Karim al-Hassan"),
            r("the government was", "economy ministry"),
            r("the French plan could save up to 10 terawatt hours", "Jan-Willem van der Berg"),
            r("the plan will be presented to parliament", "Le Monde"),
        ],
        never: ["public buildings will be heated"]),

    ArticleCase(
        name: "feature: a woman and a man alternating as she and he, Dr., Prof., Lt. Col.",
        text: """
        KISUMU, Kenya — On a humid morning in late March, Dr. Amara Nwosu stood in the doorway of a clinic and counted the mothers waiting outside. There were 143 of them. She had expected 40.
        “We thought we would have to go door to door to persuade people,” she said. “Instead they walked for hours to get here.”
        Nwosu, a 38-year-old epidemiologist who grew up in Enugu, Nigeria, leads the field team of a trial testing a new malaria vaccine on 6,000 children in western Kenya. Her partner in the project is Prof. Henrik Lindqvist, a Swedish immunologist who has spent two decades studying the parasite.
        “Malaria is very good at hiding from the immune system,” Lindqvist said in his office at the Karolinska Institute in Stockholm. “For a long time we were fighting it with one hand tied behind our backs.”
        He believes the new vaccine, which targets the parasite at two stages of its life cycle, could cut severe cases by more than half. She is more careful. “I have seen too many promising results disappear when you scale up,” Nwosu said.
        The first results, published in The Lancet in January, were encouraging. “The numbers were better than we dared hope,” he said, “but it’s one season in one region.”
        She laughed when told what her colleague had said. “Henrik is an optimist. That is his job. Mine is to worry.”
        The trial has not been without setbacks. In February, a shipment of doses was held at Mombasa port for three weeks, and Lt. Col. Daniel Kiprop of the Kenyan army’s medical corps was called in to arrange an escort. “We treated it like ammunition,” Col. Kiprop recalled.
        Nwosu said the delay cost the team 200 doses that spoiled in the heat. Lindqvist said it taught them to build slack into every schedule.
        Asked whether the vaccine could be rolled out across Africa by 2030, he hesitated. “If the money is there, yes,” he said. “If it isn’t, we will still be having this conversation in ten years.”
        She was blunter. “Children are dying of a disease we know how to prevent,” she said. “That should make everyone in this business uncomfortable.”
        By late afternoon the queue outside the clinic had not shortened. Nwosu went back inside. “Next,” she called.
        """,
        quotes: [
            q("We thought we would have to go door to door to persuade people,", "Amara Nwosu"),
            q("Instead they walked for hours to get here.", "Amara Nwosu"),
            q("Malaria is very good at hiding from the immune system,", "Henrik Lindqvist"),
            q("For a long time we were fighting it with one hand tied behind our backs.", "Henrik Lindqvist"),
            q("I have seen too many promising results disappear when you scale up,", "Amara Nwosu"),
            q("The numbers were better than we dared hope,", "Henrik Lindqvist"),
            q("but it’s one season in one region.", "Henrik Lindqvist"),
            q("Henrik is an optimist. That is his job. Mine is to worry.", "Amara Nwosu"),
            q("We treated it like ammunition,", "Daniel Kiprop"),
            q("If the money is there, yes,", "Henrik Lindqvist"),
            q("If it isn’t, we will still be having this conversation in ten years.", "Henrik Lindqvist"),
            q("Children are dying of a disease we know how to prevent,", "Amara Nwosu"),
            q("That should make everyone in this business uncomfortable.", "Amara Nwosu"),
            q("Next,", "Amara Nwosu"),
        ],
        reported: [
            r("the delay cost the team 200 doses", "Amara Nwosu"),
            r("it taught them to build slack", "Henrik Lindqvist"),
        ],
        notSpeakers: ["Dr. Amara Nwosu", "Prof. Henrik Lindqvist", "Col. Kiprop", "Kiprop"]),

    ArticleCase(
        name: "court report: the judge, the defendant, a lawyer quoting her client quoting himself",
        text: """
        A former hospital porter who stole more than £80,000 from patients’ lockers over six years has been jailed for four years.
        Gareth Pugh, 46, of Swansea, admitted 23 counts of theft at an earlier hearing.
        Sentencing him on Friday, Judge Catherine Morgan said he had “preyed on people at their most vulnerable”.
        “Many of your victims were elderly and frightened, lying in hospital beds while you went through their belongings,” the judge told him. “Some of them have not felt safe since.”
        Asked if he had anything to say, the defendant replied: “I’m sorry. I can’t explain it.”
        Prosecutor Ieuan Davies told the court that Pugh targeted wards where patients were too unwell to notice their property had gone.
        Defending, Rhian Hughes said her client had been in “a very dark place” after the death of his mother and was “deeply ashamed”.
        She told the court Pugh had once said to a colleague: “Nobody misses a tenner.” He now regretted those words “every single day”, she said.
        Judge Morgan said the thefts were “not a moment of madness but a business”, and added that Pugh had spent much of the money on online gambling.
        Outside court, Detective Constable Sarah Price of South Wales Police said: “Hospitals should be places of safety. This man treated them as a shopping trip.”
        """,
        quotes: [
            q("preyed on people at their most vulnerable", "Catherine Morgan", .partial),
            q("Many of your victims were elderly and frightened, lying in hospital beds while you went through their belongings,", "Catherine Morgan"),
            q("Some of them have not felt safe since.", "Catherine Morgan"),
            q("I’m sorry. I can’t explain it.", "Gareth Pugh"),
            q("a very dark place", "Rhian Hughes", .partial),
            q("deeply ashamed", "Rhian Hughes", .partial),
            q("Nobody misses a tenner.", "Gareth Pugh"),
            q("every single day", "Rhian Hughes", .partial),
            q("not a moment of madness but a business", "Catherine Morgan", .partial),
            q("Hospitals should be places of safety. This man treated them as a shopping trip.", "Sarah Price"),
        ],
        reported: [
            r("Pugh targeted wards", "Ieuan Davies"),
            r("her client had been in", "Rhian Hughes"),
            r("Pugh had once said", "Rhian Hughes"),
            r("the thefts were", "Catherine Morgan"),
            r("Pugh had spent much of the money on online gambling", "Catherine Morgan"),
        ],
        never: ["the court Pugh"]),

    ArticleCase(
        name: "sports report: the coach, told Sky Sports, a quote split by its attribution, particles",
        text: """
        MANCHESTER, England (Reuters) - City Rovers manager Luis Ortega said his side had "earned the right to dream" after a 2-1 win over Northbridge on Saturday lifted them to the top of the table.
        Kevin De Smet headed the winner in the 88th minute, 10 minutes after Ruben van der Linde had cancelled out Northbridge's early opener.
        "I told the players at half-time: 'Be patient, the goal will come,'" Ortega told reporters. "They listened."
        "Kevin has been brilliant since he arrived," the coach added, "and today he showed why we paid so much for him."
        De Smet, a 23-year-old Belgian signed from Anderlecht in January, said the goal was "for my mum, who was in the stand".
        Northbridge coach Anna Lindgren, the only woman in charge of a top-flight side, was furious about a penalty that was not given in the first half. "It's a penalty. Everybody in the stadium saw it — everybody except one man," she told Sky Sports.
        Lindgren, whose side dropped to fifth, said she would not be asking the referee for an apology. "What's the point? Nothing changes," she said.
        Asked about Ortega's comments on the title race, she smiled: "He can dream. We'll see who is there in May."
        Rovers travel to Eastfield on Wednesday. Their captain, Ruben van der Linde, warned against complacency: "Nobody gives you anything in this league."
        """,
        quotes: [
            q("earned the right to dream", "Luis Ortega", .partial),
            q("I told the players at half-time: 'Be patient, the goal will come,'", "Luis Ortega"),
            q("They listened.", "Luis Ortega"),
            q("Kevin has been brilliant since he arrived,", "Luis Ortega"),
            q("and today he showed why we paid so much for him.", "Luis Ortega"),
            q("for my mum, who was in the stand", "Kevin De Smet", .partial),
            q("It's a penalty. Everybody in the stadium saw it — everybody except one man,", "Anna Lindgren"),
            q("What's the point? Nothing changes,", "Anna Lindgren"),
            q("He can dream. We'll see who is there in May.", "Anna Lindgren"),
            q("Nobody gives you anything in this league.", "Ruben van der Linde"),
        ],
        reported: [
            r("his side had", "Luis Ortega"),
            r("the goal was", "Kevin De Smet"),
            r("she would not be asking the referee for an apology", "Anna Lindgren"),
        ],
        notSpeakers: ["Sky Sports", "Sky"]),

    ArticleCase(
        name: "press conference: the ministry and police speak, a spokeswoman for the ministry, it warned, quoted as saying",
        text: """
        DUBAI, Nov 4 (Reuters) - Emergency crews in the emirate of Ras Qasim evacuated more than 3,000 residents on Monday after record rainfall flooded coastal neighbourhoods, the interior ministry said.
        "All residents of the affected areas are safe and have been moved to shelters," a spokeswoman for the ministry told reporters at a news conference.
        Maj. Gen. Faisal bin Hamad al-Nuaimi, who heads the emirate's civil defence authority, said rescue teams had carried out 140 operations overnight, most of them to reach elderly people trapped in ground-floor flats.
        "The water came faster than any of our models predicted," he said. "We are asking people — please — to stay off the roads until the rain stops."
        Asked whether the drainage network had failed, Gen. al-Nuaimi said: "Is any city built for a year's rain in a day? No."
        Police said two people had died, including a delivery driver whose car was swept off a bridge. In a statement, police urged residents to "stay indoors and follow official instructions".
        The state news agency WAM quoted Sheikh Rashid bin Saeed, the ruler of Ras Qasim, as saying that "the safety of every resident comes before any other consideration".
        The weather office said more rain was expected on Wednesday. It warned that wadis — dry riverbeds that flood rapidly — could overflow without warning.
        Residents said help had been slow to arrive in some areas. "We waited on the roof for six hours," said Mariam Yousef, 34, a teacher. "Nobody came until the water was at the windows."
        """,
        quotes: [
            q("All residents of the affected areas are safe and have been moved to shelters,", "interior ministry"),
            q("The water came faster than any of our models predicted,", "Faisal bin Hamad al-Nuaimi"),
            q("We are asking people — please — to stay off the roads until the rain stops.", "Faisal bin Hamad al-Nuaimi"),
            q("Is any city built for a year's rain in a day? No.", "Faisal bin Hamad al-Nuaimi"),
            q("stay indoors and follow official instructions", "Police", .partial),
            q("the safety of every resident comes before any other consideration", "Rashid bin Saeed", .partial),
            q("We waited on the roof for six hours,", "Mariam Yousef"),
            q("Nobody came until the water was at the windows.", "Mariam Yousef"),
        ],
        reported: [
            r("Emergency crews in the emirate of Ras Qasim evacuated more than 3,000 residents", "interior ministry"),
            r("rescue teams had carried out 140 operations overnight", "Faisal bin Hamad al-Nuaimi"),
            r("two people had died", "Police"),
            r("more rain was expected on Wednesday", "weather office"),
            r("could overflow without warning", "weather office"),
        ],
        notSpeakers: ["WAM", "ministry", "Maj. Gen. Faisal bin Hamad al-Nuaimi"]),

    ArticleCase(
        name: "interview: Q and A lines, titles of works, a reviewer in a passive, a mother quoted by her son",
        text: """
        The novelist Ingrid Sørensen-Malik has written about grief, migration and, in her latest book, “The Salt Years”, a family of fishermen in northern Norway. She spoke to us ahead of the book’s UK publication.
        Q: Why fishermen?
        A: My grandfather was one. I grew up with his stories, and when he died I realised nobody had written them down.
        Q: The novel has been called “unbearably sad” by one reviewer. Is it?
        A: Sad, yes. But there is a lot of laughter in it too. My mother read it and said, “You made your grandfather funnier than he was.” I took that as a compliment.
        Q: You left Oslo for London at 19. Do you still feel Norwegian?
        A: On a football night, absolutely.
        Sørensen-Malik’s previous novel, “Harbour Lights”, was adapted for television in 2021. Asked about the adaptation, she said she had “made peace with it”, adding that the lead actor was “far better looking than the character I wrote”.
        """,
        quotes: [
            q("unbearably sad", "reviewer", .partial),
            q("You made your grandfather funnier than he was.", nil),
            q("made peace with it", "Ingrid Sørensen-Malik", .partial),
            q("far better looking than the character I wrote", "Ingrid Sørensen-Malik", .partial),
        ],
        reported: [
            r("the lead actor was", "Ingrid Sørensen-Malik"),
        ],
        never: ["The Salt Years", "Harbour Lights", "nobody had written them down"],
        notSpeakers: ["Harbour Lights"]),

    ArticleCase(
        name: "business wire: It said for the company, a dateline, a firm's possessive before a surname, nouns that look like verbs",
        text: """
        NEW YORK, March 3 - Harbor Freight Lines Inc said it would cut 400 jobs and close two depots in Ohio as shipping volumes fell for a third quarter.
        It said the cuts would save about 30 mln dlrs a year from 2027.
        The company said its chief executive, Anna Perez, would take a 20 pct pay cut.
        "We have to match our costs to the freight we actually carry," Perez said in a statement.
        Analysts were unsurprised. "Volumes have been falling since the spring," said Tom Reid of Midland Capital Markets.
        "Nobody expected a quick rebound," Midland Capital's Reid said.
        The union's demands for a jobs guarantee were rejected, with drivers at both depots reporting long queues at the gates on Tuesday.
        The shares fell 4 pct to 22.10 dlrs.
        """,
        quotes: [
            q("We have to match our costs to the freight we actually carry,", "Anna Perez"),
            q("Volumes have been falling since the spring,", "Tom Reid"),
            q("Nobody expected a quick rebound,", "Tom Reid"),
        ],
        reported: [
            r("it would cut 400 jobs", "Harbor Freight Lines Inc"),
            r("the cuts would save about 30 mln dlrs", "Harbor Freight Lines Inc"),
            r("would take a 20 pct pay cut", "Harbor Freight Lines Inc"),
        ],
        never: ["long queues at the gates", "for a jobs guarantee"],
        notSpeakers: ["NEW YORK", "Midland Capital's Reid", "Midland Capital Reid", "union"]),
]

@Suite("Quotes in whole articles")
struct QuoteArticleTests {
    @Test("article", arguments: articleCases)
    func article(_ c: ArticleCase) {
        let found = extractPassage(c.text)
        expectPassage(found, quotes: c.quotes, reported: c.reported, source: c.text, name: c.name)
        for text in c.never {
            #expect(!found.contains { $0.text.contains(text) }, "\(c.name): found “\(text)”")
        }
        for name in c.notSpeakers {
            #expect(!found.contains { $0.speaker == name }, "\(c.name): \(name) given as a speaker")
        }
    }

    @Test func atLeastEightArticlesOfSixParagraphsOrMore() {
        #expect(articleCases.count >= 8)
        for c in articleCases { #expect(passageParagraphs(c.text).count >= 6, "\(c.name)") }
    }
}
