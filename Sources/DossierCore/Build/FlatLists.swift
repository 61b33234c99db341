/// Many short lists kept in two arrays, the elements back to back and where each list ends:
/// two allocations for all of them instead of one a list. A corpus-wide stage keeps a few
/// lists for every article (names, word pairs, quote terms), and at 100,000 articles the
/// headers and spare capacity of separate arrays cost more than their contents.
struct FlatLists<Element: Sendable>: Sendable {
    private(set) var values: [Element] = []
    private var ends: [UInt32] = []

    init() {}

    var count: Int { ends.count }

    mutating func append<S: Sequence>(_ list: S) where S.Element == Element {
        values.append(contentsOf: list)
        ends.append(UInt32(values.count))
    }

    /// Where list `i` lies in `values`.
    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i]) }

    subscript(i: Int) -> ArraySlice<Element> { values[range(i)] }
}
