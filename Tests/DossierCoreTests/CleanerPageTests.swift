import DossierCore
import Testing

/// One scraped page: the story a reader must get, every line of it, and the furniture that
/// must go. Lines in `either` are left to judgement (standfirsts, live-blog entry headings).
struct ScrapedPage {
    var title: String?
    var story: [String]
    var furniture: [String]
    var either: [String] = []
    var text: String
}

/// Whole pages as text dumps of different kinds of news site, with the hard cases each one
/// brings: story lines shaped like furniture, and furniture written as prose.
@Suite struct CleanerPageTests {
    func check(_ page: ScrapedPage, sourceLocation: SourceLocation = #_sourceLocation) {
        let a = DateFixtures.parse(page.text)
        let kept = a.paragraphs.map(\.text)
        let lost = page.story.filter { !kept.contains($0) }
        #expect(lost.isEmpty, "story lost: \(lost)", sourceLocation: sourceLocation)
        let stayed = page.furniture.filter { line in kept.contains { $0.contains(line) } }
        #expect(stayed.isEmpty, "furniture kept: \(stayed)", sourceLocation: sourceLocation)
        let unrecorded = page.furniture.filter { line in !a.boilerplate.contains { $0.contains(line) } }
        #expect(unrecorded.isEmpty, "furniture not in boilerplate: \(unrecorded)", sourceLocation: sourceLocation)
        let unexpected = kept.filter { !page.story.contains($0) && !page.either.contains($0) }
        #expect(unexpected.isEmpty, "kept but not story: \(unexpected)", sourceLocation: sourceLocation)
        let order = kept.filter { page.story.contains($0) }
        #expect(order == page.story || !lost.isEmpty, "story out of order", sourceLocation: sourceLocation)
        if let title = page.title { #expect(a.title == title, sourceLocation: sourceLocation) }
        #expect(CleanerTests().offsetsHold(a, page.text), sourceLocation: sourceLocation)
    }

    /// A blog: menus one item a line, a post meta line, share and like widgets, then comments.
    @Test func wordPressBlog() {
        check(ScrapedPage(
            title: "Why our allotment waiting list doubled in a year",
            story: [
                "When I joined the Riverside allotment society in 2015, the waiting list was eleven names long. This spring it passed three hundred.",
                "The committee met last week to talk about what to do. Splitting plots in half was the first idea on the table, and it was not popular.",
                "\"Half a plot is still a plot,\" said Derek Amos, who has grown leeks on plot 14 for thirty years.",
                "Others worry that smaller plots will mean more sheds, more water butts and more arguments over paths.",
                "The council has promised to look at two unused fields near the ring road. It has promised that before.",
                "We will see.",
            ],
            furniture: [
                "Skip to content", "Growing food in small city spaces", "Menu", "Recipes", "Posted on 12 April 2024 by Maggie Hollins",
                "Categories: Allotments, Community", "4 Comments", "Share this:", "Like Loading...", "Seed swap this Saturday",
                "Splitting plots worked fine in our town. Just make the paths wider!",
                "Your email address will not be published.", "Save my name, email, and website in this browser for the next time I comment.",
                "Previous Post: Planting garlic in autumn", "Proudly powered by WordPress",
            ],
            text: """
            Skip to content
            Riverside Gardener
            Growing food in small city spaces
            Menu
            Home
            About
            Recipes
            Contact

            Why our allotment waiting list doubled in a year

            Posted on 12 April 2024 by Maggie Hollins
            Categories: Allotments, Community
            4 Comments

            When I joined the Riverside allotment society in 2015, the waiting list was eleven names long. This spring it passed three hundred.

            The committee met last week to talk about what to do. Splitting plots in half was the first idea on the table, and it was not popular.

            "Half a plot is still a plot," said Derek Amos, who has grown leeks on plot 14 for thirty years.

            Others worry that smaller plots will mean more sheds, more water butts and more arguments over paths.

            The council has promised to look at two unused fields near the ring road. It has promised that before.

            We will see.

            Share this:
            Twitter
            Facebook
            Like this:
            Like Loading...

            Related
            Seed swap this Saturday
            In "Events"
            The slug question, again
            In "Pests"

            4 thoughts on “Why our allotment waiting list doubled in a year”

            Sue Pickering says:
            April 12, 2024 at 6:14 pm
            Splitting plots worked fine in our town. Just make the paths wider!
            Reply

            Leave a Reply Cancel reply
            Your email address will not be published. Required fields are marked *
            Comment *
            Name *
            Email *
            Website
            Save my name, email, and website in this browser for the next time I comment.
            Post navigation
            Previous Post: Planting garlic in autumn
            Next Post: Seed swap this Saturday
            Proudly powered by WordPress
            """))
    }

    /// A national paper dumped one paragraph a line: an ad label, a caption, an inline link and a
    /// newsletter box in mid-story, a short last paragraph, then topics and a most-viewed list.
    @Test func newspaperOneLinePerParagraph() {
        check(ScrapedPage(
            title: "Train drivers to strike again as pay talks collapse",
            story: [
                "Train drivers at fourteen rail companies will walk out for 48 hours later this month after talks over pay broke down without agreement, their union has announced.",
                "The union said the operators had tabled an offer worth less than inflation and attached conditions that members had already rejected twice.",
                "\"We have been patient for eighteen months,\" the union's general secretary said. \"Patience has run out.\"",
                "The Rail Delivery Group, which speaks for the operators, said it was disappointed.",
                "It said the offer would take the average driver's salary above £65,000 and that reform of working practices was needed to keep the railway affordable.",
                "The walkout will hit services on the 21st and 22nd of the month. Some operators expect to run no trains at all on those days.",
                "Passengers are advised to check before they travel.",
                "The transport secretary declined to comment.",
            ],
            furniture: [
                "Skip to main content", "Sign in", "Subscribe", "UK News", "Helen Marsh", "Transport correspondent", "Wed 6 Mar 2024 17.42 GMT",
                "Commuters wait on a platform at Leeds station during last year's strike. Photograph: Chris Wood/PA",
                "Advertisement", "Read more: Rail fares in England to rise by 4.9% in March",
                "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am GMT",
                "Explore more on these topics", "Rail strikes", "Helen Marsh is the Courier's transport correspondent.", "Reuse this content", "Most viewed", "Snow warning issued for northern Scotland",
            ],
            either: ["Union says rail operators \"walked away\" from the table after an offer it called insulting"],
            text: """
            Skip to main content
            Sign in
            Subscribe
            UK
            World
            Business
            Politics
            Culture
            Sport
            UK News
            Train drivers to strike again as pay talks collapse
            Union says rail operators "walked away" from the table after an offer it called insulting
            Helen Marsh
            Transport correspondent
            Wed 6 Mar 2024 17.42 GMT
            Share
            Train drivers at fourteen rail companies will walk out for 48 hours later this month after talks over pay broke down without agreement, their union has announced.
            The union said the operators had tabled an offer worth less than inflation and attached conditions that members had already rejected twice.
            Commuters wait on a platform at Leeds station during last year's strike. Photograph: Chris Wood/PA
            "We have been patient for eighteen months," the union's general secretary said. "Patience has run out."
            The Rail Delivery Group, which speaks for the operators, said it was disappointed.
            Advertisement
            It said the offer would take the average driver's salary above £65,000 and that reform of working practices was needed to keep the railway affordable.
            Read more: Rail fares in England to rise by 4.9% in March
            The walkout will hit services on the 21st and 22nd of the month. Some operators expect to run no trains at all on those days.
            Sign up to First Edition, our free daily newsletter – every weekday morning at 7am GMT
            Passengers are advised to check before they travel.
            The transport secretary declined to comment.
            Explore more on these topics
            Rail strikes
            Rail transport
            Trade unions
            Helen Marsh is the Courier's transport correspondent. She previously covered aviation and shipping.
            Share
            Reuse this content
            Most viewed
            Man charged after crash on M62 near Huddersfield
            Snow warning issued for northern Scotland
            Grocery prices fall for first time in two years
            """))
    }

    /// A wire service's page: a long menu, a capitalised byline, a contributor line, the
    /// reporter's bio and the agency's rights notice after the story.
    @Test func wireServicePage() {
        check(ScrapedPage(
            title: "Volcano on Iceland's Reykjanes peninsula erupts for the fourth time since December",
            story: [
                "GRINDAVIK, Iceland (AP) — A volcano in southwestern Iceland erupted Saturday evening for the fourth time since December, sending lava toward the evacuated fishing town of Grindavik and forcing the closure of a nearby spa.",
                "The eruption began shortly after 8 p.m. local time between two mountains north of the town, the Meteorological Office said.",
                "Footage from the coast guard showed a fissure about three kilometers (nearly two miles) long.",
                "Grindavik's roughly 3,800 residents were evacuated in November, and most have not returned.",
                "“This is the new normal for us,” said the head of the civil protection agency. “We prepare for the next one as soon as one ends.”",
                "Flights at Keflavik were not affected.",
                "Iceland, which sits above a volcanic hot spot in the North Atlantic, has more than 30 active volcanic systems.",
            ],
            furniture: [
                "Menu", "U.S.", "Fact Check", "Newsletters", "By SIGRUN OLAFSDOTTIR", "Updated 9:14 PM GMT+1, March 17, 2024", "___",
                "Associated Press writer Jan M. Olsen in Copenhagen, Denmark, contributed to this report.",
                "Olafsdottir covers Iceland and the Nordic countries for The Associated Press.",
                "Copyright 2024 The Associated Press. All Rights Reserved.", "More Stories", "Ferry service to Westman Islands suspended",
            ],
            text: """
            Menu
            World
            U.S.
            Politics
            Sports
            Entertainment
            Business
            Fact Check
            Newsletters
            Donate
            Volcano on Iceland's Reykjanes peninsula erupts for the fourth time since December
            By SIGRUN OLAFSDOTTIR
            Updated 9:14 PM GMT+1, March 17, 2024
            Share
            GRINDAVIK, Iceland (AP) — A volcano in southwestern Iceland erupted Saturday evening for the fourth time since December, sending lava toward the evacuated fishing town of Grindavik and forcing the closure of a nearby spa.
            The eruption began shortly after 8 p.m. local time between two mountains north of the town, the Meteorological Office said.
            Footage from the coast guard showed a fissure about three kilometers (nearly two miles) long.
            Grindavik's roughly 3,800 residents were evacuated in November, and most have not returned.
            “This is the new normal for us,” said the head of the civil protection agency. “We prepare for the next one as soon as one ends.”
            Flights at Keflavik were not affected.
            Iceland, which sits above a volcanic hot spot in the North Atlantic, has more than 30 active volcanic systems.
            ___
            Associated Press writer Jan M. Olsen in Copenhagen, Denmark, contributed to this report.
            SIGRUN OLAFSDOTTIR
            Olafsdottir covers Iceland and the Nordic countries for The Associated Press.
            twitter
            mailto
            Copyright 2024 The Associated Press. All Rights Reserved. This material may not be published, broadcast, rewritten or redistributed.
            More Stories
            Ferry service to Westman Islands suspended
            Aurora forecast: where to look this weekend
            """))
    }

    /// A local paper: breadcrumb with ">", weather, labelled stamps, an app prompt, a numbered
    /// most-read list, page links and a footer menu.
    @Test func localNewsSite() {
        check(ScrapedPage(
            title: "Library opening hours to be cut at three branches",
            story: [
                "Three of the district's libraries will open for fewer hours from June under plans to save £240,000 a year.",
                "Hillside, Worle and Kewstoke branches would each close on Mondays and Wednesdays, according to a report to the council's cabinet.",
                "Councillor Ruth Bannon, who is responsible for libraries, said: \"Nobody goes into politics to shorten library hours. But the money has to come from somewhere.\"",
                "The report says visits to the three branches have fallen by a third since 2019, while loans of e-books have more than doubled.",
                "A petition against the cuts has gathered more than 1,200 signatures.",
                "Campaigner Lydia Harte said the branches were \"a lifeline for older people and for families who cannot afford to buy books\".",
                "Readers who want to subscribe to the petition's updates can leave their email at any of the three branches, she said.",
                "Cabinet will make a decision on March 14.",
            ],
            furniture: [
                "Library opening hours to be cut at three branches | Weston Mercury", "Skip to main content", "Log in | Register", "Thursday 7 March 2024", "Mostly cloudy 9°C", "Home > News > Local News",
                "By Tom Ellery", "Local Democracy Reporter", "Published: 4:52 PM March 7, 2024", "Updated: 5:10 PM March 7, 2024",
                "Download our free app for the latest news from Weston and the surrounding area.",
                "Get the latest news straight to your inbox – sign up to our free newsletter here.",
                "Comments (12)", "Most Read", "Pier reopens after winter works", "Page 1 of 1", "Back to top",
                "Privacy Policy | Terms | Contact Us | Advertise With Us", "© 2024 Weston Mercury. All rights reserved.",
            ],
            either: ["Plans to save £240,000 go to cabinet next week"],
            text: """
            Library opening hours to be cut at three branches | Weston Mercury
            Skip to main content

            Log in | Register

            Thursday 7 March 2024
            Mostly cloudy 9°C

            Weston Mercury

            News
            Sport
            What's On
            Property
            Jobs

            Home > News > Local News

            Library opening hours to be cut at three branches

            Plans to save £240,000 go to cabinet next week

            By Tom Ellery
            Local Democracy Reporter

            Published: 4:52 PM March 7, 2024
            Updated: 5:10 PM March 7, 2024

            Three of the district's libraries will open for fewer hours from June under plans to save £240,000 a year.

            Hillside, Worle and Kewstoke branches would each close on Mondays and Wednesdays, according to a report to the council's cabinet.

            Councillor Ruth Bannon, who is responsible for libraries, said: "Nobody goes into politics to shorten library hours. But the money has to come from somewhere."

            The report says visits to the three branches have fallen by a third since 2019, while loans of e-books have more than doubled.

            A petition against the cuts has gathered more than 1,200 signatures.

            Campaigner Lydia Harte said the branches were "a lifeline for older people and for families who cannot afford to buy books".

            Readers who want to subscribe to the petition's updates can leave their email at any of the three branches, she said.

            Cabinet will make a decision on March 14.

            Download our free app for the latest news from Weston and the surrounding area.

            Get the latest news straight to your inbox – sign up to our free newsletter here.

            Comments (12)

            Most Read

            1
            Driver arrested after crash on A370

            2
            Pier reopens after winter works

            3
            Plans for 200 homes on edge of village rejected

            Page 1 of 1

            Back to top

            Privacy Policy | Terms | Contact Us | Advertise With Us

            © 2024 Weston Mercury. All rights reserved.
            """))
    }

    /// A tabloid: stamp pair on one line, image credit in brackets, a short "READ MORE" link in
    /// mid-story that must not end the story, a tip-off box, a "Don't miss" list.
    @Test func tabloid() {
        check(ScrapedPage(
            title: "'I found a 200-year-old coin in my back garden while planting tulips'",
            story: [
                "A grandmother who was planting tulip bulbs in her back garden got the shock of her life when her trowel hit a silver coin more than 200 years old.",
                "Pauline Webb, 71, from Dereham in Norfolk, thought at first that the muddy disc was a bottle top.",
                "\"I almost threw it on the compost heap,\" she said. \"Then I rubbed it with my thumb and saw a king's head.\"",
                "The coin turned out to be a 1787 shilling from the reign of George III.",
                "A local expert told her it could be worth up to £150.",
                "She has no plans to sell it.",
                "\"It's going in a frame on the mantelpiece,\" she said. \"My grandson says I should keep digging.\"",
                "Finds of old coins in gardens are more common than many people think, according to the Portable Antiquities Scheme.",
                "It recorded more than 50,000 finds in England and Wales last year.",
            ],
            furniture: [
                "Sign in", "Showbiz", "News › UK News", "By Kelly Brand, News Reporter", "11:02, 5 Mar 2024 Updated 13:47, 5 Mar 2024",
                "Bookmark", "Pauline Webb with the shilling she found (Image: Beacon Media)", "READ MORE: Pier reopens after winter",
                "Advertisement", "Sign up to the Beacon newsletter for the best stories of the day",
                "Got a story? Email us at news@dailybeacon.co.uk", "Don't miss", "Dog walks 40 miles home after being rehomed",
                "Follow Daily Beacon on Facebook and Twitter",
            ],
            either: ["A grandmother digging in her garden in Norfolk unearthed a silver shilling from the reign of George III"],
            text: """
            Daily Beacon
            Sign in
            News
            Showbiz
            Sport
            Money
            Royals

            News › UK News

            'I found a 200-year-old coin in my back garden while planting tulips'

            A grandmother digging in her garden in Norfolk unearthed a silver shilling from the reign of George III

            By Kelly Brand, News Reporter
            11:02, 5 Mar 2024 Updated 13:47, 5 Mar 2024

            Comments
            Bookmark

            A grandmother who was planting tulip bulbs in her back garden got the shock of her life when her trowel hit a silver coin more than 200 years old.

            Pauline Webb, 71, from Dereham in Norfolk, thought at first that the muddy disc was a bottle top.

            "I almost threw it on the compost heap," she said. "Then I rubbed it with my thumb and saw a king's head."

            The coin turned out to be a 1787 shilling from the reign of George III.

            Pauline Webb with the shilling she found (Image: Beacon Media)

            A local expert told her it could be worth up to £150.

            She has no plans to sell it.

            "It's going in a frame on the mantelpiece," she said. "My grandson says I should keep digging."

            READ MORE: Pier reopens after winter

            Advertisement

            Finds of old coins in gardens are more common than many people think, according to the Portable Antiquities Scheme.

            It recorded more than 50,000 finds in England and Wales last year.

            Sign up to the Beacon newsletter for the best stories of the day

            Got a story? Email us at news@dailybeacon.co.uk

            Don't miss

            Couple win £1m on scratchcard bought with spare change
            Pensioner, 98, passes driving test at first attempt
            Dog walks 40 miles home after being rehomed

            Follow Daily Beacon on Facebook and Twitter
            """))
    }

    /// A Spanish agency's English edition: furniture in Spanish (ad label, share links, tags,
    /// cookie notice), the story in English.
    @Test func foreignSiteEnglishStory() {
        check(ScrapedPage(
            title: "Drought forces Catalonia to limit water for farms and homes",
            story: [
                "Barcelona, 4 mar (EFE).- Catalonia declared a drought emergency on Monday for Barcelona and 200 surrounding towns, limiting water for farms, industry and homes after three years of below-average rain.",
                "Residents will be limited to 200 litres per person per day, including water used by businesses and public services, the regional government said.",
                "Farmers will have to cut irrigation by 80 percent.",
                "The measures also ban filling private swimming pools with fresh water, though hotels may use seawater or water from desalination plants.",
                "\"We are facing the worst drought on record,\" the regional president said at a news conference.",
            ],
            furniture: [
                "Portada | Mundo | Economía | Deportes | Cultura | English", "Iniciar sesión", "Suscríbete", "Lunes, 4 de marzo de 2024",
                "EN ENGLISH", "Publicidad", "Te puede interesar", "Las reservas de agua caen al 15 por ciento", "Compartir en Facebook",
                "Etiquetas: sequía, Cataluña, agua",
                "Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa navegando, consideramos que acepta su uso.",
                "Aviso legal | Política de privacidad | Contacto", "© EFE 2024",
            ],
            text: """
            Portada | Mundo | Economía | Deportes | Cultura | English
            Iniciar sesión
            Suscríbete
            Lunes, 4 de marzo de 2024

            EN ENGLISH

            Drought forces Catalonia to limit water for farms and homes

            Barcelona, 4 mar (EFE).- Catalonia declared a drought emergency on Monday for Barcelona and 200 surrounding towns, limiting water for farms, industry and homes after three years of below-average rain.

            Residents will be limited to 200 litres per person per day, including water used by businesses and public services, the regional government said.

            Farmers will have to cut irrigation by 80 percent.

            Publicidad

            The measures also ban filling private swimming pools with fresh water, though hotels may use seawater or water from desalination plants.

            "We are facing the worst drought on record," the regional president said at a news conference.

            Te puede interesar

            Las reservas de agua caen al 15 por ciento
            El Gobierno aprueba ayudas para el campo

            Compartir en Facebook
            Compartir en X
            Etiquetas: sequía, Cataluña, agua

            Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa navegando, consideramos que acepta su uso.

            Aviso legal | Política de privacidad | Contacto
            © EFE 2024
            """))
    }

    /// A sports report told in one-line paragraphs, some a single word.
    @Test func shortOneLineParagraphs() {
        check(ScrapedPage(
            title: "Nine seconds: the fastest goal this ground has ever seen",
            story: [
                "It was over in nine seconds.",
                "Nine.",
                "The home fans were still finding their seats when the ball hit the net.",
                "Kick-off, a long ball forward, a flick, a shot.",
                "\"I didn't even see it,\" said the home goalkeeper afterwards. \"I heard it.\"",
                "Goal.",
                "The visitors went on to win 3-0 and climb to fourth in the table.",
                "Asked whether the move had been practised, their manager smiled.",
                "He declined to comment.",
                "Follow the money, she said.",
                "The club's owner, asked about the striker's new contract, had put it more bluntly a week earlier.",
            ],
            furniture: [
                "Sport | Football | Premier League", "Sam Okafor", "Sunday 10 March 2024, 6:05pm", "Updated 3 hours ago",
                "Sam Okafor is the Gazette's chief football writer.", "Follow live: Premier League scores and updates", "Back to top",
            ],
            text: """
            Sport | Football | Premier League
            Nine seconds: the fastest goal this ground has ever seen
            Sam Okafor
            Sunday 10 March 2024, 6:05pm
            Updated 3 hours ago
            It was over in nine seconds.
            Nine.
            The home fans were still finding their seats when the ball hit the net.
            Kick-off, a long ball forward, a flick, a shot.
            "I didn't even see it," said the home goalkeeper afterwards. "I heard it."
            Goal.
            The visitors went on to win 3-0 and climb to fourth in the table.
            Asked whether the move had been practised, their manager smiled.
            He declined to comment.
            Follow the money, she said.
            The club's owner, asked about the striker's new contract, had put it more bluntly a week earlier.
            Sam Okafor is the Gazette's chief football writer.
            Follow live: Premier League scores and updates
            Back to top
            """))
    }

    /// An opinion piece ending in the author's bio, a republishing note, a reader appeal and a
    /// correction. The story talks about cookies and subscriptions in plain prose. The correction
    /// goes: it is a note about the article, which a reader of the story text does not need.
    @Test func longAuthorBioAtTheEnd() {
        check(ScrapedPage(
            title: "The quiet collapse of home insurance in wildfire country",
            story: [
                "In the foothills east of Sacramento, the letters arrive in late summer. They are polite, they are short, and they end a policy that some families have held for thirty years.",
                "Seven of the twelve largest insurers in the state have stopped writing new policies or have limited them since 2022, according to state filings.",
                "Those who remain charge premiums that have doubled or tripled. A retired teacher in Grass Valley showed me a renewal notice for $11,400 a year.",
                "Tech companies were fined last year for placing tracking cookies on users' devices without consent, and regulators said insurers had bought some of that data to price risk.",
                "Residents who subscribe to the county's free fire alerts get a discount from one insurer, the county said.",
                "The state's insurer of last resort, the FAIR Plan, now covers more than 400,000 homes. It was never designed for that.",
                "What would help? Clearing brush, hardening roofs, and rules that let insurers price risk honestly, say most of the people I spoke to.",
                "Short Answers Will Not Do.",
                "Until then, the letters will keep coming.",
            ],
            furniture: [
                "Opinion", "By Dana Whitfield", "March 4, 2024", "5 min read",
                "Dana Whitfield is a staff writer covering climate, energy and the economy of the American West.",
                "This article was originally published by Inside Climate News and is republished here with permission.",
                "Our journalism relies on readers like you. If you value independent reporting on climate, please consider making a donation today.",
                "Correction, March 5, 2024: An earlier version of this article misstated the number of homes covered by the FAIR Plan.",
                "Donate now", "More by Dana Whitfield",
            ],
            either: ["Rising premiums are pushing homeowners out of the foothills, and the state has few good options"],
            text: """
            Opinion
            Climate

            The quiet collapse of home insurance in wildfire country

            Rising premiums are pushing homeowners out of the foothills, and the state has few good options

            By Dana Whitfield
            March 4, 2024
            5 min read

            In the foothills east of Sacramento, the letters arrive in late summer. They are polite, they are short, and they end a policy that some families have held for thirty years.

            Seven of the twelve largest insurers in the state have stopped writing new policies or have limited them since 2022, according to state filings.

            Those who remain charge premiums that have doubled or tripled. A retired teacher in Grass Valley showed me a renewal notice for $11,400 a year.

            Tech companies were fined last year for placing tracking cookies on users' devices without consent, and regulators said insurers had bought some of that data to price risk.

            Residents who subscribe to the county's free fire alerts get a discount from one insurer, the county said.

            The state's insurer of last resort, the FAIR Plan, now covers more than 400,000 homes. It was never designed for that.

            What would help? Clearing brush, hardening roofs, and rules that let insurers price risk honestly, say most of the people I spoke to.

            Short Answers Will Not Do.

            Until then, the letters will keep coming.

            Dana Whitfield is a staff writer covering climate, energy and the economy of the American West. Before joining the Sentinel in 2019, she reported for public radio stations in Nevada and Oregon. She lives in Sacramento with her partner and two very old cats.

            This article was originally published by Inside Climate News and is republished here with permission.

            Our journalism relies on readers like you. If you value independent reporting on climate, please consider making a donation today.

            Correction, March 5, 2024: An earlier version of this article misstated the number of homes covered by the FAIR Plan.

            Donate now

            More by Dana Whitfield
            """))
    }

    /// A live page: entry times and share links between the entries, a JavaScript notice, a
    /// bulleted summary that is story.
    @Test func liveBlog() {
        check(ScrapedPage(
            title: "Ukraine war live: Kyiv says air defences downed 30 drones overnight",
            story: [
                "Air defences shot down 30 of 34 drones launched overnight, Ukraine's air force said.",
                "Debris fell on a residential building in the Kyiv region, injuring two people, the regional governor said.",
                "The Kremlin said there were no plans for talks with Kyiv \"at this stage\".",
                "Spokesperson Dmitry Peskov told reporters that Moscow's conditions had not changed.",
                "Welcome to our live coverage. Here is what you need to know this morning:",
                "- Ukraine says it downed 30 drones overnight.",
                "- Two people were hurt by falling debris near Kyiv.",
                "- EU ministers meet on Wednesday to discuss new sanctions.",
            ],
            furniture: [
                "Live", "Updated 3 hours ago", "Key events", "Show key events only",
                "Please turn on JavaScript in your browser to see this live blog properly.", "08:54 GMT", "08:21 GMT", "07:45 GMT",
                "Updated at 09.02 GMT",
            ],
            either: ["Kremlin says no talks planned"],
            text: """
            Live
            Ukraine war live: Kyiv says air defences downed 30 drones overnight
            Updated 3 hours ago
            Key events
            Show key events only
            Please turn on JavaScript in your browser to see this live blog properly.
            08:54 GMT
            Air defences shot down 30 of 34 drones launched overnight, Ukraine's air force said.
            Debris fell on a residential building in the Kyiv region, injuring two people, the regional governor said.
            Share
            08:21 GMT
            Kremlin says no talks planned
            The Kremlin said there were no plans for talks with Kyiv "at this stage".
            Spokesperson Dmitry Peskov told reporters that Moscow's conditions had not changed.
            Share
            07:45 GMT
            Welcome to our live coverage. Here is what you need to know this morning:
            - Ukraine says it downed 30 drones overnight.
            - Two people were hurt by falling debris near Kyiv.
            - EU ministers meet on Wednesday to discuss new sanctions.
            Share
            Updated at 09.02 GMT
            """))
    }

    /// Lists that are story: a shortlist of title-case book titles and a list of demands, both
    /// introduced by a line ending in a colon, and a title-case slogan.
    @Test func titleCaseListsThatAreStory() {
        check(ScrapedPage(
            title: "Shortlist for first-novel prize announced",
            story: [
                "Six debut novels have been shortlisted for this year's Harwood Prize for first fiction, the judges announced on Tuesday.",
                "The shortlist is:",
                "The Glass Orchard by Mina Patel",
                "Small Hours by Tomas Reyes",
                "A History of Rain by Ola Berg",
                "Salt Road by Jonah Kessler",
                "Night Ferry by Aisling Dunne",
                "What the River Knew by Grace Obi",
                "The chair of the judges said the books \"share a restlessness about home\".",
                "Booksellers also published the demands they will put to the government before the budget:",
                "Cut Business Rates For High Street Shops",
                "A Levy On Online Retailers",
                "Free Books For Every Child Under Five",
                "One placard outside the Treasury read simply:",
                "Books Are Not A Luxury.",
                "The winner will be announced in June.",
            ],
            furniture: [
                "Culture", "By Priya Raman", "2 min read", "Tags: Books, Fiction, Prizes", "Related articles",
                "Bookshop numbers rise for third year", "Share on Facebook", "Share on X",
            ],
            text: """
            Culture
            Shortlist for first-novel prize announced
            By Priya Raman
            2 min read
            Six debut novels have been shortlisted for this year's Harwood Prize for first fiction, the judges announced on Tuesday.
            The shortlist is:
            The Glass Orchard by Mina Patel
            Small Hours by Tomas Reyes
            A History of Rain by Ola Berg
            Salt Road by Jonah Kessler
            Night Ferry by Aisling Dunne
            What the River Knew by Grace Obi
            The chair of the judges said the books "share a restlessness about home".
            Booksellers also published the demands they will put to the government before the budget:
            Cut Business Rates For High Street Shops
            A Levy On Online Retailers
            Free Books For Every Child Under Five
            One placard outside the Treasury read simply:
            Books Are Not A Luxury.
            The winner will be announced in June.
            Tags: Books, Fiction, Prizes
            Share on Facebook
            Share on X
            Related articles
            Bookshop numbers rise for third year
            Independent publishers report record sales
            """))
    }

    /// Furniture in mid-story: "continues below" ad breaks, a trending box with the story
    /// resuming after it, and a pager.
    @Test func trendingBoxInMidStory() {
        check(ScrapedPage(
            title: "Harbour ferry fares to rise by a fifth from April",
            story: [
                "Fares on the harbour ferry will rise by about 20 percent from April, the operator said on Friday, blaming fuel costs and a new crew agreement.",
                "A single adult ticket will go from £3.20 to £3.85. Season tickets will rise by less, the company said.",
                "Commuters who use the ferry every day said they had expected an increase but not one this large.",
                "\"It's the only sensible way into town from here,\" said Rosa Lindqvist, who crosses twice a day.",
                "The operator said it would review the fares again in the autumn.",
                "Councillors will question its managing director at a meeting next month.",
            ],
            furniture: [
                "Story continues below advertisement", "Trending Now", "Coastguard rescues two walkers cut off by tide",
                "Article continues below", "Next page", "Loading comments…",
            ],
            text: """
            Harbour ferry fares to rise by a fifth from April

            Fares on the harbour ferry will rise by about 20 percent from April, the operator said on Friday, blaming fuel costs and a new crew agreement.

            A single adult ticket will go from £3.20 to £3.85. Season tickets will rise by less, the company said.

            Story continues below advertisement

            Commuters who use the ferry every day said they had expected an increase but not one this large.

            "It's the only sensible way into town from here," said Rosa Lindqvist, who crosses twice a day.

            Trending Now

            Coastguard rescues two walkers cut off by tide
            New bakery opens on the quay
            Marathon road closures announced

            Article continues below

            The operator said it would review the fares again in the autumn.

            Councillors will question its managing director at a meeting next month.

            Next page

            Loading comments…
            """))
    }
    /// A big site's page with widgets between every few paragraphs: login wall, agency photo
    /// credits, a pager, gallery counters, and short story sentences that must survive them.
    @Test func widgetsBetweenParagraphs() {
        check(ScrapedPage(
            title: "Power restored to most of Kharkiv after overnight strikes",
            story: [
                "KHARKIV, Ukraine — Power was restored to most of Kharkiv on Tuesday after overnight missile strikes hit two substations, the city's mayor said.",
                "No one was injured.",
                "About 40,000 homes were still without electricity by the evening, according to the regional energy company.",
                "Repair crews worked through the night in temperatures well below freezing.",
                "\"We have done this before and we will do it again,\" one engineer said.",
                "Sign-up sheets for volunteers were posted outside the town hall, and more than 300 people had put their names down by noon, officials said.",
                "The cause of a second blast, in an industrial area, is under investigation.",
            ],
            furniture: [
                "Listen to this article", "Published 10:32 GMT, 4 March 2024", "Already a subscriber? Log in",
                "A firefighter works at the scene of a strike in Kharkiv on Tuesday. REUTERS/Vyacheslav Madiyevskyy",
                "Workers repair a power line near the city. (AP Photo/Andrii Marienko)", "Image 1 of 5", "Continue reading the main story",
                "Create a free account to keep reading", "Sponsored content", "Copy link", "1 2 3 Next »", "View comments",
            ],
            text: """
            World
            Europe
            Ukraine
            Power restored to most of Kharkiv after overnight strikes
            Listen to this article
            Published 10:32 GMT, 4 March 2024
            Already a subscriber? Log in
            KHARKIV, Ukraine — Power was restored to most of Kharkiv on Tuesday after overnight missile strikes hit two substations, the city's mayor said.
            No one was injured.
            A firefighter works at the scene of a strike in Kharkiv on Tuesday. REUTERS/Vyacheslav Madiyevskyy
            Image 1 of 5
            About 40,000 homes were still without electricity by the evening, according to the regional energy company.
            Continue reading the main story
            Repair crews worked through the night in temperatures well below freezing.
            Workers repair a power line near the city. (AP Photo/Andrii Marienko)
            "We have done this before and we will do it again," one engineer said.
            Create a free account to keep reading
            Sign-up sheets for volunteers were posted outside the town hall, and more than 300 people had put their names down by noon, officials said.
            Sponsored content
            The cause of a second blast, in an industrial area, is under investigation.
            Copy link
            1 2 3 Next »
            View comments
            """))
    }
}

/// Single lines between two story paragraphs, where position says nothing: the line's own
/// shape and words must decide.
@Suite struct CleanerLineTests {
    static let lead = "The storm reached the coast on Monday night, flooding more than 400 homes and cutting power to large parts of the town, officials said."
    static let follow = "Emergency crews worked through the night to pump water out of the worst-hit streets, the fire service said in a statement."

    func parse(_ lines: [String], tail: [String] = []) -> Article {
        let page = ["Storm floods hundreds of homes on the coast", Self.lead] + lines.flatMap { [$0, Self.follow] } + tail
        return DateFixtures.parse(page.joined(separator: "\n") + "\n")
    }

    @Test func furnitureBetweenStoryParagraphs() {
        let lines = [
            "Share via Email",
            "Scroll to continue with content",
            "Read 123 comments",
            "Jane Doe does not work for, consult, own shares in or receive funding from any company or organisation that would benefit from this article, and has disclosed no relevant affiliations beyond their academic appointment.",
            "Sign up for our morning briefing.",
            "Get our free daily newsletter.",
            "Recommended",
            "Watch: Drone footage shows the scale of the flooding",
            "WATCH: Residents describe the moment the storm hit",
            "Video: Flood waters rise in the town centre",
            "Follow us on Instagram",
            "Click here to subscribe.",
            "This content is not available in your region",
            "We're sorry, this feature is currently unavailable.",
            "Loading...",
            "Report an error",
            "Send us your feedback",
            "Did you find this article useful?",
            "Thank you for reading.",
            "Opens in new window",
            "Open in app",
            "Your browser does not support the video tag.",
            "Terms of Service",
            "Privacy Notice",
            "Enable notifications",
            "(Source: Reuters)",
            "File photo: Police officers at the scene.",
            "Pictured: The house where the fire started",
            "Topics: Flooding, Weather",
            "Filed under: Politics",
            "Posted in News",
            "Last modified on Tue 5 Mar 2024 09.10 GMT",
            "First published on Mon 4 Mar 2024 18.00 GMT",
            "Updated March 4, 2024 at 6:32 p.m. ET",
            "By Jane Doe, Reuters",
            "By Jane Doe and John Roe",
            "Reporting by Jane Doe in London; Editing by John Roe",
            "© Copyright 2024 Daily Herald",
            "Originally published as Flood waters rise in the town centre",
            "Share this with",
            "Facebook",
            "Messenger",
            "Published: 3 hours ago",
            "Mon 4 Mar 2024 18.00 GMT",
            "3h ago",
            "Just now",
            "RELATED: 5 things to know about the new tax rules",
            "Get the news you need to start your day",
            "Last updated: 12 minutes ago",
            "Share page",
            "About sharing",
            "Image source, Getty Images",
            "Image caption, Residents wade through the water on Monday",
            "Related Topics",
            "More on this story",
            "Top Stories",
            "Features",
            "Elsewhere in the news",
            "Sign in to read the full article",
            "Subscribe for £1 a week",
            "Advertisement - Scroll to continue",
            "Get unlimited access to our journalism for just £1 a month.",
            "Support our journalism. Become a subscriber today.",
            "You have read 3 of 5 free articles this month.",
            "Follow The Herald on Twitter: @herald",
            "Tap here to add us to your home screen",
            "Download the app",
            "This story has been shared 1,204 times.",
            "Want more stories like this? Sign up to our newsletter.",
        ]
        // Comment boxes close the page: nothing after them is story.
        let tail = ["Comments are closed.", "Leave a comment", "Have your say", "Join the debate", "Great reporting, thank you."]
        let a = parse(lines, tail: tail)
        let kept = a.paragraphs.map(\.text)
        #expect(kept.filter { lines.contains($0) || tail.contains($0) } == [])
        #expect(kept == [Self.lead] + Array(repeating: Self.follow, count: lines.count))
    }

    @Test func storySentencesShapedLikeFurniture() {
        let lines = [
            "No one was injured.",
            "Share prices fell 3 percent on Tuesday.",
            "Police are appealing for witnesses.",
            "Nobody answered the door.",
            "\"Absolutely not,\" she said.",
            "He declined to comment.",
            "The vote is on Thursday.",
            "Read the full judgment here, the court said in a statement.",
            "Watch out for the second half, the coach warned.",
            "Sign language interpreters will attend every session.",
            "More than 200 people attended.",
            "Follow-up tests found no trace of the chemical.",
            "The download figures were released on Monday.",
            "Subscribers to the water company's alerts were warned on Sunday, the company said.",
            "The app has been downloaded two million times.",
            "Email records show the minister was told in January.",
            "Comments made by the minister on Tuesday drew criticism.",
            "Photo identification will be required at polling stations from May.",
            "The report, published on Monday, found 12 errors.",
            "Updated figures are expected next week.",
            "By then it was too late.",
            "By noon, the road had reopened.",
            "Copyright lawyers said the case could take years.",
            "Why?",
            "Then the lights went out.",
            "It did not.",
            "Privacy campaigners said the plan went too far.",
            "Tags on the stolen bikes were removed.",
            "Home Secretary James Cleverly said the law would change.",
            "Related charges were dropped in 2019.",
            "Advertising revenue fell by a third, the company said.",
            "The Reuters report could not be independently verified.",
            "Reuters could not immediately reach the company for comment.",
            "Jane Doe is a nurse at the hospital, where she has worked for 20 years.",
            "Top officials met on Monday.",
            "Trending upward, prices rose again in March.",
        ]
        let a = parse(lines)
        #expect(lines.filter { !a.paragraphs.map(\.text).contains($0) } == [])
        #expect(a.paragraphs.count == 1 + 2 * lines.count)
    }
}
