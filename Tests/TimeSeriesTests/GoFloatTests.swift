import Testing
@testable import TimeSeries

@Suite struct GoFloatTests {
    @Test(arguments: [
        (0.0, "0"), (1.0, "1"), (-1.5, "-1.5"), (100000.0, "100000"), (1e6, "1e+06"),
        (1e20, "1e+20"), (1e21, "1e+21"), (999999.0, "999999"), (0.0001, "0.0001"), (0.00001, "1e-05"),
        (123456789.0, "1.23456789e+08"), (0.1 + 0.2, "0.30000000000000004"), (Double.leastNonzeroMagnitude, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"), (Double.nan, "NaN"),
        (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (-0.0, "-0"), (12.5, "12.5"),
    ])
    func formatG(v: Double, expected: String) {
        #expect(GoFloat.format(v) == expected)
    }

    @Test(arguments: [(1e21, "1000000000000000000000"), (1e-5, "0.00001"), (2.5, "2.5"), (0.0, "0")])
    func formatFixed(v: Double, expected: String) {
        #expect(GoFloat.formatFixed(v) == expected)
    }
}

@Suite struct GoFloatExponentTests {
    @Test(arguments: [
        (1.0, "1E+00"), (65.0, "6.5E+01"), (1.5e-7, "1.5E-07"), (0.0, "0E+00"), (-0.0, "-0E+00"),
        (-2.5, "-2.5E+00"), (1e100, "1E+100"), (Double.nan, "NaN"), (Double.infinity, "+Inf"),
        (-Double.infinity, "-Inf"), (0.1 + 0.2, "3.0000000000000004E-01"),
    ])
    func formatExponent(v: Double, expected: String) {
        #expect(GoFloat.formatExponent(v) == expected)
    }
}
