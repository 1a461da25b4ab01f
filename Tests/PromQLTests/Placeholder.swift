import Testing

@Test func PromQLTestsBuilds() {}
