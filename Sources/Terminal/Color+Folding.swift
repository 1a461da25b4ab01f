/// Folding colours down a capability level: truecolor to the xterm 256 palette (6×6×6 cube or the
/// 24-step grey ramp, whichever is nearer), anything to the 16 standard colours, and to monochrome.
extension Color {
    /// The xterm default RGB values of the 16 standard colours, used to find the nearest one.
    static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    /// Channel values of the 6×6×6 cube (indices 16...231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// This colour as the terminal at `level` can show it. Monochrome keeps only `.default`.
    public func folded(to level: ColorLevel) -> Color {
        switch (self, level) {
        case (.default, _): return .default
        case (_, .monochrome): return .default
        case (_, .truecolor): return self
        case (.ansi, _): return self
        case (.indexed(let i), .ansi256): return .indexed(i)
        case (.indexed(let i), .ansi16):
            if i < 16 { return .ansi(i) }
            let (r, g, b) = Color.rgbOfIndex(i)
            return .ansi(Color.nearestANSI(r, g, b))
        case (.rgb(let r, let g, let b), .ansi256): return .indexed(Color.nearestIndex256(r, g, b))
        case (.rgb(let r, let g, let b), .ansi16): return .ansi(Color.nearestANSI(r, g, b))
        default: return self
        }
    }

    /// The RGB value of an xterm palette index (0...15 use the xterm defaults).
    public static func rgbOfIndex(_ i: UInt8) -> (UInt8, UInt8, UInt8) {
        let n = Int(i)
        if n < 16 { return ansiRGB[n] }
        if n < 232 {
            let c = n - 16
            return (UInt8(cubeLevels[c / 36]), UInt8(cubeLevels[(c / 6) % 6]), UInt8(cubeLevels[c % 6]))
        }
        let v = UInt8(8 + (n - 232) * 10)
        return (v, v, v)
    }

    /// Index of the cube level nearest to a channel value.
    private static func cubeStep(_ v: Int) -> Int {
        if v < 48 { return 0 }
        if v < 115 { return 1 }
        return min(5, (v - 35) / 40)
    }

    /// The nearest colour in the 256 palette's cube or grey ramp (the 16 system colours are skipped:
    /// terminals redefine them).
    public static func nearestIndex256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let (ri, gi, bi) = (cubeStep(Int(r)), cubeStep(Int(g)), cubeStep(Int(b)))
        let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        let cubeIndex = 16 + 36 * ri + 6 * gi + bi
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grey = 8 + 10 * greyStep
        let dCube = distance(Int(r), Int(g), Int(b), cube.0, cube.1, cube.2)
        let dGrey = distance(Int(r), Int(g), Int(b), grey, grey, grey)
        return UInt8(dGrey < dCube ? 232 + greyStep : cubeIndex)
    }

    /// The standard colour with the same hue family, so a theme's red stays red: low-saturation
    /// colours become black, bright black, white or bright white by lightness; others map to red,
    /// yellow, green, cyan, blue or magenta by hue, bright when light (or at full intensity).
    /// (Plain RGB distance would send muted theme colours such as Nord's red to grey.)
    public static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let ri = Int(r), gi = Int(g), bi = Int(b)
        let hi = Swift.max(ri, gi, bi), lo = Swift.min(ri, gi, bi)
        let chroma = hi - lo
        let lightness = (hi + lo) / 2
        if chroma < 24 || chroma * 5 < hi {
            if lightness < 64 { return 0 }
            if lightness < 160 { return 8 }
            return lightness < 225 ? 7 : 15
        }
        let c = Double(chroma)
        var hue: Double
        if hi == ri {
            hue = 60 * (Double(gi - bi) / c)
        } else if hi == gi {
            hue = 60 * (Double(bi - ri) / c + 2)
        } else {
            hue = 60 * (Double(ri - gi) / c + 4)
        }
        if hue < 0 { hue += 360 }
        // Hue bands drawn by eye rather than equal 60° sectors: blue and green look wider than cyan.
        let base: UInt8
        switch hue {
        case 20..<70: base = 3      // yellow (and orange)
        case 70..<165: base = 2     // green
        case 165..<200: base = 6    // cyan
        case 200..<270: base = 4    // blue
        case 270..<330: base = 5    // magenta
        default: base = 1           // red
        }
        let bright = lightness >= 150 || hi >= 250
        return base + (bright ? 8 : 0)
    }

    /// Squared distance weighted by the eye's sensitivity (the "redmean" approximation).
    static func distance(_ r1: Int, _ g1: Int, _ b1: Int, _ r2: Int, _ g2: Int, _ b2: Int) -> Int {
        let rm = (r1 + r2) / 2
        let dr = r1 - r2, dg = g1 - g2, db = b1 - b2
        return ((512 + rm) * dr * dr >> 8) + 4 * dg * dg + ((767 - rm) * db * db >> 8)
    }
}
