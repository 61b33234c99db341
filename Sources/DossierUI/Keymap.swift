/// Which key does what: plain data, so the help overlay is generated from it and can never
/// disagree with the bindings.
public struct Keymap: Sendable {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var action: Action
        public var help: String
    }
    public var bindings: [Binding]

    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// Defaults in the habits of less, tig and mutt.
    public static let standard = Keymap(bindings: [
        Binding(keys: [.char("j"), .down], action: .moveDown, help: "move down"),
        Binding(keys: [.char("k"), .up], action: .moveUp, help: "move up"),
        Binding(keys: [.char(" "), .pageDown, .ctrl("f")], action: .pageDown, help: "page down"),
        Binding(keys: [.char("b"), .pageUp, .ctrl("b")], action: .pageUp, help: "page up"),
        Binding(keys: [.char("g"), .home], action: .top, help: "go to top"),
        Binding(keys: [.char("G"), .end], action: .bottom, help: "go to bottom"),
        Binding(keys: [.tab, .right, .char("l")], action: .nextPane, help: "next pane"),
        Binding(keys: [.backTab, .left, .char("h")], action: .previousPane, help: "previous pane"),
        Binding(keys: [.char("1")], action: .focus(.timeline), help: "timeline pane"),
        Binding(keys: [.char("2")], action: .focus(.article), help: "article pane"),
        Binding(keys: [.char("3")], action: .focus(.quotes), help: "quote pane"),
        Binding(keys: [.enter], action: .open, help: "open the selected item"),
        Binding(keys: [.char("/")], action: .startSearch, help: "search (incremental)"),
        Binding(keys: [.char("n")], action: .nextMatch, help: "next match"),
        Binding(keys: [.char("N")], action: .previousMatch, help: "previous match"),
        Binding(keys: [.char("f")], action: .startFilter, help: "filter (speaker: date: file:)"),
        Binding(keys: [.char("]")], action: .nextSameSpeaker, help: "next quote, same speaker"),
        Binding(keys: [.char("[")], action: .previousSameSpeaker, help: "previous quote, same speaker"),
        Binding(keys: [.char("s")], action: .speakerList, help: "speaker list"),
        Binding(keys: [.char("e")], action: .toggleEvents, help: "show events in the timeline"),
        Binding(keys: [.char("m")], action: .bookmark, help: "bookmark the article"),
        Binding(keys: [.char("*")], action: .star, help: "star the selected quote"),
        Binding(keys: [.char("'")], action: .showMarks, help: "bookmarks and starred quotes"),
        Binding(keys: [.char("i")], action: .showDetails, help: "details: date evidence, metadata"),
        Binding(keys: [.char("F")], action: .toggleFurniture, help: "show dropped page furniture"),
        Binding(keys: [.escape], action: .cancel, help: "close overlay / clear search"),
        Binding(keys: [.char("?"), .function(1)], action: .toggleHelp, help: "this help"),
        Binding(keys: [.char("q")], action: .quit, help: "quit (closes an overlay first)"),
    ])
}
