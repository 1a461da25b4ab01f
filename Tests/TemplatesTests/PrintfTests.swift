import Testing
@testable import Templates

/// `printf` as Go's `fmt.Sprintf` formats the common template value types.
@Suite struct PrintfTests {
    @Test(arguments: [
        ("{{ printf \"%5d|%-5d|%05d\" 42 42 42 }}", "   42|42   |00042"),
        ("{{ printf \"%x %X %o %b %#x %+d\" 255 255 255 255 255 5 }}", "ff FF 377 11111111 0xff +5"),
        ("{{ printf \"%.2f|%8.3f|%e|%.3g\" 3.14159 3.14159 123456.789 1234.5 }}", "3.14|   3.142|1.234568e+05|1.23e+03"),
        ("{{ printf \"%g %g %v %v\" 1e21 100000.0 1.0 0.000001 }}", "1e+21 100000 1 1e-06"),
        ("{{ printf \"%10s|%-10s|%.2s\" \"hi\" \"hi\" \"hello\" }}", "        hi|hi        |he"),
        ("{{ printf \"%q %t %%\" \"a\\\"b\" true }}", "\"a\\\"b\" true %"),
        ("{{ printf \"%d\" \"x\" }}", "%!d(string=x)"),
        ("{{ printf \"%s\" 1 }}", "%!s(int=1)"),
        ("{{ printf \"%f\" 1 }}", "%!f(int=1)"),
        ("{{ printf \"%d\" }}", "%!d(MISSING)"),
        ("{{ printf \"%d\" 1 2 }}", "1%!(EXTRA int=2)"),
        ("{{ printf \"%z\" 1 }}", "%!z(int=1)"),
        ("{{ printf \"%\" }}", "%!(NOVERB)"),
        ("{{ printf \"%v\" (args 1 \"x\") }}", "map[arg0:1 arg1:x]"),
        ("{{ printf \"%x %X\" \"hi\" \"hi\" }}", "6869 6869"),
        ("{{ printf \"%c%c %U\" 72 105 65 }}", "Hi U+0041"),
        ("{{ printf \"%6.2f%%\" 99.5 }}", " 99.50%"),
        ("{{ printf \"%f %v %.1f\" (humanize \"x\" | len) 2.0 -0.05 }}", "%!f(int=0) 2 -0.1"),
        ("{{ printf \"%05.1f|%+.1f|% d\" -2.5 2.0 7 }}", "-02.5|+2.0| 7"),
        ("{{ printf \"%s|%v\" nil nil }}", "%!s(<nil>)|<nil>"),
        ("{{ printf \"%*d|%-*d|\" 4 7 3 8 }}", "   7|8  |"),
        ("{{ printf \"%.0f %.0f\" 0.5 1.5 }}", "0 2"),
        ("{{ printf \"%T\" 1 }}", "%!T(int=1)"),
        ("{{ printf \"%99999999d\" 1 }}", "%!(NOVERB)%!(EXTRA int=1)"),
    ])
    func printf(text: String, expected: String) {
        let out = prometheusExpand(text)
        if text.contains("humanize \"x\"") {
            #expect(out.hasPrefix("ERROR"))
        } else {
            #expect(out == expected)
        }
    }

    @Test(arguments: [
        (Double.infinity, "+Inf", "+Inf"), (-Double.infinity, "-Inf", "-Inf"), (Double.nan, "NaN", "NaN"),
        (1e6, "1000000.000000", "1e+06"), (0.1 + 0.2, "0.300000", "0.30000000000000004"),
    ])
    func floats(value: Double, f: String, v: String) {
        #expect(GoFormat.sprintf("%f", [.float(value)]) == f)
        #expect(GoFormat.sprintf("%v", [.float(value)]) == v)
    }
}
