/// Builds the corpus-wide speaker list from the attributed quotes.
public enum SpeakerIndex {
    public static func speakers(of articles: [Article]) -> [Speaker] {
        var byName: [String: Speaker] = [:]
        for article in articles {
            for q in article.quotes {
                guard let name = q.speaker else { continue }
                var sp = byName[name] ?? Speaker(name: name, aliases: [name])
                if q.kind == .reported { sp.reported += 1 } else { sp.quotes += 1 }
                byName[name] = sp
            }
        }
        return byName.values.sorted { ($0.quotes + $0.reported, $1.name) > ($1.quotes + $1.reported, $0.name) }
    }
}
