import Foundation
import Synchronization

/// An exclusive `flock` on `<spool>/.lock`, so two Vigil processes never deliver (and delete)
/// the same spooled batches. Released by `release()` or when the process ends.
final class SpoolLock: Sendable {
    private let fd: Mutex<Int32?>

    init(directory: String) throws(NotifyError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw NotifyError("cannot create the spool folder \(directory): \(error.localizedDescription)")
        }
        let path = directory + "/.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw NotifyError("spool lock \(path): \(ProcessRunner.errorText(errno))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw NotifyError("the spool folder \(directory) is in use by another Vigil process")
        }
        self.fd = Mutex(fd)
    }

    func release() {
        fd.withLock { fd in
            guard let f = fd else { return }
            flock(f, LOCK_UN)
            close(f)
            fd = nil
        }
    }

    deinit { release() }
}
