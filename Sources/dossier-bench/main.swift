import DossierCore
import DossierUI
import Foundation

// Scale benchmark: parse rate, search latency, key-to-frame, memory, cache start and one-shot
// search against ripgrep, on Reuters-21578 repeated to 1,000 … 100,000 (or 1,000,000) articles.
//
//   swift build -c release && swift run -c release dossier-bench [--sizes 1000,10000,100000] [--million]

let args = Array(CommandLine.arguments.dropFirst())

// Child mode: load a corpus through a cache folder, print seconds, peak RSS and whether the
// snapshot served it. Run as a separate process so that memory is measured per corpus.
HeapTuning.apply()
if args.first == "--child-load", args.count == 3 {
    let t0 = now()
    let (corpus, report) = CorpusCache(directory: args[2]).load(paths: [args[1]], key: args[1])
    let t = now() - t0
    print(t, peakRSS(), report.fromSnapshot, corpus.articles.count, corpus.searchIndex?.byteSize ?? 0)
    exit(0)
}

/// `--reader DIR`: the real reader's start on DIR (first frame, fully indexed) with the cache
/// in $XDG_CACHE_HOME, for a quick look without the whole benchmark.
if args.first == "--reader", args.count == 2 {
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dossier").path
    let (first, indexed) = readerStart(exe, dir: args[1], env: [:])
    print(String(format: "first frame %.1f ms, indexed %.1f ms", first, indexed))
    exit(0)
}

var sizes = [1000, 10000, 100000]
if let i = args.firstIndex(of: "--sizes"), i + 1 < args.count {
    sizes = args[i + 1].split(separator: ",").compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }
}
if args.contains("--million") { sizes.append(1_000_000) }

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let source = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/reuters21578.jsonl").path
guard let maker = CorpusMaker(source: source) else {
    FileHandle.standardError.write(Data("dossier-bench: needs \(source)\n".utf8))
    exit(1)
}
let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
let dossier = URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent("dossier").path
let hasDossier = FileManager.default.isExecutableFile(atPath: dossier)
let rg = which("rg")
let work = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: work) }

/// Typed letter by letter in the incremental search.
let typed = ["oil prices", "bundesbank", "\"crude oil\"", "Reagan", "zelensk", "trade deficit"]
/// Run as one-shot searches, by dossier and by ripgrep (single words and phrases mean the same to both).
let oneShot = ["bundesbank", "\"crude oil\"", "opec", "reagan", "yen"]
/// How many hits make a first answer worth showing (a screenful and more).
let firstHitLimit = 1000
/// How long an incremental search scans before it answers; the rest is scanned on later ticks.
let keyBudget = 0.006

struct Row {
    var articles = 0, diskBytes = 0, textBytes = 0
    var read = 0.0, parse = 0.0, build = 0.0, index = 0.0, indexBytes = 0
    var keyP50 = 0.0, keyP99 = 0.0, firstP99 = 0.0, fullP99 = 0.0, busyP99 = 0.0
    var frameP50 = 0.0, frameP99 = 0.0
    var coldLoad = 0.0, coldRSS = 0, warmLoad = 0.0, warmWall = 0.0, warmRSS = 0
    var readerFirstCold = Double.nan, readerIndexedCold = Double.nan, readerFirstWarm = Double.nan, readerIndexedWarm = Double.nan
    var searchWarm: [String: Double] = [:], searchCold: [String: Double] = [:], rgTimes: [String: Double] = [:]
    /// `dossier search -l` without a cache: the files with a match, as `rg -l` lists them.
    var filesCold: [String: Double] = [:]
}

/// Keystroke latencies of incremental searches typed letter by letter: a search run answering
/// within `budget` seconds, or (budget nil) the first `limit` hits.
func keystrokes(_ corpus: Corpus, limit: Int, budget: Double? = nil, rounds: Int = 3) -> [Double] {
    var out: [Double] = []
    for _ in 0..<rounds {
        for q in typed {
            var prefix = ""
            for c in q {
                prefix.append(c)
                let t0 = now()
                if let budget {
                    var run = SearchRun(corpus, SearchQuery(parsing: prefix))
                    run.advance(in: corpus, until: .now() + budget)
                    out.append(now() - t0)
                    continue
                }
                let r = Search.firstHits(in: corpus, SearchQuery(parsing: prefix), limit: limit)
                out.append(now() - t0)
                if ProcessInfo.processInfo.environment["BENCH_SLOW"] != nil, now() - t0 > 0.005 {
                    let c = Search.candidates(corpus.searchIndex!, SearchQuery(parsing: prefix)).count
                    print("slow:", prefix, ms(now() - t0), "candidates", c, "hits", r.hits.count, r.complete)
                }
            }
        }
    }
    return out
}

/// Navigation keys (and same-speaker jumps) through reduce + render at 160x45.
func keyToFrame(_ corpus: Corpus) -> [Double] {
    var state = reduce(ReaderState(corpus: corpus, size: Size(width: 160, height: 45)), .resize(Size(width: 160, height: 45)))
    var keys: [Key] = Array(repeating: .char("j"), count: 60) + Array(repeating: .char("k"), count: 20)
    keys += Array(repeating: .char(" "), count: 20) + Array(repeating: .char("b"), count: 10) + [.char("G"), .char("g")]
    keys += [.char("2")] + Array(repeating: .char("j"), count: 30) + [.char(" "), .char(" "), .char("3")]
    keys += Array(repeating: .char("j"), count: 20) + [.tab, .tab, .char("1")] + Array(repeating: .down, count: 40) + [.end, .home]
    // The first speaker of the speaker list, then the next and previous quote of theirs.
    keys += [.char("s"), .enter] + Array(repeating: .char("]"), count: 15) + Array(repeating: .char("["), count: 5)
    var out: [Double] = []
    for key in keys {
        let t0 = now()
        if let a = action(for: key, in: state) { state = reduce(state, a) }
        let canvas = render(state)
        out.append(now() - t0)
        precondition(canvas.width == 160)
    }
    return out
}

var rows: [Row] = []
for n in sizes {
    var row = Row()
    row.articles = n
    let dir = "\(work)/\(n)"
    row.diskBytes = maker.write(count: n, to: dir)
    FileHandle.standardError.write(Data("dossier-bench: \(n) articles, \(mb(row.diskBytes)) MB\n".utf8))

    // Cold and second start in fresh processes, for memory and wall time.
    let cacheDir = "\(work)/cache-\(n)"
    let cold = run(selfPath, ["--child-load", dir, cacheDir]).output.split(separator: " ")
    let warmRun = run(selfPath, ["--child-load", dir, cacheDir])
    let warm = warmRun.output.split(separator: " ")
    if cold.count >= 2, warm.count >= 3 {
        row.coldLoad = Double(cold[0]) ?? .nan; row.coldRSS = Int(cold[1]) ?? 0
        row.warmLoad = Double(warm[0]) ?? .nan; row.warmRSS = Int(warm[1]) ?? 0
        row.warmWall = warmRun.seconds
        precondition(warm[2] == "true", "second start did not come from the snapshot")
    }

    // Parse rate in this process (both cores), up to 10,000 articles (above, the cold start's
    // rate stands for it). The built corpus then
    // comes from the cache the cold start wrote (building it twice costs minutes at 100,000
    // while the speaker stage grows faster than linearly); the build is timed in-process only
    // up to 10,000 articles.
    if n <= 10_000 {
        var t0 = now()
        var docs = SourceListing(paths: [dir]).files.flatMap { Loader.load(file: $0.path, id: $0.id).documents }
        row.read = now() - t0
        row.textBytes = docs.reduce(0) { $0 + $1.text.utf8.count }
        t0 = now()
        var parsed = CorpusBuilder.parseAll(docs)
        row.parse = now() - t0
        docs = []
        if n <= 10_000 {
            t0 = now()
            _ = CorpusBuilder.build(parsed)
            row.build = now() - t0
        } else {
            row.build = .nan
        }
        parsed = []
    } else {
        row.read = .nan; row.parse = .nan; row.build = .nan
    }
    var corpus = CorpusCache(directory: cacheDir).load(paths: [dir], key: dir).0
    let t1 = now()
    corpus.searchIndex = SearchIndex(articles: corpus.articles)
    row.index = now() - t1
    row.indexBytes = corpus.searchIndex!.byteSize

    // Incremental search, idle and while another corpus is parsed on both cores.
    let idle = keystrokes(corpus, limit: .max, budget: keyBudget)
    row.keyP50 = percentile(idle, 0.5); row.keyP99 = percentile(idle, 0.99)
    row.firstP99 = percentile(keystrokes(corpus, limit: firstHitLimit), 0.99)
    row.fullP99 = n <= 100_000 ? percentile(keystrokes(corpus, limit: .max, rounds: 1), 0.99) : .nan
    let busy = Box(false)
    let background = Thread {
        let files = SourceListing(paths: [dir]).files.prefix(max(1, min(100, n / 1000)))
        let more = files.flatMap { Loader.load(file: $0.path, id: $0.id).documents }
        _ = SearchIndex(articles: CorpusBuilder.parseAll(more))
        busy.value = true
    }
    background.start()
    var during: [Double] = []
    while !busy.value && during.count < 2000 { during += keystrokes(corpus, limit: .max, budget: keyBudget, rounds: 1) }
    while !busy.value { usleep(10_000) }
    row.busyP99 = percentile(during, 0.99)

    corpus.linkLookup.prepare()  // as the reader does in the background after loading
    corpus.articles.prepare()
    let frames = keyToFrame(corpus)
    row.frameP50 = percentile(frames, 0.5); row.frameP99 = percentile(frames, 0.99)

    // One-shot `dossier search` (whole process) and ripgrep on the same files.
    if hasDossier {
        let env = ["XDG_CACHE_HOME": "\(work)/xdg-\(n)"]
        // Without a cache: the files are scanned and only the records that may match are parsed.
        // Parsing dominates, so large corpora get one run a query.
        if n <= 100_000 {
            for q in oneShot {
                row.searchCold[q] = median((0..<(n >= 100_000 ? 1 : 3)).map { _ in run(dossier, ["search", "--no-cache", "--quiet", q, dir], env: env).seconds })
            }
        }
        // The same work as `rg -l`: each file is read up to its first match.
        for q in oneShot {
            row.filesCold[q] = median((0..<5).map { _ in run(dossier, ["search", "-l", "--no-cache", "--quiet", q, dir], env: env).seconds })
        }
        // The real reader in a terminal: first with no cache (it parses in the background and
        // writes the cache), then three second starts from that cache.
        (row.readerFirstCold, row.readerIndexedCold) = readerStart(dossier, dir: dir, env: env)
        let warmStarts = (0..<3).map { _ in readerStart(dossier, dir: dir, env: env) }
        row.readerFirstWarm = median(warmStarts.map(\.firstFrame)); row.readerIndexedWarm = median(warmStarts.map(\.indexed))
        // A search writes no cache; loading the corpus for another subcommand does.
        run(dossier, ["speakers", "--quiet", dir], env: env)
        precondition((try? FileManager.default.contentsOfDirectory(atPath: "\(work)/xdg-\(n)/dossier"))?.isEmpty == false, "no cache was written")
        for q in oneShot {
            row.searchWarm[q] = median((0..<5).map { _ in run(dossier, ["search", "--quiet", q, dir], env: env).seconds })
        }
    }
    if let rg {
        for q in oneShot {
            let pattern = q.replacingOccurrences(of: "\"", with: "")
            row.rgTimes[q] = median((0..<5).map { _ in run(rg, ["-i", "-l", "-F", pattern, dir]).seconds })
        }
    }
    rows.append(row)
    try? FileManager.default.removeItem(atPath: dir)
    try? FileManager.default.removeItem(atPath: cacheDir)
    try? FileManager.default.removeItem(atPath: "\(work)/xdg-\(n)")
}

// MARK: report

let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
print("Dossier scale benchmark — Reuters-21578 repeated; \(ProcessInfo.processInfo.activeProcessorCount) cores (load average at the end: \(load)); JSONL, 1,000 articles a file")
print("key = one keystroke of incremental search (parse query, index candidates, scan for \(Int(keyBudget * 1000)) ms; the rest on later ticks)")
print("1000 = until the first \(firstHitLimit) hits; all = every hit; busy = key while another corpus is parsed on both cores")
print("")
var t: [[String]] = [["articles", "disk MB", "parse MB/s", "read s", "parse s", "build s", "index s", "index MB",
                      "key p50 ms", "key p99 ms", "1000 p99 ms", "all p99 ms", "busy p99 ms", "frame p50 ms", "frame p99 ms"]]
for r in rows {
    let rate = r.parse.isNaN ? String(format: "%.1f*", Double(r.diskBytes) / 1e6 / r.coldLoad) : String(format: "%.1f", Double(r.diskBytes) / 1e6 / r.parse)
    t.append(["\(r.articles)", mb(r.diskBytes), rate,
              String(format: "%.2f", r.read), String(format: "%.2f", r.parse), String(format: "%.2f", r.build), String(format: "%.2f", r.index),
              mb(r.indexBytes), ms(r.keyP50), ms(r.keyP99), ms(r.firstP99), ms(r.fullP99), ms(r.busyP99), ms(r.frameP50), ms(r.frameP99)])
}
print(table(t))
if rows.contains(where: { $0.parse.isNaN }) { print("* whole cold load (read, parse, build, index, write the cache) in a fresh process") }
print("")
var m: [[String]] = [["articles", "cold load s", "cold peak MB", "×disk", "2nd start ms", "2nd start wall ms", "2nd peak MB", "×disk",
                      "search cached ms", "search cold ms", "cold -l ms", "rg -i -l ms", "cached/rg", "cold/rg", "cold -l/rg"]]
for r in rows {
    let warm = median(Array(r.searchWarm.values)), cold = median(Array(r.searchCold.values)), rgm = median(Array(r.rgTimes.values))
    let files = median(Array(r.filesCold.values))
    m.append(["\(r.articles)", String(format: "%.2f", r.coldLoad), mb(r.coldRSS), String(format: "%.2f", Double(r.coldRSS) / Double(r.diskBytes)),
              ms(r.warmLoad), ms(r.warmWall), mb(r.warmRSS), String(format: "%.2f", Double(r.warmRSS) / Double(r.diskBytes)),
              hasDossier ? ms(warm) : "–", hasDossier ? ms(cold) : "–", hasDossier ? ms(files) : "–", rg == nil ? "–" : ms(rgm),
              rg == nil || !hasDossier ? "–" : String(format: "%.2f", warm / rgm),
              rg == nil || !hasDossier || cold.isNaN ? "–" : String(format: "%.1f", cold / rgm),
              rg == nil || !hasDossier || files.isNaN ? "–" : String(format: "%.2f", files / rgm)])
}
print(table(m))
if !hasDossier { print("(no `dossier` binary beside dossier-bench: run `swift build -c release` first for the search columns)") }
if rg == nil { print("(ripgrep not installed: `apt-get install -y ripgrep` for the rg columns)") }

if hasDossier {
    print("")
    print("the reader in a terminal (160x45), from spawn; cold = no cache (parsing in the background), warm = median of 3 second starts:")
    var r: [[String]] = [["articles", "first frame cold ms", "indexed cold s", "first frame warm ms", "indexed warm ms"]]
    for row in rows {
        r.append(["\(row.articles)", String(format: "%.1f", row.readerFirstCold), String(format: "%.1f", row.readerIndexedCold / 1000),
                  String(format: "%.1f", row.readerFirstWarm), String(format: "%.1f", row.readerIndexedWarm)])
    }
    print(table(r))
}

// Per query at the largest size searched without a cache, and at the largest size.
var perQuery: [Row] = []
if let r = rows.last(where: { !$0.searchCold.isEmpty }) { perQuery.append(r) }
if let r = rows.last, r.articles != perQuery.last?.articles { perQuery.append(r) }
for last in perQuery where rg != nil || hasDossier {
    print("")
    print("one-shot searches at \(last.articles) articles (whole process; median of 5 runs, all hits without a cache \(last.searchCold.isEmpty ? "not run" : last.articles >= 100_000 ? "one run" : "median of 3")):")
    var q: [[String]] = [["query", "cached ms", "cold all hits ms", "cold -l ms", "rg -i -l ms", "cached/rg", "cold/rg", "cold -l/rg"]]
    func ratio(_ a: Double, _ b: Double) -> String { a.isNaN || b.isNaN ? "–" : String(format: "%.2f", a / b) }
    for s in oneShot {
        let d = last.searchWarm[s] ?? .nan, c = last.searchCold[s] ?? .nan, f = last.filesCold[s] ?? .nan, g = last.rgTimes[s] ?? .nan
        q.append([s, ms(d), ms(c), ms(f), ms(g), ratio(d, g), ratio(c, g), ratio(f, g)])
    }
    print(table(q))
}

if let first = rows.first, let last = rows.last(where: { $0.articles <= 100_000 }), last.articles > first.articles {
    let k = Double(last.articles) / Double(first.articles)
    func grow(_ a: Double, _ b: Double) -> String { String(format: "×%.1f", b / a) }
    print("")
    print("growth from \(first.articles) to \(last.articles) articles (×\(Int(k))):")
    print(table([
        ["parse time", last.parse.isNaN ? grow(first.coldLoad, last.coldLoad) + " (cold load)" : grow(first.parse, last.parse)],
        ["index time", grow(first.index, last.index)],
        ["keystroke p99", grow(first.keyP99, last.keyP99)],
        ["first-1000-hits p99", grow(first.firstP99, last.firstP99)],
        ["all-hits p99", grow(first.fullP99, last.fullP99)],
        ["key-to-frame p99", grow(first.frameP99, last.frameP99)],
        ["cold peak RSS", grow(Double(first.coldRSS), Double(last.coldRSS))],
        ["second start", grow(first.warmLoad, last.warmLoad)],
        ["search (cached)", grow(median(Array(first.searchWarm.values)), median(Array(last.searchWarm.values)))],
    ]))
}
