/// Verbs that introduce speech, in every inflection. A verb's class decides what it may do:
/// attribute a quotation, or also announce a reported clause.
public enum ReportingVerbs {
    public enum Use: Sendable {
        /// Speech acts whose complement is what was said (`said (that) …`, `warned …`).
        case speech
        /// Speech only when a `that` clause follows (`agreed that …`); otherwise an action.
        case thatClause
        /// Attributes a quotation but never announces a reported clause: belief and manner
        /// verbs (`“…,” he believes`, `“…,” she laughed`).
        case quoteOnly
    }

    static let speech = """
        say tell warn insist claim urge note stress emphasise emphasize announce confirm reveal \
        explain state declare argue assert contend admit concede deny mention report suggest propose \
        recommend predict promise pledge vow threaten caution allege complain lament boast reiterate \
        repeat recount tweet testify affirm reaffirm assure reassure advise inform disclose \
        speculate specify underline underscore highlight confess swear proclaim declare announce \
        accuse retort stipulate attest aver opine profess restate brief forecast posit notify concur \
        demand
        """
    static let thatClause = """
        agree decide ask request order instruct acknowledge find show hold guarantee certify \
        determine recognise recognize concur add post write rule reason counter recall indicate \
        signal estimate respond reply answer comment remark conclude clarify elaborate pronounce \
        charge observe maintain hint
        """
    static let quoteOnly = """
        believe think feel hope fear expect worry doubt reckon suspect wonder muse continue begin \
        exclaim shout scream yell whisper murmur mutter cry joke quip laugh sigh snap fume growl \
        thank welcome praise hail criticise criticize condemn denounce apologise apologize challenge \
        question interject chime gush rage rail beg implore appeal inquire enquire rebut refute dispute \
        reject sob plead blast slam describe characterise characterize smile grin shrug
        """

    /// Irregular forms that suffix rules cannot make.
    static let irregular: [String: [String]] = [
        "say": ["said", "says", "saying"], "tell": ["told", "tells", "telling"],
        "write": ["wrote", "written", "writes", "writing"], "swear": ["swore", "sworn", "swears", "swearing"],
        "find": ["found", "finds", "finding"], "hold": ["held", "holds", "holding"],
        "think": ["thought", "thinks", "thinking"], "feel": ["felt", "feels", "feeling"],
        "forecast": ["forecast", "forecasts", "forecasting", "forecasted"],
        "begin": ["began", "begun", "begins", "beginning"], "show": ["showed", "shown", "shows", "showing"],
        "cry": ["cried", "cries", "crying"], "quip": ["quipped", "quips", "quipping"],
        "snap": ["snapped", "snaps", "snapping"], "sob": ["sobbed", "sobs", "sobbing"],
        "slam": ["slammed", "slams", "slamming"], "admit": ["admitted", "admits", "admitting"],
        "rebut": ["rebutted", "rebuts", "rebutting"], "aver": ["averred", "avers", "averring"],
        "underline": ["underlined", "underlines", "underlining"], "rule": ["ruled", "rules", "ruling"],
    ]

    /// Every lemma in the lexicon.
    public static let lemmas: Set<String> = Set((speech + " " + thatClause + " " + quoteOnly).split(separator: " ").map(String.init))

    /// Inflected form → (lemma, use). Speech beats the narrower classes when a lemma is listed twice.
    public static let forms: [String: (lemma: String, use: Use)] = {
        var table: [String: (lemma: String, use: Use)] = [:]
        for (list, use) in [(quoteOnly, Use.quoteOnly), (thatClause, .thatClause), (speech, .speech)] {
            for lemma in list.split(separator: " ").map(String.init) {
                for form in inflections(lemma) { table[form] = (lemma, use) }
            }
        }
        return table
    }()

    /// The lemma and use of a word if it is a reporting verb form.
    public static func lookup(_ word: String) -> (lemma: String, use: Use)? { table[lowercasing: word] }
    static let table = LexiconMap(forms)

    /// Base, third person, past and present participle, by English spelling rules.
    static func inflections(_ lemma: String) -> [String] {
        if let forms = irregular[lemma] { return [lemma] + forms }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        var s = lemma + "s", ed = lemma + "ed", ing = lemma + "ing"
        if lemma.hasSuffix("e") {
            ed = lemma + "d"
            ing = lemma.hasSuffix("ee") ? lemma + "ing" : String(lemma.dropLast()) + "ing"
        } else if lemma.hasSuffix("y"), let before = lemma.dropLast().last, !vowels.contains(before) {
            let stem = String(lemma.dropLast())
            s = stem + "ies"; ed = stem + "ied"
        } else if ["s", "x", "z", "ch", "sh"].contains(where: { lemma.hasSuffix($0) }) {
            s = lemma + "es"
        }
        return [lemma, s, ed, ing]
    }
}
