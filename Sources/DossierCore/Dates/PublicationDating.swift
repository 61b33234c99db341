/// Decides when an article ran from what the article itself says.
public enum PublicationDating {
    public static func date(given: String?, header: String?) -> Publication {
        if let given, let d = PartialDate(iso: given) {
            let source = header != nil ? "the header line '\(header!)'" : "the published field '\(given)'"
            return Publication(date: d, evidence: "\(source) at the top of the file")
        }
        return .unknown
    }
}
