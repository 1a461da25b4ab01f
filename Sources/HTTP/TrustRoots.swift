import Foundation
import Glibc
import Synchronization
import TLS

/// The certificate verifiers of our TLS client, read from disk as rarely as possible: the system CA bundle
/// (the first of `TLSOptions.systemBundleCandidates`) once, on first use, shared by every client; each
/// `ca_file` once per path, read again only when its size or modification time changes (a rotated CA
/// takes effect without a restart, as Prometheus re-reads it). Failures are not cached.
///
/// Parsing follows Go's `AppendCertsFromPEM`: a block that does not parse is skipped, and a file without
/// a single usable certificate is an error.
final class TrustRoots: Sendable {
    static let shared = TrustRoots()

    private struct FileEntry {
        var size: Int
        var modified: timespec
        var verifier: CertificateVerifier
    }

    private let system = Mutex<CertificateVerifier?>(nil)
    private let files = Mutex<[String: FileEntry]>([:])
    /// Bundles larger than this are refused rather than read (Debian's is about 220 KB).
    static let maximumFileSize = 16 << 20
    /// Distinct `ca_file` paths kept; more are read again on each use.
    static let maximumCachedFiles = 256

    /// The verifier for the system bundle.
    func systemVerifier() throws(HTTPError.Kind) -> CertificateVerifier {
        if let v = system.withLock({ $0 }) { return v }
        guard let path = TLSOptions.systemBundle else {
            throw .tls("no system CA bundle found (looked for \(TLSOptions.systemBundleCandidates.joined(separator: ", ")))")
        }
        let verifier = try TrustRoots.load(path, what: "system CA bundle")
        return system.withLock { v in
            if let v { return v }
            v = verifier
            return verifier
        }
    }

    /// The verifier for `ca_file` at `path`, from the cache when the file is unchanged.
    func verifier(caFile path: String) throws(HTTPError.Kind) -> CertificateVerifier {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw .tls("unable to load specified CA cert \(path): \(PosixSocket.describe(errno))")
        }
        let size = Int(st.st_size)
        let modified = st.st_mtim
        if let cached = files.withLock({ $0[path] }), cached.size == size,
           cached.modified.tv_sec == modified.tv_sec, cached.modified.tv_nsec == modified.tv_nsec {
            return cached.verifier
        }
        let verifier = try TrustRoots.load(path, what: "specified CA cert")
        files.withLock { f in
            if f.count >= TrustRoots.maximumCachedFiles && f[path] == nil { f.removeAll() }
            f[path] = FileEntry(size: size, modified: modified, verifier: verifier)
        }
        return verifier
    }

    /// Reads a PEM bundle; each CERTIFICATE block is parsed on its own so that one odd certificate in a
    /// distribution bundle does not make all the others unusable.
    static func load(_ path: String, what: String) throws(HTTPError.Kind) -> CertificateVerifier {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .tls("unable to load \(what) \(path): \(PosixSocket.describe(errno == 0 ? ENOENT : errno))")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw .tls("unable to load \(what) \(path): \(error.localizedDescription)")
        }
        guard data.count <= maximumFileSize else {
            throw .tls("unable to use \(what) \(path): larger than \(maximumFileSize) bytes")
        }
        let certificates = TrustRoots.certificates(inPEM: String(decoding: data, as: UTF8.self))
        guard !certificates.isEmpty else {
            throw .tls("unable to use \(what) \(path): no PEM certificate in it could be parsed")
        }
        return CertificateVerifier(trustStore: TrustStore(certificates: certificates))
    }

    /// Every CERTIFICATE block that parses, in order.
    static func certificates(inPEM text: String) -> [Certificate] {
        var result: [Certificate] = []
        var block: [Substring] = []
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if !inBlock {
                if trimmed == "-----BEGIN CERTIFICATE-----" {
                    inBlock = true
                    block = [trimmed]
                }
                continue
            }
            block.append(trimmed)
            if trimmed.hasPrefix("-----END ") {
                inBlock = false
                if let parsed = try? PEM.certificates(from: block.joined(separator: "\n")) { result += parsed }
                block = []
            } else if block.count > 4096 {
                inBlock = false
                block = []
            }
        }
        return result
    }
}
