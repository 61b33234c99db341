/// Finds quotes in different articles that are the same statement.
public enum StatementLinker {
    public static func links(_ articles: [Article]) -> [StatementLink] { [] }
}
