/// Expected screens for SnapshotTests (trailing spaces trimmed).
enum Snapshots {
    /// 80x24, stacked panes, second article, second quote selected in the quote pane.
    static let stacked80x24 = """
 1 Timeline · 3 articles
┃2022-11~   The Lisbon summit closed with a pledge on gas storage.
┃2022-11-29 Leaders meet in Lisbon
 ?          Café owners in São Paulo count the cost


 2 Article · a.txt · 100%
 Leaders meet in Lisbon
 2022-11-29 · a.txt

 Ministers met in Lisbon on Tuesday to discuss energy.

 “We will not back down,” Ana Costa said. “Winter is coming and we are ready.”

 Costa added that the grid would hold, according to officials.


 3 Quotes · 3 · 2/3
 Ana Costa
   “We will not back down,”

 Ana Costa
   “Winter is coming and we are ready.”
 Dossier · 3 articles │ 2/3 2022-11-29                            ?:help q:quit
"""

    /// 160x45, side by side, first article (inferred date, grouped story), second quote selected.
    static let sideBySide160x45 = """
 1 Timeline · 3 articles                     2 Article · b.txt · 100%                                                 3 Quotes · 3 · 2/3
┃2022-11~   The Lisbon summit closed with a…│ 2022-11 (inferred) · b.txt                                             │ Pedro Alves (partial)
┃2022-11-29 Leaders meet in Lisbon          │                                                                        │   “a fragile start”
 ?          Café owners in São Paulo count …│ The Lisbon summit closed with a pledge on gas storage.                 │
                                            │                                                                        │ Pedro Alves
                                            │ Pedro Alves called the deal “a fragile start” and said more work was   │   “Storage is not supply,”
                                            │ needed.                                                                │
                                            │                                                                        │ Ana Costa
                                            │ “Storage is not supply,” Alves said. Costa said: “Supply follows       │   “Supply follows storage.”
                                            │ storage.”                                                              │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
                                            │                                                                        │
 Dossier · 3 articles │ 1/3 2022-11~ │ date: same summit as a.txt                                                                                 ?:help q:quit
"""
}
