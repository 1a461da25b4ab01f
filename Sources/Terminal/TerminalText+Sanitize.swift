/// Removing escape sequences and invisible characters from untrusted strings.
extension TerminalText {
    private enum State {
        case text
        /// After ESC.
        case escape
        /// After ESC and intermediate bytes (0x20...0x2F), waiting for the final byte.
        case escapeIntermediate
        /// Inside a control sequence (ESC [ or CSI), until a final byte 0x40...0x7E.
        case csi
        /// Inside a string command (OSC, DCS, SOS, PM, APC), until BEL or ST.
        case command
    }

    /// `s` without escape sequences, controls, bidi controls, joiners or other format characters.
    /// With `keepNewlines`, line feeds stay (CR LF and lone CR become LF) for multi-line text;
    /// otherwise line breaks and tabs become spaces. An unterminated string command (an OSC without
    /// its BEL/ST) swallows the rest of the text, as a terminal would.
    public static func sanitize(_ s: String, keepNewlines: Bool = false) -> String {
        // Fast path: printable ASCII only.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
        var out = String.UnicodeScalarView()
        var state = State.text
        var haveBase = false
        var marks = 0
        var lastWasCR = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            var reprocess = true
            while reprocess {
                reprocess = false
                switch state {
                case .text:
                    switch v {
                    case 0x1B: state = .escape
                    case 0x9B: state = .csi
                    case 0x90, 0x98, 0x9D, 0x9E, 0x9F: state = .command
                    case 0x0A:
                        if keepNewlines {
                            if !lastWasCR { out.append("\n") }
                        } else {
                            out.append(" ")
                        }
                        haveBase = false
                    case 0x0D:
                        out.append(keepNewlines ? "\n" : " ")
                        haveBase = false
                    default:
                        switch classify(scalar) {
                        case .drop: break
                        case .space:
                            out.append(" ")
                            haveBase = true
                            marks = 0
                        case .zero:
                            if haveBase && marks < maxMarks {
                                out.append(scalar)
                                marks += 1
                            }
                        case .narrow, .wide:
                            out.append(scalar)
                            haveBase = true
                            marks = 0
                        }
                    }
                case .escape:
                    switch v {
                    case 0x5B: state = .csi                               // [
                    case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .command   // ] P X ^ _
                    case 0x20...0x2F: state = .escapeIntermediate
                    case 0x30...0x7E: state = .text
                    case 0x1B: break
                    default:
                        state = .text
                        reprocess = true
                    }
                case .escapeIntermediate:
                    switch v {
                    case 0x20...0x2F: break
                    case 0x30...0x7E: state = .text
                    case 0x1B: state = .escape
                    default:
                        state = .text
                        reprocess = true
                    }
                case .csi:
                    switch v {
                    case 0x20...0x3F: break
                    case 0x40...0x7E: state = .text
                    case 0x1B: state = .escape
                    default:
                        state = .text
                        reprocess = true
                    }
                case .command:
                    switch v {
                    case 0x07, 0x9C: state = .text
                    case 0x1B: state = .escape
                    default: break
                    }
                }
            }
            lastWasCR = v == 0x0D
        }
        return String(out)
    }
}
