/// Decides when an article ran from what the article itself says.
public enum PublicationDating {
    public static func date(doc: RawDocument, clean: CleanText) -> Publication {
        if let given = doc.published, let d = PartialDate(iso: given) {
            let source = doc.metadata["header"] != nil ? "the header line '\(doc.metadata["header"]!)'" : "the published field '\(given)'"
            return Publication(date: d, evidence: "\(source) at the top of the file")
        }
        return .unknown
    }
}
