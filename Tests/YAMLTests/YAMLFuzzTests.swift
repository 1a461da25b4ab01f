import Testing
import YAML

/// Seeded random mutations of valid documents: the reader must return or throw, never trap.
@Suite struct YAMLFuzzTests {
    static let seeds = [
        "a: 1\nb:\n  - x\n  - {y: [1, 2]}\nc: |\n  text\n  more\nd: >-\n  folded\n",
        "base: &b {x: 1}\nd:\n  <<: *b\n  k: \"esc \\u263A \\x41\"\ne: 'q''s'\n",
        "--- !!map\n? \n%YAML 1.2\n...\n- - - a\n    - b\n  - c: d\n",
        "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: |\n          up == 0\n        for: 5m\n",
    ]
    static let alphabet: [Character] = [
        " ", "\n", "\t", "-", ":", "?", "[", "]", "{", "}", ",", "#", "&", "*", "!", "|", ">", "'", "\"", "%",
        "@", "\\", "a", "1", ".", "<", "\r",
    ]

    @Test func mutationsNeverCrash() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var loaded = 0, failed = 0
        for round in 0..<3000 {
            var chars = Array(Self.seeds[round % Self.seeds.count])
            for _ in 0..<(1 + next(4)) {
                let at = next(chars.count + 1)
                switch next(3) {
                case 0: chars.insert(Self.alphabet[next(Self.alphabet.count)], at: at)
                case 1: if at < chars.count { chars.remove(at: at) }
                default: if at < chars.count { chars[at] = Self.alphabet[next(Self.alphabet.count)] }
                }
            }
            do {
                _ = try YAML.loadAll(String(chars), file: "fuzz.yaml")
                loaded += 1
            } catch {
                failed += 1
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
        #expect(loaded + failed == 3000)
    }
}
