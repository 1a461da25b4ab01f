import Config

/// Maps a Grafana colour (a palette name such as `dark-red`, a CSS name, `#rrggbb`, `rgb()` or
/// `rgba()`) to the nearest of Vigil's threshold colours, by hue and saturation.
enum GrafanaColor {
    static func map(_ text: String) -> PanelConfig.Color? {
        let name = text.trimmed(" ").lowercased()
        var base = name
        for prefix in ["super-light-", "semi-dark-", "light-", "dark-"] where base.hasPrefix(prefix) {
            base = String(base.dropFirst(prefix.count))
            break
        }
        switch base {
        case "green": return .green
        case "yellow": return .yellow
        case "orange": return .orange
        case "red": return .red
        case "blue": return .blue
        case "purple", "magenta", "pink": return .magenta
        case "cyan", "teal", "aqua": return .cyan
        case "white", "text": return .white
        case "gray", "grey", "black": return .gray
        default: break
        }
        guard let (r, g, b) = rgb(name) else { return nil }
        return nearest(r: r, g: g, b: b)
    }

    /// Red, green and blue in 0...1 from `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(r, g, b)`, `rgba(r, g, b, a)`.
    static func rgb(_ text: String) -> (Double, Double, Double)? {
        if text.hasPrefix("#") {
            let hex = Array(text.dropFirst())
            func value(_ s: ArraySlice<Character>) -> Double? { UInt8(String(s), radix: 16).map { Double($0) / 255 } }
            switch hex.count {
            case 3, 4:
                guard let r = value([hex[0], hex[0]][...]), let g = value([hex[1], hex[1]][...]), let b = value([hex[2], hex[2]][...]) else { return nil }
                return (r, g, b)
            case 6, 8:
                guard let r = value(hex[0..<2]), let g = value(hex[2..<4]), let b = value(hex[4..<6]) else { return nil }
                return (r, g, b)
            default:
                return nil
            }
        }
        guard text.hasPrefix("rgb"), let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return nil }
        let parts = text[text.index(after: open)..<close].split(separator: ",").map { String($0).trimmed(" ") }
        guard parts.count >= 3, let r = Double(parts[0]), let g = Double(parts[1]), let b = Double(parts[2]),
              [r, g, b].allSatisfy({ (0...255).contains($0) }) else { return nil }
        return (r / 255, g / 255, b / 255)
    }

    /// The Vigil colour closest in hue; unsaturated colours are white or gray.
    static func nearest(r: Double, g: Double, b: Double) -> PanelConfig.Color {
        let maxC = max(r, g, b), minC = min(r, g, b)
        let delta = maxC - minC
        let saturation = maxC == 0 ? 0 : delta / maxC
        if saturation < 0.2 || delta < 0.08 { return maxC > 0.75 ? .white : .gray }
        var hue: Double
        if maxC == r {
            hue = 60 * ((g - b) / delta)
        } else if maxC == g {
            hue = 60 * ((b - r) / delta + 2)
        } else {
            hue = 60 * ((r - g) / delta + 4)
        }
        if hue < 0 { hue += 360 }
        switch hue {
        case ..<15: return .red
        case ..<38: return .orange
        case ..<70: return .yellow
        case ..<165: return .green
        case ..<195: return .cyan
        case ..<255: return .blue
        case ..<335: return .magenta
        default: return .red
        }
    }
}
