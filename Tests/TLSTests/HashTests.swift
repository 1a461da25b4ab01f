import Testing
@testable import TLS

/// FIPS 180-4 example messages (NIST CSRC "Example Algorithms"), streaming split points, empty input.
struct HashTests {
    static let abc = Array("abc".utf8)
    static let msg448 = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    static let msg896 = Array(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
            .utf8)

    @Test func sha256Vectors() {
        #expect(hexString(SHA256.hash(Self.abc)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hexString(SHA256.hash(Self.msg448)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hexString(SHA256.hash([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func sha384Vectors() {
        #expect(hexString(SHA384.hash(Self.abc)) == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
        #expect(hexString(SHA384.hash(Self.msg896)) == "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039")
        #expect(hexString(SHA384.hash([UInt8]())) == "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")
    }

    @Test func sha512Vector() {
        #expect(hexString(SHA512.hash(Self.abc)) == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
    }

    /// One million 'a' fed in uneven pieces exercises every buffering path.
    @Test func millionAsStreamed() {
        let chunk = [UInt8](repeating: 0x61, count: 997)
        var h256 = SHA256()
        var h384 = SHA384()
        var fed = 0
        var step = 1
        while fed < 1_000_000 {
            let n = min(step, 1_000_000 - fed, chunk.count)
            h256.update(chunk[0..<n])
            h384.update(chunk[0..<n])
            fed += n
            step = step % 997 + 13
        }
        #expect(hexString(h256.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(hexString(h384.finalize()) == "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985")
    }

    /// Lengths around the padding boundaries (55/56/63/64 and 111/112/127/128) must match one-shot hashing
    /// done byte by byte.
    @Test(arguments: [0, 1, 55, 56, 57, 63, 64, 65, 111, 112, 113, 127, 128, 129, 200])
    func byteByByteMatchesOneShot(length: Int) {
        let data = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var a = SHA256(), b = SHA384()
        for byte in data {
            a.update(CollectionOfOne(byte))
            b.update(CollectionOfOne(byte))
        }
        #expect(a.finalize() == SHA256.hash(data))
        #expect(b.finalize() == SHA384.hash(data))
    }
}
