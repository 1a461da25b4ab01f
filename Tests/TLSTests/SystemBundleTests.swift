import Foundation
import Testing
@testable import TLS

/// Debian's CA bundle (package ca-certificates) must load completely: every root parses, its key is a
/// type we support, and every self-signed root verifies its own signature where the algorithm is one we
/// implement. Skips with a note when the bundle is absent.
struct SystemBundleTests {
    static let path = "/etc/ssl/certs/ca-certificates.crt"

    @Test func debianBundleLoads() throws {
        guard let text = try? String(contentsOfFile: Self.path, encoding: .utf8) else {
            print("note: \(Self.path) not present; skipping system bundle test")
            return
        }
        let store = try TrustStore(pem: text)
        #expect(store.roots.count > 100)
        var unsupportedKeys: [String] = []
        var selfSignedChecked = 0
        for root in store.roots {
            guard let key = try? SubjectPublicKeyInfo(der: root.subjectPublicKeyInfo) else {
                unsupportedKeys.append(root.subjectCommonName ?? "?")
                continue
            }
            if root.issuer == root.subject, root.signatureAlgorithm.isSupported {
                #expect(root.isSigned(by: key), "self-signature of \(root.subjectCommonName ?? "?")")
                selfSignedChecked += 1
            }
        }
        #expect(unsupportedKeys.isEmpty, "unsupported keys: \(unsupportedKeys)")
        #expect(selfSignedChecked > 50)
    }
}
