import Testing
@testable import Inflate

/// The committed real-encoder fixtures: decoding, every truncation, bit flips, chunking.
struct FixtureTests {
    @Test func gzipFixtureDecodes() throws {
        #expect(Fixtures.expositionGzip9[3] & 0x08 != 0, "fixture carries a file name")
        #expect(try Inflate.gunzip(Fixtures.expositionGzip9, maxOutput: 1 << 20) == Fixtures.expositionText)
    }

    @Test func zlibFixtureDecodes() throws {
        #expect(try Inflate.zlibInflate(Fixtures.expositionZlib9, maxOutput: 1 << 20) == Fixtures.expositionText)
        let raw = Array(Fixtures.expositionZlib9.dropFirst(2).dropLast(4))
        #expect(try Inflate.rawInflate(raw, maxOutput: 1 << 20) == Fixtures.expositionText)
        #expect(try Inflate.zlibInflate(raw, maxOutput: 1 << 20) == Fixtures.expositionText, "headerless fallback")
    }

    @Test func everyPrefixIsTruncated() {
        let full = Fixtures.expositionGzip9
        for n in 0..<full.count {
            #expect(throws: InflateError.truncated, "prefix \(n)") {
                try Inflate.gunzip(Array(full[0..<n]), maxOutput: 1 << 20)
            }
        }
        let z = Fixtures.expositionZlib9
        for n in 0..<z.count {
            #expect(throws: InflateError.truncated, "zlib prefix \(n)") {
                try Inflate.zlibInflate(Array(z[0..<n]), maxOutput: 1 << 20)
            }
        }
    }

    @Test func everyPrefixStreamsWithoutErrorUntilFinish() throws {
        var stream = InflateStream(format: .gzip, maxOutput: 1 << 20)
        var out: [UInt8] = []
        for b in Fixtures.expositionGzip9 {
            #expect(!stream.isFinished)
            out += try stream.feed([b])
        }
        #expect(stream.isFinished)
        try stream.finish()
        #expect(out == Fixtures.expositionText)
        #expect(stream.totalInput == Fixtures.expositionGzip9.count)
        #expect(stream.totalOutput == Fixtures.expositionText.count)
    }

    @Test func bitFlipsNeverCrash() {
        var rng = Corpus.Rng(state: 99)
        var caught: [InflateError.Kind: Int] = [:]
        var accepted = 0
        let fixture = Fixtures.expositionGzip9
        let headerEnd = fixture[10...].firstIndex(of: 0)! + 1  // after the zero-terminated name
        for _ in 0..<2000 {
            var data = fixture
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let i = headerEnd + Int(rng.next() % UInt64(data.count - headerEnd))
                data[i] ^= 1 << UInt8(rng.next() % 8)
            }
            do {
                _ = try Inflate.gunzip(data, maxOutput: 1 << 16)
                accepted += 1
            } catch {
                caught[error.kind, default: 0] += 1
            }
        }
        // Every flip inside the DEFLATE data or trailer must be caught, by the decoder or a checksum.
        #expect(accepted == 0)
        #expect(caught[.checksum, default: 0] > 0)
        #expect(caught[.corrupt, default: 0] > 0)
    }

    @Test func rawBitFlipsNeverCrash() {
        var rng = Corpus.Rng(state: 5)
        let raw = Array(Fixtures.expositionZlib9.dropFirst(2).dropLast(4))
        for _ in 0..<2000 {
            var data = raw
            let i = Int(rng.next() % UInt64(data.count))
            data[i] ^= 1 << UInt8(rng.next() % 8)
            // Without a checksum the result may be wrong bytes, but never a crash or hang.
            _ = try? Inflate.rawInflate(data, maxOutput: 1 << 16)
            var s = InflateStream(format: .raw, maxOutput: 1 << 16)
            _ = try? s.feed(data[0..<(i / 2)])
            _ = try? s.feed(data[(i / 2)...])
            _ = try? s.finish()
        }
    }
}
