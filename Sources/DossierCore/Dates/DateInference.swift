/// Dates articles that give none of their own from other articles about the same event.
public enum DateInference {
    public static func infer(_ articles: inout [Article]) {}
}
