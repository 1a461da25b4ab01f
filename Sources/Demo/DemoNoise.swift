/// Seeded, stateless noise: the same (seed, stream, tick) always gives the same number, so the
/// simulation's values depend only on elapsed time and are reproducible in tests.
struct DemoNoise: Sendable {
    let seed: UInt64

    /// A uniform number in [0, 1).
    func uniform(_ stream: UInt64, _ tick: Int) -> Double {
        var z = seed &+ stream &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(bitPattern: Int64(tick)) &* 0xD1B5_4A32_D192_ED03
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    /// `x` rounded down or up at random, with the expected value `x`: counts stay integers and
    /// their long-run rate stays exact.
    func round(_ x: Double, _ stream: UInt64, _ tick: Int) -> Double {
        guard x > 0 else { return 0 }
        return (x + uniform(stream, tick)).rounded(.down)
    }

    /// A phase in [0, 2π) for stream `stream`, fixed for the seed.
    func phase(_ stream: UInt64) -> Double { uniform(stream, -1) * 2 * Double.pi }
}
