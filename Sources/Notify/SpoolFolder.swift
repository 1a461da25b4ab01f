import Foundation

/// One notifier's folder of undelivered batches: a file per batch named by its sequence number
/// (`00000000000000000042.json`), written to a temporary name, synced and renamed into place so
/// a crash leaves either the whole file or none. Folders and files are private to the user
/// (alerts may carry sensitive labels). A file that does not read back is reported
/// and renamed to `*.corrupt`, never fatal.
struct SpoolFolder: Sendable {
    let path: String

    /// Files larger than this are not read (the queue bound keeps real ones far smaller).
    static let maxFileBytes = 256 << 20

    struct Loaded {
        var entries: [(seq: UInt64, alerts: [OutgoingAlert])] = []
        var problems: [String] = []
    }

    func create() throws(NotifyError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw NotifyError("cannot create the spool folder \(path): \(error.localizedDescription)")
        }
    }

    func fileName(_ seq: UInt64) -> String {
        let digits = String(seq)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + ".json"
    }

    /// Every readable batch in sequence order; leftovers of interrupted writes are removed.
    func load() -> Loaded {
        var out = Loaded()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            out.problems.append("cannot list the spool folder \(path): \(error.localizedDescription)")
            return out
        }
        for name in names.sorted() {
            let full = path + "/" + name
            if name.hasSuffix(".tmp") {
                unlink(full)
                continue
            }
            guard name.hasSuffix(".json"), let seq = UInt64(name.dropLast(5)) else { continue }
            do throws(SpoolFormatError) {
                out.entries.append((seq, try read(full)))
            } catch {
                let aside = full + ".corrupt"
                if rename(full, aside) == 0 {
                    out.problems.append("spool file \(full) is unreadable (\(error.description)); moved aside to \(aside)")
                } else {
                    unlink(full)
                    out.problems.append("spool file \(full) is unreadable (\(error.description)); removed")
                }
            }
        }
        out.entries.sort { $0.seq < $1.seq }
        return out
    }

    private func read(_ file: String) throws(SpoolFormatError) -> [OutgoingAlert] {
        var st = stat()
        guard stat(file, &st) == 0 else { throw SpoolFormatError("cannot stat: \(ProcessRunner.errorText(errno))") }
        guard Int(st.st_size) <= Self.maxFileBytes else { throw SpoolFormatError("\(st.st_size) bytes is too large") }
        guard let data = FileManager.default.contents(atPath: file) else { throw SpoolFormatError("cannot read") }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SpoolFormatError("not JSON")
        }
        guard let root = object as? [String: Any], OutgoingAlert.integer(root["version"]) == 1,
              let list = root["alerts"] as? [Any] else {
            throw SpoolFormatError("not a version 1 spool batch")
        }
        var alerts: [OutgoingAlert] = []
        alerts.reserveCapacity(list.count)
        for item in list { alerts.append(try OutgoingAlert(spool: item)) }
        return alerts
    }

    /// Writes a batch atomically and durably (temporary file, fsync, rename, fsync of the folder).
    func write(_ seq: UInt64, _ alerts: [OutgoingAlert]) throws(NotifyError) {
        var text = "{\"version\":1,\"alerts\":["
        for (i, a) in alerts.enumerated() {
            if i > 0 { text += "," }
            text += a.spoolJSON()
        }
        text += "]}\n"
        let final = path + "/" + fileName(seq)
        let temp = final + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw NotifyError("spool \(temp): \(ProcessRunner.errorText(errno))") }
        if let e = AlertLogNotifier.writeAll(fd, Array(text.utf8)) {
            close(fd)
            unlink(temp)
            throw NotifyError("spool \(temp): \(e)")
        }
        let synced = fsync(fd) == 0
        let syncError = errno
        close(fd)
        guard synced else {
            unlink(temp)
            throw NotifyError("spool \(temp): fsync: \(ProcessRunner.errorText(syncError))")
        }
        guard rename(temp, final) == 0 else {
            let e = errno
            unlink(temp)
            throw NotifyError("spool \(final): rename: \(ProcessRunner.errorText(e))")
        }
        syncFolder()
    }

    func remove(_ seq: UInt64) {
        unlink(path + "/" + fileName(seq))
    }

    func syncFolder() {
        let dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }
}
