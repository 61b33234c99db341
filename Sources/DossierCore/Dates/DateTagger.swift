/// Finds date expressions in the story and resolves them against the article's date.
public enum DateTagger {
    public static func events(_ paragraphs: [Paragraph], reference: Publication) -> [DateEvent] { [] }
}
