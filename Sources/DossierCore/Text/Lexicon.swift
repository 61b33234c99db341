/// A closed list of words (titles, stop words, month names) that the parser asks about every
/// token of every article. `Set<String>` would hash each query through SipHash and compare
/// Strings; here a plain ASCII word of up to 23 bytes is packed into three integers, which are
/// both its hash key and its comparison. Other queries (accents, long words) go to the set.
struct Lexicon: Sendable, Sequence, ExpressibleByArrayLiteral {
    /// All the words, for other queries and for iteration.
    let words: Set<String>
    private let table: PackedTable

    init(_ words: some Sequence<String>) {
        self.words = Set(words)
        table = PackedTable(Array(self.words))
    }

    init(arrayLiteral words: String...) { self.init(words) }

    func contains(_ word: String) -> Bool {
        if let key = PackedWord(word, lowercasing: false) { return table.index(of: key) != nil }
        return words.contains(word)
    }

    /// Whether the word in lowercase is listed (`contains(word.lowercased())`, without the copy).
    func contains(lowercasing word: String) -> Bool {
        if let key = PackedWord(word, lowercasing: true) { return table.index(of: key) != nil }
        return words.contains(word.lowercased())
    }

    /// `contains(lowercasing:)` for a word given as bytes.
    func contains(lowercasing bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let key = PackedWord(bytes: bytes, lowercasing: true) { return table.index(of: key) != nil }
        return words.contains(String(decoding: bytes, as: UTF8.self).lowercased())
    }

    func makeIterator() -> Set<String>.Iterator { words.makeIterator() }
    var count: Int { words.count }
}

/// Words with a value each (a month's number, a verb's lemma), looked up as `Lexicon` does.
struct LexiconMap<Value: Sendable>: Sendable {
    let dictionary: [String: Value]
    private let table: PackedTable
    private let values: [Value]

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        let keys = Array(dictionary.keys)
        table = PackedTable(keys)
        values = keys.map { dictionary[$0]! }
    }

    subscript(_ word: String) -> Value? {
        if let key = PackedWord(word, lowercasing: false) { return table.index(of: key).map { values[$0] } }
        return dictionary[word]
    }

    /// The value of the word in lowercase (`self[word.lowercased()]`, without the copy).
    subscript(lowercasing word: String) -> Value? {
        if let key = PackedWord(word, lowercasing: true) { return table.index(of: key).map { values[$0] } }
        return dictionary[word.lowercased()]
    }

    var keys: Dictionary<String, Value>.Keys { dictionary.keys }
}

/// A non-empty ASCII word of at most 23 bytes, packed with its length: equal keys are equal words.
struct PackedWord: Equatable {
    var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0

    /// Nil for the empty word, a longer one, or one with a byte outside ASCII. The bytes are
    /// copied in whole and tested and lowercased eight at a time.
    @inline(__always)
    init?(_ word: String, lowercasing: Bool) {
        guard let key = word.utf8.withContiguousStorageIfAvailable({ PackedWord(bytes: $0, lowercasing: lowercasing) }) ?? nil else { return nil }
        self = key
    }

    @inline(__always)
    init?(bytes buf: UnsafeBufferPointer<UInt8>, lowercasing: Bool) {
        let n = buf.count
        guard n <= 23 else { return nil }
        var key: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &key) { $0.copyMemory(from: UnsafeRawBufferPointer(buf)) }
        let high: UInt64 = 0x8080_8080_8080_8080
        guard n > 0, (key.0 | key.1 | key.2) & high == 0 else { return nil }
        if lowercasing {
            // Per byte, 0x80 where it is A–Z (no byte is above 0x7F, so no sum carries over).
            func lower(_ x: UInt64) -> UInt64 {
                let upper = (x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525) & high
                return x | upper >> 2
            }
            key = (lower(key.0), lower(key.1), lower(key.2))
        }
        // Packed little-endian: byte i is in word i / 8; the length takes the last byte.
        a = UInt64(littleEndian: key.0); b = UInt64(littleEndian: key.1); c = UInt64(littleEndian: key.2) | UInt64(n) << 56
    }

    var hash: Int {
        var h = a &* 0x9E37_79B9_7F4A_7C15 ^ b &* 0xC2B2_AE3D_27D4_EB4F ^ c &* 0x1656_67B1_9E37_79F9
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }
}

/// Open addressing over the packable words; `index` is the word's place in the list given.
private struct PackedTable: Sendable {
    struct Slot: Sendable {
        var key: (UInt64, UInt64, UInt64)
        var index: Int32
    }
    let slots: [Slot]
    let mask: Int

    init(_ words: [String]) {
        var size = 8
        while size < words.count * 2 { size *= 2 }
        var slots = Array(repeating: Slot(key: (0, 0, 0), index: -1), count: size)
        for (i, w) in words.enumerated() {
            guard let key = PackedWord(w, lowercasing: false) else { continue }
            var k = key.hash & (size - 1)
            while slots[k].index >= 0 { k = (k + 1) & (size - 1) }
            slots[k] = Slot(key: (key.a, key.b, key.c), index: Int32(i))
        }
        self.slots = slots
        mask = size - 1
    }

    @inline(__always)
    func index(of key: PackedWord) -> Int? {
        var k = key.hash & mask
        while true {
            let s = slots[k]
            if s.index < 0 { return nil }
            if s.key.0 == key.a && s.key.1 == key.b && s.key.2 == key.c { return Int(s.index) }
            k = (k + 1) & mask
        }
    }
}
