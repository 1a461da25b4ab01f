/// A point on a short Weierstrass curve with a = −3 in Jacobian coordinates (x = X/Z², y = Y/Z³),
/// coordinates in Montgomery form. Z = 0 is the point at infinity.
struct JacobianPoint: Sendable {
    var x: [UInt64]
    var y: [UInt64]
    var z: [UInt64]

    var isInfinity: Bool { MontgomeryField.isZero(z) }

    static func infinity(_ f: MontgomeryField) -> Self {
        let zero = [UInt64](repeating: 0, count: f.limbCount)
        return Self(x: f.one, y: f.one, z: zero)
    }

    /// Doubling, "dbl-2001-b" (a = −3).
    func doubled(_ f: MontgomeryField) -> Self {
        guard !isInfinity else { return self }
        let delta = f.square(z)
        let gamma = f.square(y)
        let beta = f.mul(x, gamma)
        let t = f.mul(f.sub(x, delta), f.add(x, delta))
        let alpha = f.add(f.add(t, t), t)
        let beta4 = f.add(f.add(beta, beta), f.add(beta, beta))
        let x3 = f.sub(f.square(alpha), f.add(beta4, beta4))
        let z3 = f.sub(f.sub(f.square(f.add(y, z)), gamma), delta)
        let gamma2 = f.square(gamma)
        let gamma8 = f.add(f.add(f.add(gamma2, gamma2), f.add(gamma2, gamma2)), f.add(f.add(gamma2, gamma2), f.add(gamma2, gamma2)))
        let y3 = f.sub(f.mul(alpha, f.sub(beta4, x3)), gamma8)
        return Self(x: x3, y: y3, z: z3)
    }

    /// Addition, "add-2007-bl", with the doubling and inverse cases handled explicitly.
    func adding(_ other: Self, _ f: MontgomeryField) -> Self {
        if isInfinity { return other }
        if other.isInfinity { return self }
        let z1z1 = f.square(z), z2z2 = f.square(other.z)
        let u1 = f.mul(x, z2z2), u2 = f.mul(other.x, z1z1)
        let s1 = f.mul(f.mul(y, other.z), z2z2)
        let s2 = f.mul(f.mul(other.y, z), z1z1)
        let h = f.sub(u2, u1)
        let rHalf = f.sub(s2, s1)
        if MontgomeryField.isZero(h) {
            return MontgomeryField.isZero(rHalf) ? doubled(f) : .infinity(f)
        }
        let h2 = f.add(h, h)
        let i = f.square(h2)
        let j = f.mul(h, i)
        let r = f.add(rHalf, rHalf)
        let v = f.mul(u1, i)
        let x3 = f.sub(f.sub(f.square(r), j), f.add(v, v))
        let s1j = f.mul(s1, j)
        let y3 = f.sub(f.mul(r, f.sub(v, x3)), f.add(s1j, s1j))
        let z3 = f.mul(f.sub(f.sub(f.square(f.add(z, other.z)), z1z1), z2z2), h)
        return Self(x: x3, y: y3, z: z3)
    }

    /// The affine x-coordinate as a plain (non-Montgomery) integer; nil at infinity.
    func affineX(_ f: MontgomeryField) -> [UInt64]? {
        guard !isInfinity else { return nil }
        let zInverse = f.inverse(z)
        return f.fromMontgomery(f.mul(x, f.square(zInverse)))
    }
}
