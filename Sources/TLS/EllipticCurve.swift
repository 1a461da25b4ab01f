/// The NIST prime curves TLS certificates use (FIPS 186-4 §D.1.2 / SEC 2): y² = x³ − 3x + b over GF(p),
/// with base point G of prime order n. Holds the field and scalar arithmetic for ECDSA verification.
struct EllipticCurve: Sendable {
    let name: String
    let field: MontgomeryField
    let order: MontgomeryField
    /// Coordinate / scalar length in bytes.
    let byteCount: Int
    /// b in Montgomery form.
    let b: [UInt64]
    let generator: JacobianPoint

    static let p256 = EllipticCurve(
        name: "P-256", byteCount: 32,
        p: "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
        n: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
        b: "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
        gx: "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
        gy: "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5")

    static let p384 = EllipticCurve(
        name: "P-384", byteCount: 48,
        p: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
        n: "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973",
        b: "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef",
        gx: "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7",
        gy: "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f")

    private init(name: String, byteCount: Int, p: String, n: String, b: String, gx: String, gy: String) {
        self.name = name
        self.byteCount = byteCount
        let f = MontgomeryField(modulusHex: p)
        field = f
        order = MontgomeryField(modulusHex: n)
        self.b = f.toMontgomery(MontgomeryField.limbs(hex: b))
        generator = JacobianPoint(
            x: f.toMontgomery(MontgomeryField.limbs(hex: gx)), y: f.toMontgomery(MontgomeryField.limbs(hex: gy)), z: f.one)
    }

    /// Whether affine (x, y), in Montgomery form, satisfies y² = x³ − 3x + b.
    func isOnCurve(x: [UInt64], y: [UInt64]) -> Bool {
        let f = field
        let x3 = f.mul(f.square(x), x)
        let threeX = f.add(f.add(x, x), x)
        return f.square(y) == f.add(f.sub(x3, threeX), b)
    }

    /// u1·G + u2·Q by interleaved double-and-add (Shamir's trick); scalars are plain little-endian limbs.
    /// Variable time: inputs are public in signature verification.
    func doubleScalarMultiply(u1: [UInt64], u2: [UInt64], q: JacobianPoint) -> JacobianPoint {
        let f = field
        let sum = generator.adding(q, f)
        var r = JacobianPoint.infinity(f)
        for i in stride(from: 64 * order.limbCount - 1, through: 0, by: -1) {
            r = r.doubled(f)
            let b1 = (u1[i / 64] >> UInt64(i % 64)) & 1, b2 = (u2[i / 64] >> UInt64(i % 64)) & 1
            switch (b1, b2) {
            case (1, 1): r = r.adding(sum, f)
            case (1, 0): r = r.adding(generator, f)
            case (0, 1): r = r.adding(q, f)
            default: break
            }
        }
        return r
    }
}
