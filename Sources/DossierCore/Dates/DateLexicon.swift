/// Month and weekday names, number words and the small closed word classes date rules need.
public enum DateLexicon {
    /// English month names and their abbreviations.
    public static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (i, name) in full.enumerated() { m[name] = i + 1; m[String(name.prefix(3))] = i + 1 }
        m["sept"] = 9
        return m
    }()

    /// English weekday names and abbreviations, 1 = Monday … 7 = Sunday.
    public static let weekdays: [String: Int] = {
        var w: [String: Int] = [:]
        let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (i, name) in full.enumerated() { w[name] = i + 1 }
        for (k, v) in ["mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7] { w[k] = v }
        return w
    }()

    /// `months`, `weekdays` and `numberWords` for lookups of every token.
    static let monthTable = LexiconMap(months)
    static let weekdayTable = LexiconMap(weekdays)
    static let numberTable = LexiconMap(numberWords)

    /// Month names of the languages page-capture stamps come in (lowercase, without accents
    /// folded: both spellings are listed where pages commonly drop them).
    public static let foreignMonths: [String: Int] = {
        let lists: [[String]] = [
            // French
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            // German
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            // Spanish
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            // Italian
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            // Portuguese
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            // Romanian
            ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"],
        ]
        var m: [String: Int] = [:]
        for list in lists { for (i, name) in list.enumerated() { m[name] = i + 1; m[folded(name)] = i + 1 } }
        m["marz"] = 3; m["maerz"] = 3; m["setiembre"] = 9
        return m
    }()

    /// Weekday names of the same languages, 1 = Monday … 7 = Sunday.
    public static let foreignWeekdays: [String: Int] = {
        let lists: [[String]] = [
            ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
            ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"],
            ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
            ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
            ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
            ["luni", "marți", "miercuri", "joi", "vineri", "sâmbătă", "duminică"],
        ]
        var w: [String: Int] = [:]
        for list in lists { for (i, name) in list.enumerated() { w[name] = i + 1; w[folded(name)] = i + 1 } }
        for (k, v) in ["segunda": 1, "terça": 2, "terca": 2, "quarta": 3, "quinta": 4, "sexta": 5, "sonnabend": 6, "marţi": 2] { w[k] = v }
        return w
    }()

    /// Small cardinal numbers written as words ("eleven months ago").
    public static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    ]

    /// Words that make a number approximate ("nearly 11 months ago").
    public static let approximators: Set<String> = ["nearly", "almost", "about", "around", "roughly", "some", "over", "approximately", "just", "barely", "only"]

    /// Words that make a weekday into the name of a day of the year or of history ("Good
    /// Friday", "Black Monday", "Super Tuesday"), which is no day near the story.
    public static let namedDayModifiers: Set<String> = [
        "black", "good", "holy", "easter", "palm", "ash", "maundy", "cyber", "super", "bloody", "shrove", "whit",
        "giving", "fat", "blue", "great", "spy", "low", "trinity", "orthodox", "red", "mad",
    ]

    /// Prepositions and modifiers kept with a bare month or year ("in April", "since 2014").
    public static let leadIns: Set<String> = ["in", "since", "until", "till", "by", "from", "during", "before", "after", "through", "throughout", "early", "late", "mid", "of", "last", "next", "this"]

    /// Strips diacritics: "vineri" stays, "miércoles" → "miercoles".
    public static func folded(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.lowercased().unicodeScalars {
            switch c {
            case "á", "à", "â", "ä", "ã", "ă", "å": out.append("a")
            case "é", "è", "ê", "ë": out.append("e")
            case "í", "ì", "î", "ï": out.append("i")
            case "ó", "ò", "ô", "ö", "õ": out.append("o")
            case "ú", "ù", "û", "ü": out.append("u")
            case "ç": out.append("c")
            case "ș", "ş": out.append("s")
            case "ț", "ţ": out.append("t")
            case "ñ": out.append("n")
            default: out.append(c)
            }
        }
        return String(out)
    }
}
