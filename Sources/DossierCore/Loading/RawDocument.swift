/// One article as read from disk, before any parsing.
public struct RawDocument: Sendable, Hashable {
    /// File name relative to the corpus root, or a JSONL record's id.
    public var id: String
    public var path: String
    /// The decoded source text; offsets everywhere index its Unicode scalars.
    public var text: String
    /// A title given by the container (JSONL `title`, front matter), not guessed from the text.
    public var title: String?
    /// A date given by the container (JSONL `published`, front matter `date:`).
    public var published: String?
    /// `url`, `source`, `encoding` and similar facts about the source.
    public var metadata: [String: String]
    /// Scalar offset where the story starts (after a front matter block or a `date` header line).
    public var bodyStart: Int
    public init(id: String, path: String, text: String, title: String? = nil, published: String? = nil,
                metadata: [String: String] = [:], bodyStart: Int = 0) {
        self.id = id; self.path = path; self.text = text; self.title = title; self.published = published
        self.metadata = metadata; self.bodyStart = bodyStart
    }
}
