import Foundation

/// Small per-corpus state files under `$XDG_STATE_HOME/dossier/` (default
/// `~/.local/state/dossier/`), written atomically: temporary file, fsync, rename.
public struct StateStore: Sendable {
    public let directory: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        directory = XDG.dossierDirectory("XDG_STATE_HOME", fallback: ".local/state", environment: environment)
    }

    public init(directory: String) { self.directory = directory }

    /// The file for a corpus, named by a stable hash of its absolute path(s).
    public func path(forCorpus key: String) -> String {
        var h: UInt64 = 14695981039346656037
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        return directory + "/state-" + String(h, radix: 16) + ".json"
    }

    /// Reads a saved value. A missing file is nil; an unreadable, foreign or other-corpus one is
    /// nil plus a one-line warning (what happens first, the file last, so it survives truncation),
    /// never a crash.
    public func load<T: Decodable>(_ type: T.Type, corpus key: String) -> (T?, String?) {
        let file = path(forCorpus: key)
        guard let data = FileManager.default.contents(atPath: file) else { return (nil, nil) }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            return (nil, "corrupt saved state ignored, starting fresh: \(file)")
        }
        guard header.format == Self.format else {
            return (nil, "unknown saved state ignored, starting fresh: \(file)")
        }
        guard let envelope = try? JSONDecoder().decode(Envelope<T>.self, from: data) else {
            return (nil, "corrupt saved state ignored, starting fresh: \(file)")
        }
        guard envelope.corpus == key else {
            return (nil, "other corpus's saved state ignored, starting fresh: \(file)")
        }
        return (envelope.value, nil)
    }

    /// Writes atomically; returns an error message instead of throwing.
    @discardableResult
    public func save<T: Encodable>(_ value: T, corpus key: String) -> String? {
        let file = path(forCorpus: key)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let data = try JSONEncoder().encode(Envelope(format: Self.format, corpus: key, value: value))
            try Self.atomicWrite(data, to: file)
            return nil
        } catch {
            return "could not save reading state to \(file): \(error.localizedDescription)"
        }
    }

    /// Write to a temporary file in the same folder, fsync it, then rename over the target.
    public static func atomicWrite(_ data: Data, to file: String) throws {
        let tmp = file + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        var ok = data.withUnsafeBytes { buf -> Bool in
            var off = 0
            while off < buf.count {
                let n = write(fd, buf.baseAddress! + off, buf.count - off)
                if n <= 0 { return false }
                off += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(tmp, file) == 0 else { unlink(tmp); throw CocoaError(.fileWriteUnknown) }
        // The rename itself survives a crash only once the folder is synced too.
        let dir = open((file as NSString).deletingLastPathComponent, O_RDONLY)
        if dir >= 0 { _ = fsync(dir); close(dir) }
    }

    static let format = "dossier-state-1"
    /// Every saved file says what wrote it and for which corpus, so a foreign file is recognised.
    struct Envelope<T> { var format: String; var corpus: String; var value: T }
    struct Header: Decodable { var format: String }
}

extension StateStore.Envelope: Decodable where T: Decodable {}
extension StateStore.Envelope: Encodable where T: Encodable {}
